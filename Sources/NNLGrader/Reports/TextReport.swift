/// The report for people: each test with its score, and for a failure what went wrong.
///
///     homework.nnl: 7/10
///       ✓ layer_sizes                      1/1
///       ✗ forward_propagation              0/2
///           line 12: A2 for the test input
///             expected (1×3) [0.5002 0.4998 0.5]
///                found (3×1) [...]
enum TextReport {
    static func render(_ result: GradeResult) -> String {
        var out = "\(result.submission): \(points(result.score))/\(points(result.maxScore))\n"
        if let error = result.run.error { out += indent(error, by: "  ") }
        if !result.run.output.isEmpty { out += "  output:\n" + indent(result.run.output, by: "    | ") }
        let width = min(40, result.tests.map(\.name.count).max() ?? 0)
        for test in result.tests {
            let mark = test.passed ? "✓" : "✗"
            let name = test.name.padding(toLength: max(width, test.name.count), withPad: " ", startingAt: 0)
            let hidden = test.hidden ? "  (hidden)" : ""
            out += "  \(mark) \(name)  \(points(test.score))/\(points(test.maxScore))\(hidden)\n"
            for check in test.checks where !check.passed {
                out += "      line \(check.line): \(check.message)\n"
                if let detail = check.detail { out += indent(detail, by: "        ") }
            }
            if let error = test.error { out += indent(error, by: "      ") }
            if !test.output.isEmpty, !test.passed { out += "      output:\n" + indent(test.output, by: "      | ") }
        }
        return out
    }

    static func indent(_ text: String, by prefix: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
            .map { prefix + $0 + "\n" }.joined()
    }
}
