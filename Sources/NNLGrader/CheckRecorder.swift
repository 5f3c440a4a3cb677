import NNL
import NNLLessons

/// Records the `check(...)` lines of one test as they run, instead of stopping at the
/// first failure. Only checks written in the test file count: a student's function
/// that calls `check` itself gets the ordinary behaviour (a failed check is an error).
final class CheckRecorder {
    private let testFile: String
    private let explain: (SourceRange) -> String?
    private(set) var results: [CheckResult] = []

    init(testFile: String, explain: @escaping (SourceRange) -> String?) {
        self.testFile = testFile
        self.explain = explain
    }

    func record(_ passed: Bool, _ message: String, _ range: SourceRange) throws(Diagnostic) {
        guard range.file?.name == testFile else { return try failingCheck(passed, message, range) }
        // A check inside a loop is one line of the test: it passes when every run of it passes.
        if let i = results.firstIndex(where: { $0.line == range.line }) {
            if results[i].passed && !passed {
                results[i] = CheckResult(line: range.line, message: message, passed: false, detail: explain(range))
            }
        } else {
            results.append(CheckResult(line: range.line, message: message, passed: passed, detail: passed ? nil : explain(range)))
        }
    }

    /// Checks written in the test that never ran (an error stopped the test first) count as failed.
    func addUnreached(in code: CodeBlock) {
        for (number, text) in code.lines where Self.isCheckLine(text) && !results.contains(where: { $0.line == number }) {
            results.append(CheckResult(line: number, message: Self.message(of: text), passed: false, detail: "not reached"))
        }
        results.sort { $0.line < $1.line }
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
