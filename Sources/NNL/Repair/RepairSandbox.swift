import Foundation

/// A scratch copy of a workspace where candidate text runs: its own interpreter, output thrown
/// away, no file access, a short time limit, the random stream copied (so `randn` in a candidate
/// draws what the user's statement would have drawn). Nothing it does reaches the user's session.
public final class RepairSandbox {
    private let session: Session
    private let start: Workspace
    private let rng: NumpyRandom

    /// `timeLimit`: seconds one candidate may run.
    public init(workspace: Workspace, rng: NumpyRandom = NumpyRandom(), timeLimit: Double = 0.1) {
        var environment = SessionEnvironment()
        environment.files.allowed = false
        environment.timeLimit = timeLimit
        environment.checks = .record
        session = Session(environment)
        session.triesFixes = false
        for name in workspace.variableNames { session[variable: name] = workspace[name] }
        session.interpreter.functions = workspace.functions
        start = session.workspace
        self.rng = rng
    }

    /// The sandbox of a session as it stands now.
    public convenience init(copying session: Session, timeLimit: Double = 0.1) {
        self.init(workspace: session.workspace, rng: session.rng, timeLimit: timeLimit)
    }

    /// Runs `text` on a fresh copy of the workspace: the workspace it leaves, or why it failed.
    public func run(_ text: String) -> Result<Workspace, RunError> {
        session.workspace = start
        session.resetRunState()
        session.rng = rng
        do {
            try session.run(SourceFile(name: "<repair>", text: text))
            return .success(session.workspace)
        } catch {
            return .failure(error)
        }
    }

    /// A variable of the workspace before any candidate ran.
    public subscript(name: String) -> Value? { start[name] }
}
