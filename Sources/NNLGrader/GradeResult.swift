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

/// The submission's own run, before any test.
public struct SubmissionRun: Codable, Sendable {
    /// What it printed (truncated).
    public var output: String
    /// Its syntax errors, runtime error, time limit or crash, rendered; nil when it ran cleanly.
    public var error: String?
    /// False when it could not be parsed (then no test can call its functions).
    public var parsed: Bool
}

public struct TestResult: Codable, Sendable {
    public var number: Int
    public var name: String
    public var score: Double
    public var maxScore: Double
    /// Every check passed and nothing failed.
    public var passed: Bool
    public var hidden: Bool
    public var checks: [CheckResult]
    /// The error that stopped the test (runtime error, time limit, crash), rendered.
    public var error: String?
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
}

extension TestResult {
    /// A test that could not run at all.
    static func notRun(_ test: TestSuite.Test, because reason: String) -> TestResult {
        TestResult(number: test.number, name: test.name, score: 0, maxScore: test.points, passed: false,
                   hidden: test.hidden, checks: [], error: reason, output: "", executionTime: 0)
    }
}
