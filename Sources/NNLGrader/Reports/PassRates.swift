/// After a folder: how many submissions passed each test, so a teacher sees which step the
/// class found hard (or which test is wrong).
public enum PassRates {
    public static func render(_ results: [GradeResult], suite: TestSuite) -> String {
        guard !results.isEmpty else { return "" }
        let width = TextReport.columnWidth(suite.tests.map(\.name))
        var out = "pass rates over \(results.count) submission\(results.count == 1 ? "" : "s"):\n"
        for test in suite.tests {
            let passed = results.filter { r in r.tests.contains { $0.number == test.number && $0.passed } }.count
            out += "  \(TextReport.column(test.name, width: width))  \(passed)/\(results.count)  \(Int((100 * Double(passed) / Double(results.count)).rounded()))%\n"
        }
        let statuses = Dictionary(grouping: results, by: \.status).mapValues(\.count)
        out += "  status: " + statuses.keys.sorted().map { "\(statuses[$0]!) \($0)" }.joined(separator: ", ") + "\n"
        return TextReport.visible(out)
    }
}
