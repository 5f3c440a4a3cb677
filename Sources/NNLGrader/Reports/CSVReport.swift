import Foundation

/// One row per student for a spreadsheet or an LMS: file, score, max score, then each test's score.
public enum CSVReport {
    public static func render(_ results: [GradeResult], suite: TestSuite) -> String {
        var rows = [["file", "score", "max_score"] + suite.tests.map(\.name)]
        for r in results {
            let byNumber = Dictionary(r.tests.map { ($0.number, $0.score) }, uniquingKeysWith: { a, _ in a })
            rows.append([r.submission, points(r.score), points(r.maxScore)] + suite.tests.map { points(byNumber[$0.number] ?? 0) })
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// RFC 4180: quote a field holding a comma, quote or line break; double its quotes.
    private static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
