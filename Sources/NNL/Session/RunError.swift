/// Why a run stopped: the one error a `Session` reports. Syntax errors come all at once
/// (nothing ran); a runtime error, an interrupt or a time limit comes with its place.
public struct RunError: Error, Sendable {
    public enum Kind: Sendable, Equatable { case syntax, runtime, interrupted, timeLimit }

    public var kind: Kind
    /// Every syntax error found, or the one runtime diagnostic.
    public var diagnostics: [Diagnostic]

    public init(_ kind: Kind, _ diagnostics: [Diagnostic]) {
        self.kind = kind
        self.diagnostics = diagnostics
    }

    public init(_ d: Diagnostic) {
        switch d.stop {
        case .interrupted?: self.init(.interrupted, [d])
        case .timeLimit?: self.init(.timeLimit, [d])
        case nil: self.init(.runtime, [d])
        }
    }

    /// Syntax errors, or the interrupt that cut a long parse short.
    init(_ errors: SyntaxErrors) {
        if let stop = errors.diagnostics.first(where: { $0.stop == .interrupted }) {
            self.init(.interrupted, [stop])
        } else {
            self.init(.syntax, errors.diagnostics)
        }
    }

    /// The first (for a runtime error, the only) diagnostic.
    public var first: Diagnostic { diagnostics.first ?? Diagnostic("error") }
    public var message: String { first.message }
    /// The line it stopped at, if known.
    public var line: Int? { first.range?.line }

    /// The line of one of `files` where it stopped: its own place, or the outermost call made
    /// from them that led to it (an error inside a function a test called).
    public func line(in files: [SourceFile]) -> Int? {
        func isOurs(_ range: SourceRange?) -> Bool { range?.file.map { f in files.contains { $0 === f } } ?? false }
        let d = first
        if isOurs(d.range) { return d.range?.line }
        return d.trace.last { isOurs($0.callSite) }?.callSite.line
    }
}
