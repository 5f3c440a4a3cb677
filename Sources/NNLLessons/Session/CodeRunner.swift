import NNL

/// A lesson's state at one moment: the variables and functions, and the random generator,
/// so a rolled-back answer leaves no trace and a replayed solution draws the same numbers.
public struct Snapshot: Sendable {
    public var workspace: Workspace
    var rng: NumpyRandom

    public subscript(name: String) -> Value? { workspace[name] }
}

/// How a lesson shows what its code prints and draws: plain by default (tests, check-lessons);
/// `nnl learn` passes the terminal's size and colour.
public struct LessonDisplay: Sendable {
    public var color: Bool
    public var width: Int
    public var figures: TerminalPlotOptions

    public init(color: Bool = false, width: Int = 80, figures: TerminalPlotOptions = TerminalPlotOptions()) {
        self.color = color
        self.width = width
        self.figures = figures
    }
}

/// Runs code on snapshots with one session: each run starts from the snapshot given and
/// returns the one it leaves, so callers decide what to keep.
public final class CodeRunner {
    let session: Session
    /// Read when output is shown, so a resized terminal is followed.
    var display: LessonDisplay {
        didSet { session.environment.display.width = display.width }
    }
    /// Where the code's output goes for the run in progress.
    private var sink: (String) -> Void = { _ in }

    public init(display: LessonDisplay = LessonDisplay()) {
        self.display = display
        session = Session()
        var environment = SessionEnvironment { [unowned self] in sink($0.text(figures: display.figures, color: display.color)) }
        environment.checks = .record
        environment.display.width = display.width
        session.environment = environment
        session.seed(0)
    }

    /// A snapshot with nothing in it (and numpy's generator seeded with 0).
    public var empty: Snapshot {
        session.workspace.removeAll()
        session.seed(0)
        return current
    }

    private var current: Snapshot { Snapshot(workspace: session.workspace, rng: session.rng) }

    /// Runs `source` starting from `start`; the snapshot it leaves is kept even after an
    /// error, as the REPL would (callers roll back by dropping it).
    public func run(_ source: SourceFile, from start: Snapshot, output: @escaping (String) -> Void = { _ in })
        -> (Snapshot, RunError?) {
        run({ [session] () throws(RunError) in try session.run(source) }, from: start, output: output)
    }

    /// Runs `body` (code, or a `:` command) on the session holding `start`.
    func run(_ body: () throws(RunError) -> Void, from start: Snapshot, output: @escaping (String) -> Void)
        -> (Snapshot, RunError?) {
        session.workspace = start.workspace
        session.rng = start.rng
        sink = output
        defer { sink = { _ in } }
        do {
            try body()
            return (current, nil)
        } catch {
            return (current, error)
        }
    }

    /// Runs an exercise's checks on a snapshot. An error inside them is a failed check
    /// (`Z1` not defined yet, say), reported with its message.
    public func runChecks(_ block: CodeBlock, file: String, on state: Snapshot) -> [CheckRecord] {
        _ = session.takeChecks()
        let source = block.source(named: file)
        let (_, failure) = run(source, from: state)
        var checks = session.takeChecks()
        if let failure {
            let place = failure.first.range ?? SourceRange(file: source, line: block.lines.first?.number ?? 0, column: 1, length: 1)
            checks.append(CheckRecord(range: place, message: failure.message, passed: false))
        }
        return checks
    }
}
