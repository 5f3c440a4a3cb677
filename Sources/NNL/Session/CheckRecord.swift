/// One `check(cond, message)` as it ran, recorded under `CheckMode.record`. When the condition
/// was an `allclose` or `isequal`, the two values it compared come with it, exactly as compared:
/// hosts explain a failure from them and never evaluate anything again.
public struct CheckRecord: Sendable {
    /// Where the check is written; its file is held, as a `Diagnostic`'s is.
    public var range: SourceRange {
        get { place.range }
        set { place = HeldRange(newValue) }
    }
    private var place: HeldRange
    public var message: String
    public var passed: Bool
    public var comparison: Comparison?

    public var line: Int { range.line }

    public init(range: SourceRange, message: String, passed: Bool, comparison: Comparison? = nil) {
        place = HeldRange(range)
        self.message = message
        self.passed = passed
        self.comparison = comparison
    }
}

/// The operands of one `allclose(found, expected)` or `isequal(found, expected)` call.
public struct Comparison: Sendable {
    public var function: String
    public var found: Value
    public var expected: Value
    /// Where the comparison is written: the check around it must contain it. Held: the
    /// interpreter keeps the latest comparison until the next check, maybe a later run's.
    var place: HeldRange
}

extension Interpreter {
    /// What `check` does with its result: stop the run, or record it for the host.
    func check(_ passed: Bool, _ message: String, at range: SourceRange) throws(Diagnostic) {
        let comparison = lastComparison.flatMap { range.contains($0.place.range) ? $0 : nil }
        lastComparison = nil
        if recordsChecks(from: range.file) {
            recordedChecks.append(CheckRecord(range: range, message: message, passed: passed, comparison: comparison))
        } else if !passed {
            throw Diagnostic("check failed: \(message)", at: range)
        }
    }

    private func recordsChecks(from source: SourceFile?) -> Bool {
        switch environment.checks {
        case .raise: false
        case .record: true
        case .recordProtected: environment.protection.isProtected(source)
        }
    }

    /// Called by `allclose` and `isequal`, so a `check` around them knows what they compared.
    func noteComparison(_ function: String, found: Value, expected: Value, at range: SourceRange) {
        lastComparison = Comparison(function: function, found: found, expected: expected, place: HeldRange(range))
    }
}

extension SourceRange {
    /// Whether `other` starts inside this range, on its line.
    func contains(_ other: SourceRange) -> Bool {
        other.file === file && other.line == line && other.column >= column && other.column < column + length
    }
}
