import NNL

/// A lesson's state at one moment: the variables and functions, and the random generator,
/// so a rolled-back answer leaves no trace and a replayed solution draws the same numbers.
public struct Snapshot: Sendable {
    public var workspace: Workspace
    var rng: NumpyRandom

    public subscript(name: String) -> Value? { workspace[name] }
}

/// One `check(...)` as it came out.
public struct CheckResult: Sendable, Equatable {
    public var passed: Bool
    public var message: String
    public var line: Int
}

/// Why running a piece of code stopped.
public enum RunFailure: Error, Sendable {
    case syntax(SyntaxErrors)
    case runtime(Diagnostic)

    public func rendered(by renderer: DiagnosticRenderer) -> String {
        switch self {
        case .syntax(let errors): renderer.render(errors)
        case .runtime(let d): renderer.render(d)
        }
    }

    /// Where it stopped, for `check-lessons`.
    public var line: Int? {
        switch self {
        case .syntax(let errors): errors.diagnostics.first?.range?.line
        case .runtime(let d): d.range?.line
        }
    }

    public var message: String {
        switch self {
        case .syntax(let errors): errors.diagnostics.first?.message ?? "syntax error"
        case .runtime(let d): d.message
        }
    }

    public var isIncompleteInput: Bool {
        if case .syntax(let errors) = self { errors.isIncomplete } else { false }
    }
}

/// Runs code on snapshots with one interpreter: each run starts from the snapshot given
/// and returns the one it leaves, so callers decide what to keep.
public final class CodeRunner {
    let interpreter = Interpreter()
    /// Where the code's output goes for the run in progress.
    private var sink: (String) -> Void = { _ in }
    private var checks: [CheckResult] = []

    public init(interruptRequested: @escaping () -> Bool = { false }) {
        interpreter.output = { [unowned self] in sink($0) }
        interpreter.errorOutput = { [unowned self] in sink($0) }
        interpreter.interruptRequested = interruptRequested
        interpreter.checkHandler = { [unowned self] passed, message, range in
            checks.append(CheckResult(passed: passed, message: message, line: range.line))
        }
        interpreter.seed(0)
        interpreter.useTerminal()
    }

    /// A snapshot with nothing in it (and numpy's generator seeded with 0).
    public var empty: Snapshot {
        interpreter.workspace.removeAll()
        interpreter.seed(0)
        return current
    }

    private var current: Snapshot { Snapshot(workspace: interpreter.workspace, rng: interpreter.rng) }

    /// Runs `source` starting from `start`; the snapshot it leaves is kept even after an
    /// error, as the REPL would (callers roll back by dropping it).
    public func run(_ source: SourceFile, from start: Snapshot, output: @escaping (String) -> Void = { _ in })
        -> (Snapshot, RunFailure?) {
        interpreter.workspace = start.workspace
        interpreter.rng = start.rng
        sink = output
        defer { sink = { _ in } }
        do {
            try interpreter.run(source)
            return (current, nil)
        } catch let errors as SyntaxErrors {
            return (current, .syntax(errors))
        } catch let d as Diagnostic {
            return (current, .runtime(d))
        } catch {
            return (current, .runtime(Diagnostic("\(error)")))
        }
    }

    /// Runs an exercise's checks on a snapshot. An error inside them is a failed check
    /// (`Z1` not defined yet, say), reported with its message.
    public func runChecks(_ block: CodeBlock, file: String, on state: Snapshot) -> [CheckResult] {
        checks = []
        let (_, failure) = run(block.source(named: file), from: state)
        if let failure {
            checks.append(CheckResult(passed: false, message: failure.message, line: failure.line ?? block.lines.first?.number ?? 0))
        }
        return checks
    }
}
