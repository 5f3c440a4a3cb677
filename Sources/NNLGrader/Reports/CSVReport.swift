import Foundation

/// One row per student for a spreadsheet or an LMS: file, score, max score, status, then each
/// test's score. The score is the sum of the test columns as written, so a row adds up.
public enum CSVReport {
    public static func render(_ results: [GradeResult], suite: TestSuite) -> String {
        var rows = [["file", "score", "max_score", "status"] + suite.tests.map(\.name)]
        for r in results {
            let byNumber = Dictionary(r.tests.map { ($0.number, $0.score) }, uniquingKeysWith: { a, _ in a })
            let cells = suite.tests.map { points(byNumber[$0.number] ?? 0) }
            let total = cells.reduce(0) { $0 + (Double($1) ?? 0) }
            rows.append([r.submission, points(total), points(r.maxScore), r.status] + cells)
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// RFC 4180: quote a field holding a comma, quote or line break; double its quotes. A text
    /// that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a `'`.
    static func field(_ s: String) -> String {
        let formula = s.first.map { "=+-@\t\r".contains($0) } ?? false
        let text = formula && Double(s) == nil ? "'" + s : s
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
