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

    public init(suite: TestSuite, timeout: Double = 10, root: URL) {
        self.suite = suite
        self.timeout = timeout
        self.root = root
    }

    /// Grades the tests numbered `firstTest` and after, handing over each event as it happens.
    public func grade(submission name: String, text: String, firstTest: Int = 1, report: (WorkerEvent) -> Void) {
        let interpreter = Interpreter()
        interpreter.files.root = root
        var output = OutputBuffer()
        capture(interpreter, into: { output.append($0) })
        let tests = suite.tests.filter { $0.number >= firstTest }

        let program: [Stmt]
        do {
            program = try Parser.parse(SourceFile(name: name, text: text))
        } catch {
            report(.submission(SubmissionRun(output: "", error: DiagnosticRenderer().render(error), parsed: false, stop: .notRun)))
            for t in tests { report(.test(.notRun(t, because: "not run: the submission has syntax errors (see above), so none of its functions exist"))) }
            return
        }
        if !suite.forbidden.isEmpty { try? interpreter.run(ForbiddenBuiltins.source(for: suite.forbidden)) }
        interpreter.limits.deadline = Date(timeIntervalSinceNow: timeout)
        var failure: (message: String, stop: Stop)?
        do { try interpreter.execute(program) } catch { failure = describe(error, phase: "the submission", timeout: timeout) }
        let missing = suite.required.filter { interpreter.workspace.functions[$0] == nil }
        report(.submission(SubmissionRun(output: output.report, error: failure?.message, parsed: true, stop: failure?.stop,
                                         missing: missing)))

        let workspace = protectedWorkspace(of: interpreter)
        interpreter.files.allowed = false  // no channel from one test to another, or to a student
        for test in tests {
            interpreter.workspace = workspace
            report(.test(run(test, in: interpreter)))
        }
    }

    /// The submission's workspace without variables that would shadow a builtin in the tests,
    /// and the interpreter set so that test code always reaches the real builtins.
    private func protectedWorkspace(of interpreter: Interpreter) -> Workspace {
        let builtins = Set(interpreter.builtinNames)
        var workspace = interpreter.workspace
        for name in workspace.variableNames where builtins.contains(name) { workspace[name] = nil }
        interpreter.protectedNames = builtins
        let testFile = suite.file
        interpreter.isProtectedSource = { $0?.name == testFile || $0?.name == ForbiddenBuiltins.sourceName }
        return workspace
    }

    private func run(_ test: TestSuite.Test, in interpreter: Interpreter) -> TestResult {
        let started = Date()
        var output = OutputBuffer()
        capture(interpreter, into: { output.append($0) })
        let explanation = CheckExplanation(interpreter: interpreter, sourceName: suite.file)
        let checks = CheckRecorder(testFile: suite.file, explain: explanation.explain)
        interpreter.checkHandler = checks.record
        interpreter.seed(0)  // tests that forget seed() still see the same numbers every time
        let limit = test.timeout ?? timeout
        interpreter.limits.deadline = Date(timeIntervalSinceNow: limit)
        var failure: (message: String, stop: Stop)?
        do {
            if let setup = suite.setup { try interpreter.run(setup.source(named: suite.file)) }
            try interpreter.run(test.code.source(named: suite.file))
        } catch {
            failure = describe(error, phase: "the test", timeout: limit)
        }
        checks.addUnreached(in: test.code)
        let passedChecks = checks.results.filter(\.passed).count
        let passed = failure == nil && passedChecks == checks.results.count
        let score: Double
        if test.partial, !checks.results.isEmpty {
            score = test.points * Double(passedChecks) / Double(checks.results.count)
        } else {
            score = passed ? test.points : 0
        }
        return TestResult(test, score: score, passed: passed, checks: checks.results, error: failure?.message,
                          stop: failure?.stop, output: output.report, executionTime: Date().timeIntervalSince(started))
    }

    private func capture(_ interpreter: Interpreter, into sink: @escaping (String) -> Void) {
        interpreter.output = sink
        interpreter.errorOutput = sink
        interpreter.warn = { sink(DiagnosticRenderer().render($0)) }
    }

    private func describe(_ error: any Error, phase: String, timeout: Double) -> (message: String, stop: Stop) {
        let renderer = DiagnosticRenderer()
        switch error {
        case let d as Diagnostic where d.isInterruption:
            return ("\(phase) ran longer than the time limit (\(Self.seconds(timeout))) and was stopped\n" + renderer.render(d), .timeout)
        case let d as Diagnostic: return (renderer.render(d), .error)
        case let e as SyntaxErrors: return (renderer.render(e), .error)
        default: return ("\(error)", .error)
        }
    }

    static func seconds(_ s: Double) -> String { s == s.rounded() ? "\(Int(s)) s" : "\(s) s" }
}
