import Foundation

/// What a host gives a `Session`: where its results go and the rules it runs under. A value:
/// a host builds one, hands it over, and changes it by handing over another.
public struct SessionEnvironment {
    /// Receives everything a run shows, as it happens, in order.
    public var output: (SessionOutput) -> Void
    /// The files `load`, `save` and `savefig` may use.
    public var files = FileGate()
    /// Seconds each `run` may take; nil for no limit. Ctrl-C and interrupts stop a run either way.
    public var timeLimit: Double?
    /// What `check(cond, message)` does with its result.
    public var checks = CheckMode.raise
    /// How values are shown: the width to fit, where to elide.
    public var display = DisplayOptions()
    /// Told about long `for` loops (a host's progress bar); nil shows no progress.
    public var progress: LoopProgressReporter?
    /// Names whose builtin meaning code from protected sources always reaches (the grader's tests).
    public var protection = Protection()

    public init(output: @escaping (SessionOutput) -> Void = { _ in }) {
        self.output = output
    }

    /// A failed `check` stops the run with its message (programs, the REPL), or is recorded
    /// for the host to judge (lessons, tests): from every source, or only from the protected
    /// ones (a grader's tests; a student's own failed check stops the run as under `raise`).
    public enum CheckMode: Sendable {
        case raise
        case record
        case recordProtected
    }

    /// Code from protected sources (a grader's test file) calls the real builtins even where
    /// user code defined functions of the same names; everyone else sees the user's functions.
    /// Functions that protected sources define are theirs alone: kept under `functionPrefix`
    /// (`reference.forward_propagation`), found first by protected code (before a user function
    /// of the same name), and out of reach of everyone else.
    ///
    /// A source is protected by identity, never by name: the files are held here, so none
    /// other can be them, and a student's file named like the tests is a student's file.
    public struct Protection: Sendable {
        public var names: Set<String> = []
        /// The protected files: a grader's setup and test cells, as parsed for the test at hand.
        public var sources: [SourceFile] = []
        public var functionPrefix = "reference."
        /// Builtins code from other sources may not use (a grader's `%% forbid:`): a call by
        /// name or through `feval`, and making a handle (`@relu`, `str2func`), stop with an error
        /// there. Protected code still calls them, and a user function of that name is allowed.
        public var forbidden: Set<String> = []
        public init() {}
        public init(names: Set<String>, sources: [SourceFile] = []) {
            self.names = names
            self.sources = sources
        }

        public func isProtected(_ source: SourceFile?) -> Bool {
            guard let source else { return false }
            return sources.contains { $0 === source }
        }
    }
}
