/// What grading one submission found. Encoded as nnl's own JSON format (see
/// lessons/homework/README.md) and passed from the worker process to the grader.
public struct GradeResult: Codable, Sendable {
    /// The submission as it was named on the command line.
    public var submission: String
    public var score: Double
    public var maxScore: Double
    /// Seconds, wall clock, for the whole submission.
    public var executionTime: Double
    public var run: SubmissionRun
    public var tests: [TestResult]
}

/// Why a phase (the submission's run, or a test) stopped before its end.
public enum Stop: String, Codable, Sendable {
    /// A runtime error, or a forbidden builtin.
    case error
    /// It ran past its time limit.
    case timeout
    /// It took the worker down (deep recursion, memory), or the worker failed.
    case crash
    /// It never ran: the submission could not be read or parsed.
    case notRun = "not_run"
    /// The test file's `%% setup` stopped with a runtime error of its own: the teacher's mistake.
    case setup
}

/// The submission's own run, before any test.
public struct SubmissionRun: Codable, Sendable {
    /// What it printed (truncated).
    public var output: String
    /// Its syntax errors, runtime error, time limit or crash, rendered; nil when it ran cleanly.
    public var error: String?
    /// False when it could not be parsed (then no test can call its functions).
    public var parsed: Bool
    /// Why it stopped early, when it did.
    public var stop: Stop?
    /// Functions the test file requires (`%% require:`) that the submission does not define.
    public var missing: [String] = []
}

public struct TestResult: Codable, Sendable {
    public var number: Int
    public var name: String
    public var score: Double
    public var maxScore: Double
    /// Every check passed and nothing failed.
    public var passed: Bool
    /// Not visible to students right away (any visibility but `visible`).
    public var hidden: Bool
    public var visibility: TestSuite.Visibility
    public var checks: [CheckResult]
    /// The error that stopped the test (runtime error, time limit, crash), rendered.
    public var error: String?
    /// Why the test stopped early, when it did.
    public var stop: Stop?
    /// What the test printed (truncated).
    public var output: String
    public var executionTime: Double
}

/// One `check(...)` line of a test.
public struct CheckResult: Codable, Sendable {
    public var line: Int
    public var message: String
    public var passed: Bool
    /// For a failed `allclose`/`isequal`: expected and found, with shapes.
    public var detail: String?
    /// For a failed check: where the submission made the value it looked at
    /// (`planar_classifier.nnl:38 in backward_propagation`), when that can be told.
    public var place: String? = nil
}

extension TestResult {
    init(_ test: TestSuite.Test, score: Double, passed: Bool, checks: [CheckResult], error: String?, stop: Stop?,
         output: String, executionTime: Double) {
        self.init(number: test.number, name: test.name, score: score, maxScore: test.points, passed: passed,
                  hidden: test.hidden, visibility: test.visibility, checks: checks, error: error, stop: stop,
                  output: output, executionTime: executionTime)
    }

    /// A test that could not run at all, or whose worker died under it.
    static func notRun(_ test: TestSuite.Test, because reason: String, stop: Stop = .notRun) -> TestResult {
        TestResult(test, score: 0, passed: false, checks: [], error: reason, stop: stop, output: "", executionTime: 0)
    }
}

extension GradeResult {
    /// One word for a spreadsheet: `ok`, `syntax error`, `timeout`, `crashed`, `not graded` or
    /// `setup error` (the tests' own).
    public var status: String {
        if run.stop == .notRun { return run.parsed ? "not graded" : "syntax error" }
        let stops = [run.stop] + tests.map(\.stop)
        if stops.contains(.setup) { return "setup error" }
        if stops.contains(.crash) { return "crashed" }
        if stops.contains(.timeout) { return "timeout" }
        return "ok"
    }
}
