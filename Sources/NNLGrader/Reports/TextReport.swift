/// The report for people: each test with its score, and for a failure what went wrong.
///
///     homework.nnl: 7/10
///       ✓ layer_sizes                      1/1
///       ✗ forward_propagation              0/2
///           line 12: A2 for the test input
///             expected (1×3) [0.5002 0.4998 0.5]
///                found (3×1) [...]
///
/// Everything a student controls (output, error messages, even file names) may hold escape
/// sequences; the whole report is made terminal-safe by `visible` before anyone sees it.
public enum TextReport {
    /// Test names longer than this are shortened in the middle, so the scores stay in a column.
    static let nameWidth = 40

    static func render(_ result: GradeResult) -> String {
        var out = "\(name(result.submission)): \(points(result.score))/\(points(result.maxScore))\n"
        let setupFailed = result.tests.filter { $0.stop == .setup }
        if let setup = (setupFailed.first { !$0.hidden } ?? setupFailed.first)?.error { out += indent(setup, by: "  ") }
        if !result.run.missing.isEmpty {
            out += "  missing: \(result.run.missing.joined(separator: ", ")) (the tests call them; they are not defined)\n"
        }
        if let error = result.run.error { out += indent(error, by: "  ") }
        if !result.run.output.isEmpty { out += "  output:\n" + indent(result.run.output, by: "    | ") }
        let width = columnWidth(result.tests.map(\.name))
        for test in result.tests {
            let mark = test.passed ? "✓" : "✗"
            let hidden = label[test.visibility].map { "  (\($0))" } ?? ""
            out += "  \(mark) \(column(test.name, width: width))  \(points(test.score))/\(points(test.maxScore))\(hidden)\n"
            for check in test.checks where !check.passed {
                out += "      line \(check.line): \(check.message)\(check.place.map { "  (your code: \(name($0)))" } ?? "")\n"
                if let detail = check.detail { out += indent(detail, by: "        ") }
            }
            if let error = test.error, !test.checks.contains(where: { $0.detail == error.trimmingCharacters(in: .newlines) }) {
                // Said once: an error that stopped the test at a check is shown at that check.
                out += test.stop == .setup ? "      the setup stopped with an error (above)\n" : indent(error, by: "      ")
            }
            if !test.output.isEmpty, !test.passed { out += "      output:\n" + indent(test.output, by: "      | ") }
        }
        return visible(out)
    }

    private static let label: [TestSuite.Visibility: String] = [
        .afterPublished: "hidden", .afterDueDate: "after the due date", .hidden: "never shown",
    ]

    /// The text with every character that could steer a terminal written out instead: `\e`
    /// for ESC, `^M` for a carriage return (caret notation for the other C0 controls and DEL),
    /// `\u{…}` for C1 controls and the marks that reorder or break lines (bidi controls such as
    /// U+202E and U+061C, the byte-order mark). Newlines and tabs stay.
    public static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x09: out.unicodeScalars.append(scalar)
            case 0x1B: out += "\\e"
            case 0x00..<0x20: out += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
            case 0x7F: out += "^?"
            case 0x80..<0xA0, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A file name on a line of its own: a line break or tab in it is written out (`\n`), so no
    /// name can start a line of the report; `visible` then shows its other controls.
    public static func name(_ file: String) -> String {
        file.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
    }

    /// The width of a column of names: the longest, up to `nameWidth`.
    static func columnWidth(_ names: [String]) -> Int { min(nameWidth, names.map(\.count).max() ?? 0) }

    /// `text` padded to `width`, or shortened in the middle (`forward_prop…hidden units`) to fit it.
    static func column(_ text: String, width: Int) -> String {
        guard text.count > width else { return text.padding(toLength: width, withPad: " ", startingAt: 0) }
        let tail = (width - 1) / 3
        return String(text.prefix(width - 1 - tail)) + "…" + String(text.suffix(tail))
    }

    static func indent(_ text: String, by prefix: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
            .map { prefix + $0 + "\n" }.joined()
    }
}
