import Foundation

/// Gradescope's `results.json`, as its autograder specification defines it.
enum GradescopeReport {
    struct Results: Encodable {
        var score: Double
        var execution_time: Int
        var output: String
        var stdout_visibility: String
        var tests: [Test]
    }

    struct Test: Encodable {
        var name: String
        var number: String
        var score: Double
        var max_score: Double
        var status: String
        var output: String
        var visibility: String
    }

    static func render(_ result: GradeResult) throws -> String {
        let results = Results(
            score: result.score,
            execution_time: Int(result.executionTime.rounded(.up)),
            output: summary(result),
            stdout_visibility: "visible",
            tests: result.tests.map { t in
                Test(name: t.name, number: String(t.number), score: t.score, max_score: t.maxScore,
                     status: t.passed ? "passed" : "failed", output: details(t),
                     visibility: t.visibility.rawValue)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(results), as: UTF8.self) + "\n"
    }

    /// The submission's own run: its errors and what it printed. Students see this at once,
    /// so its score counts only the visible tests.
    private static func summary(_ result: GradeResult) -> String {
        let visible = result.tests.filter { !$0.hidden }
        let score = visible.reduce(0) { $0 + $1.score }, maxScore = visible.reduce(0) { $0 + $1.maxScore }
        var out = visible.count == result.tests.count ? "Score: \(points(score))/\(points(maxScore)) points\n"
            : "Visible tests: \(points(score))/\(points(maxScore)) points (\(others(result.tests.count - visible.count)) not shown here)\n"
        if !result.run.missing.isEmpty {
            out += "\nMissing functions (the tests call them): \(result.run.missing.joined(separator: ", "))\n"
        }
        if let error = result.run.error { out += "\n" + error }
        if !result.run.output.isEmpty { out += "\nOutput of your program:\n" + result.run.output }
        return out
    }

    private static func others(_ n: Int) -> String { n == 1 ? "1 other test is" : "\(n) other tests are" }

    private static func details(_ t: TestResult) -> String {
        var out = ""
        for check in t.checks {
            out += "\(check.passed ? "✓" : "✗") \(check.message)\(check.place.map { "  (your code: \($0))" } ?? "")\n"
            if !check.passed, let detail = check.detail { out += TextReport.indent(detail, by: "    ") }
        }
        if let error = t.error { out += error + (error.hasSuffix("\n") ? "" : "\n") }
        if !t.output.isEmpty { out += "Output:\n" + t.output }
        return out
    }
}
