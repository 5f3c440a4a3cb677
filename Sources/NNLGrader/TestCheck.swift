/// `nnl grade --check-tests`: a test file is trusted once the reference solution earns every
/// point of every test and the starter code earns none of any test worth points (a test the
/// starter passes checks nothing the student wrote).
public struct TestCheck: Sendable {
    public var batch: BatchGrader

    public init(batch: BatchGrader) { self.batch = batch }

    public struct Report: Sendable {
        /// One line per test, then a verdict, for people.
        public var text: String
        /// The names of the tests that disagree; empty when the test file is right.
        public var disagreeing: [String]
    }

    public func check(solution: String, starter: String?) -> Report {
        let results = batch.grade([.file(solution)] + (starter.map { [.file($0)] } ?? []))
        let solved = results[0], started = results.count > 1 ? results[1] : nil
        var text = "\(batch.grader.suite.file): checked against \(solution)\(starter.map { " and \($0)" } ?? "")\n"
        if let error = solved.run.error { text += TextReport.indent("the solution: " + error, by: "  ") }
        var disagreeing: [String] = []
        for (i, test) in solved.tests.enumerated() {
            var problems: [String] = []
            if test.score < test.maxScore {
                problems.append("the solution scores \(points(test.score))/\(points(test.maxScore))" + Self.why(test))
            }
            if let s = started?.tests[i], s.maxScore > 0, s.score > 0 {
                problems.append("the starter scores \(points(s.score))/\(points(s.maxScore)), so the test checks little")
            }
            if !problems.isEmpty { disagreeing.append(test.name) }
            text += "  \(problems.isEmpty ? "✓" : "✗") \(test.name)\(problems.isEmpty ? "" : ": " + problems.joined(separator: "; "))\n"
        }
        text += disagreeing.isEmpty ? "the tests agree with the solution\(starter == nil ? "" : " and the starter")\n"
            : "\(disagreeing.count) test\(disagreeing.count == 1 ? " disagrees" : "s disagree"): \(disagreeing.joined(separator: ", "))\n"
        return Report(text: TextReport.visible(text), disagreeing: disagreeing)
    }

    /// The first reason a test failed: its error, or its first failed check.
    private static func why(_ test: TestResult) -> String {
        if let error = test.error { return " (" + String(error.prefix { $0 != "\n" }) + ")" }
        if let check = test.checks.first(where: { !$0.passed }) { return " (line \(check.line): \(check.message))" }
        return ""
    }
}
