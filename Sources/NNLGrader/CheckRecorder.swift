import NNL
import NNLLessons

extension CheckResult {
    /// The checks a test recorded, one per line of the test file: a check inside a loop passes
    /// when every run of it passes, and shows its first failure. Check lines that never ran
    /// count as failed: the one where an error stopped the test shows that error, the later
    /// ones say where the test stopped.
    static func merged(_ records: [CheckRecord], unreachedIn code: CodeBlock,
                       stoppedAt stop: (line: Int, error: String)? = nil) -> [CheckResult] {
        var results: [CheckResult] = []
        for record in records {
            let detail = record.passed ? nil : record.comparison.map { ErrorText.cut(CheckExplanation($0).text, to: ErrorText.maxMessageBytes) }
            let result = CheckResult(line: record.line, message: ErrorText.cut(record.message, to: ErrorText.maxMessageBytes),
                                     passed: record.passed, detail: detail)
            if let i = results.firstIndex(where: { $0.line == record.line }) {
                if results[i].passed && !record.passed { results[i] = result }
            } else {
                results.append(result)
            }
        }
        for (number, text) in code.lines where isCheckLine(text) && !results.contains(where: { $0.line == number }) {
            let detail = switch stop {
            case let (line, error)? where line == number: error.trimmingCharacters(in: .newlines)
            case let (line, _)? where line < number: "not reached (the test stopped at line \(line))"
            default: "not reached"
            }
            results.append(CheckResult(line: number, message: message(of: text), passed: false, detail: detail))
        }
        return results.sorted { $0.line < $1.line }
    }

    /// The rule the cell parser uses: a check is a line that starts with `check(`.
    static func isCheckLine(_ text: String) -> Bool {
        let t = text.drop { $0 == " " || $0 == "\t" }
        return t.hasPrefix("check(") || t.hasPrefix("check (")
    }

    /// The message of an unreached check, read from its text: the last string literal on the line.
    private static func message(of text: String) -> String {
        let parts = text.split(separator: "\"", omittingEmptySubsequences: false)
        return parts.count >= 3 ? String(parts[parts.count - 2]) : text.trimmingCharacters(in: .whitespaces)
    }
}
