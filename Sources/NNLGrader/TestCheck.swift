import Foundation

/// `nnl grade --check-tests`: a test file is trusted once the reference solution earns every
/// point of every test and the starter code earns none of any test worth points (a test the
/// starter passes checks nothing the student wrote). A `%% setup` that fails on its own
/// comes first: until it runs, no test can be judged.
public struct TestCheck: Sendable {
    public var batch: BatchGrader

    public init(batch: BatchGrader) { self.batch = batch }

    /// What the check found; `text` for people, the value itself (JSON) for scripts.
    public struct Report: Codable, Sendable {
        public var tests: String
        public var solution: String
        public var starter: String?
        /// The error of the test file's own `%% setup`, when it stops with one.
        public var setupError: String?
        /// The solution's own run failed: its error.
        public var solutionError: String?
        /// One per test, in order.
        public var verdicts: [Verdict]

        /// The names of the tests that disagree; empty when the test file is right.
        public var disagreeing: [String] { verdicts.filter { !$0.problems.isEmpty }.map(\.name) }
    }

    public struct Verdict: Codable, Sendable {
        public var name: String
        /// Why the test disagrees with the solution or the starter; empty when it agrees.
        public var problems: [String]
    }

    public func check(solution: String, starter: String?) -> Report {
        let results = batch.grade([.file(solution)] + (starter.map { [.file($0)] } ?? []))
        let solved = results[0], started = results.count > 1 ? results[1] : nil
        let verdicts = solved.tests.enumerated().map { i, test in
            var problems: [String] = []
            if test.score < test.maxScore {
                problems.append("the solution scores \(points(test.score))/\(points(test.maxScore))" + Self.why(test))
            }
            if let s = started?.tests[i], s.maxScore > 0, s.score > 0 {
                problems.append("the starter scores \(points(s.score))/\(points(s.maxScore)), so the test checks little")
            }
            return Verdict(name: test.name, problems: problems)
        }
        return Report(tests: batch.grader.suite.file, solution: solution, starter: starter,
                      setupError: solved.tests.first { $0.stop == .setup }?.error, solutionError: solved.run.error,
                      verdicts: verdicts)
    }

    /// The first reason a test failed: its error, or its first failed check.
    private static func why(_ test: TestResult) -> String {
        if let error = test.error { return " (" + String(error.prefix { $0 != "\n" }) + ")" }
        if let check = test.checks.first(where: { !$0.passed }) { return " (line \(check.line): \(check.message))" }
        return ""
    }
}

extension TestCheck.Report {
    /// One line per test, then a verdict; a failing setup first of all.
    public var text: String {
        var text = "\(tests): checked against \(solution)\(starter.map { " and \($0)" } ?? "")\n"
        if let setupError { text += TextReport.indent(setupError, by: "  ") }
        if let solutionError { text += TextReport.indent("the solution: " + solutionError, by: "  ") }
        for verdict in verdicts {
            let ok = verdict.problems.isEmpty
            text += "  \(ok ? "✓" : "✗") \(verdict.name)\(ok ? "" : ": " + verdict.problems.joined(separator: "; "))\n"
        }
        let disagreeing = disagreeing
        text += disagreeing.isEmpty ? "the tests agree with the solution\(starter == nil ? "" : " and the starter")\n"
            : "\(disagreeing.count) test\(disagreeing.count == 1 ? " disagrees" : "s disagree"): \(disagreeing.joined(separator: ", "))\n"
        return TextReport.visible(text)
    }

    /// The report as JSON (snake_case keys), for `--check-tests --format json`.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
