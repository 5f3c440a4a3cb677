/// An error or warning for the learner: what went wrong, where, and what might fix it.
/// Thrown as a Swift error; printed only by `DiagnosticRenderer`.
public struct Diagnostic: Error, Sendable {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var message: String
    /// Where it happened. Its file is held (`place`): an error is quoted after its run, and
    /// after its cell, function or handle is gone.
    public var range: SourceRange? {
        get { place?.range }
        set { place = newValue.map(HeldRange.init) }
    }
    private var place: HeldRange?
    public var hint: String?
    /// Calls of user functions that led here, innermost first.
    public var trace: [TraceEntry] = []
    /// Set for Ctrl-C and time limits, so callers can tell them from a program's mistakes.
    public var stop: Stop?
    public var isInterruption: Bool { stop != nil }
    /// Set where a tried fix of the statement (`RepairHint`) may name the way out: shape
    /// errors, `x(0)`, a keyword a builtin does not take. Its `hint` then stands only when no
    /// fix runs.
    public internal(set) var triesFixes = false

    public enum Stop: Sendable { case interrupted, timeLimit }

    public init(_ message: String, at range: SourceRange? = nil, hint: String? = nil,
                severity: Severity = .error) {
        self.message = message
        place = range.map(HeldRange.init)
        self.hint = hint
        self.severity = severity
    }

    /// An error a tried fix of its statement may explain (see `triesFixes`), with the hint
    /// that stands when none runs.
    static func fixable(_ message: String, at range: SourceRange?, hint: String? = nil) -> Diagnostic {
        var d = Diagnostic(message, at: range, hint: hint)
        d.triesFixes = true
        return d
    }

    /// An interrupt heard while parsing (the evaluator makes its own in Limits.swift); no place,
    /// so a huge one-line cell is not quoted back.
    static var interruptedWhileParsing: Diagnostic {
        var d = Diagnostic("interrupted while reading the code")
        d.stop = .interrupted
        return d
    }

    public struct TraceEntry: Sendable {
        public var function: String
        /// Its file held, as the error's own place is.
        public var callSite: SourceRange {
            get { place.range }
            set { place = HeldRange(newValue) }
        }
        private var place: HeldRange
        public init(function: String, callSite: SourceRange) {
            self.function = function
            place = HeldRange(callSite)
        }
    }
}

/// Every syntax error found in one source text: the parser recovers and goes on.
public struct SyntaxErrors: Error, Sendable {
    public var diagnostics: [Diagnostic]
    /// True when the input merely stopped early (an open block or bracket): the REPL asks for more.
    public var isIncomplete: Bool
}
