import Foundation
import NNL
import NNLLessons

/// What the worker tells the grader, one JSON line each, as soon as it is known: the
/// submission's own run, then each test. A worker that dies mid-way loses only the test it was on.
public enum WorkerEvent: Codable, Sendable {
    case submission(SubmissionRun)
    case test(TestResult)
}

/// Grades one submission in this process: the worker's job, and the unit tests' way in.
/// The submission runs once in its own workspace; every test starts from a copy of the
/// workspace it left, with the builtins protected, file access off and its own time limit.
public struct SubmissionGrader {
    public var suite: TestSuite
    /// Seconds for the submission's run and for each test.
    public var timeout: Double
    /// The only folder the submission's `load`/`save` may use.
    public var root: URL
    /// A failed check ends its test, as an error would (mutation testing needs only to know
    /// whether a test takes points, and the first failed check says so).
    public var stopsAtFirstFailedCheck = false

    public init(suite: TestSuite, timeout: Double = 10, root: URL) {
        self.suite = suite
        self.timeout = timeout
        self.root = root
    }

    /// Bytes the files a submission writes may take together (`save`, `plot(file=)`).
    public static let diskQuota = 64 << 20

    /// Grades the tests numbered `firstTest` and after, handing over each event as it happens.
    /// `topLevel` false runs only the submission's function definitions: its top level took
    /// the previous worker down, and the tests get its functions (see `IsolatedGrader`).
    public func grade(submission name: String, text: String, firstTest: Int = 1, topLevel: Bool = true,
                      report: (WorkerEvent) -> Void) {
        let output = OutputSink()
        var environment = SessionEnvironment { output.buffer.append($0.text()) }
        environment.files.root = root
        environment.files.quota = Self.diskQuota
        environment.timeLimit = timeout
        environment.protection.forbidden = Set(suite.forbidden)
        let session = Session(environment)
        let tests = suite.tests.filter { $0.number >= firstTest }

        let program: Program
        do {
            program = try session.parse(SourceFile(name: name, text: text))
        } catch {
            report(.submission(SubmissionRun(output: "", error: ErrorText.render(error), parsed: false, stop: .notRun)))
            for t in tests { report(.test(.notRun(t, because: "not run: the submission has syntax errors (see above), so none of its functions exist"))) }
            return
        }
        var failure: (message: String, stop: Stop)?
        do { try session.run(topLevel ? program : program.functionsOnly) } catch {
            failure = describe(error, phase: "the submission", timeout: timeout)
        }
        let missing = suite.required.filter { session.workspace.functions[$0] == nil }
        report(.submission(SubmissionRun(output: output.buffer.report, error: failure?.message, parsed: true, stop: failure?.stop,
                                         missing: missing)))

        let testsName = suite.sourceName(besides: name)
        let workspace = protectedWorkspace(of: session)
        let learner = LearnerPlace(text: text, file: name, defined: program.definedFunctions)
        for test in tests {
            session.workspace = workspace
            output.buffer = OutputBuffer()
            var result = run(test, in: session, testsName: testsName, output: output)
            for i in result.checks.indices where !result.checks[i].passed {
                result.checks[i].place = learner.place(ofCheckAt: result.checks[i].line, in: test.code)
            }
            report(.test(result))
        }
    }

    /// The submission's workspace without variables that would shadow a builtin in the tests,
    /// and the session set so that test code always reaches the real builtins, no file is
    /// open to anyone (no channel from one test to another, or to a student), `%% forbid:`
    /// still holds for student code, and only the test file's checks count. Functions the
    /// test file defines (`%% setup`) are the tests' alone (also as `reference.NAME`). Which
    /// files are the test file's is set for each test, by identity (see `run`).
    private func protectedWorkspace(of session: Session) -> Workspace {
        let builtins = Set(session.builtinNames)
        var workspace = session.workspace
        for name in workspace.variableNames where builtins.contains(name) { workspace[name] = nil }
        session.environment.protection = .init(names: builtins)
        session.environment.protection.forbidden = Set(suite.forbidden)
        session.environment.files.allowed = false
        session.environment.checks = stopsAtFirstFailedCheck ? .raise : .recordProtected
        return workspace
    }

    /// One test from the same clean state as every other: the submission's workspace without the
    /// variables the test itself assigns (a leftover `grads = "todo"` must not break
    /// `grads.dW1 = …`), no figure, `hold` off, no stopwatch, the random stream at `seed(0)`.
    /// Student variables named as the test's variables or the setup's functions are gone too,
    /// so that bare names in test code reach the setup's functions, as they reach builtins.
    private func run(_ test: TestSuite.Test, in session: Session, testsName: String, output: OutputSink) -> TestResult {
        let started = Date()
        let limit = test.timeout ?? timeout
        session.environment.timeLimit = limit
        session.resetRunState(seed: 0)
        var failure: (message: String, stop: Stop)?
        var stoppedAt: Int?
        var inSetup = false
        do {
            let setup = try suite.setup.map { block throws(RunError) in try session.parse(block.source(named: testsName)) }
            let code = try session.parse(test.code.source(named: testsName))
            // Protected by identity: only these two files, whatever a student's file is named.
            session.environment.protection.sources = [setup?.source, code.source].compactMap { $0 }
            let shadowing = code.assignedNames.union(setup?.assignedNames ?? []).union(setup?.definedFunctions ?? [])
            for name in shadowing { session[variable: name] = nil }
            if let setup {
                inSetup = true
                try session.run(setup)
                inSetup = false
                if case .structure(let functions) = session.protectedFunctions, !functions.fields.isEmpty {
                    session[variable: "reference"] = session.protectedFunctions
                }
            }
            try session.run(code)
        } catch where inSetup && error.kind == .runtime && session.environment.protection.isProtected(error.first.range?.file) {
            failure = ("the test file's `%% setup` stopped with an error (a mistake in the tests, not in the submission):\n"
                       + ErrorText.render(error), .setup)
        } catch {
            failure = describe(error, phase: "the test", timeout: limit)
            stoppedAt = error.line(in: session.environment.protection.sources)
        }
        // Stopping at the first failed check, none is recorded: the test passed if nothing stopped it.
        let checks = stopsAtFirstFailedCheck ? [] : CheckResult.merged(session.takeChecks(), unreachedIn: test.code,
                                                                       stoppedAt: stoppedAt.map { ($0, failure?.message ?? "") })
        let passedChecks = checks.filter(\.passed).count
        let passed = failure == nil && passedChecks == checks.count
        let score: Double
        if test.partial, !checks.isEmpty {
            score = test.points * Double(passedChecks) / Double(checks.count)
        } else {
            score = passed ? test.points : 0
        }
        return TestResult(test, score: score, passed: passed, checks: checks, error: failure?.message,
                          stop: failure?.stop, output: output.buffer.report, executionTime: Date().timeIntervalSince(started))
    }

    private func describe(_ error: RunError, phase: String, timeout: Double) -> (message: String, stop: Stop) {
        let rendered = ErrorText.render(error)
        guard error.kind == .timeLimit else { return (rendered, .error) }
        return ("\(phase) ran longer than the time limit (\(Self.seconds(timeout))) and was stopped\n" + rendered, .timeout)
    }

    static func seconds(_ s: Double) -> String { s == s.rounded() ? "\(Int(s)) s" : "\(s) s" }
}

/// Where a run's output collects; the environment's closure writes here, the grader reads it.
final class OutputSink {
    var buffer = OutputBuffer()
}
