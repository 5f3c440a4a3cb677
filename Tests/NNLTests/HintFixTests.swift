import Foundation
import Testing
@testable import NNL

/// Issue 19: no hint in Tests/ suggests a fix that fails. Every fix a golden error file's hints
/// show (`did you mean `…``, `write `…``, `each of these runs: `…` → …`) is put in place of the
/// failing statement, or of the text the caret marks, and the program must then run.
struct HintFix: CustomTestStringConvertible, Sendable {
    let program: GoldenProgram
    let line: Int
    let column: Int
    let length: Int
    let fix: String
    var testDescription: String { "\(program.path):\(line): \(fix)" }

    static var all: [HintFix] {
        GoldenProgram.all.filter { $0.path.hasPrefix("errors/") }.flatMap { program -> [HintFix] in
            guard let text = try? String(contentsOf: program.url, encoding: .utf8) else { return [] }
            return runCapturing(SourceFile(name: program.path, text: text)).diagnostics.flatMap { d -> [HintFix] in
                guard let hint = d.hint, let r = d.range, d.severity == .error else { return [] }
                return fixes(in: hint).map { HintFix(program: program, line: r.line, column: r.column, length: r.length, fix: $0) }
            }
        }
    }

    /// The code a hint offers as a fix.
    static func fixes(in hint: String) -> [String] {
        guard hint.hasPrefix("each of these runs:") || hint.contains("did you mean `") || hint.hasPrefix("write `") else { return [] }
        return hint.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { !$0.offset.isMultiple(of: 2) }.map { String($0.element) }
    }

    /// The program with the fix in place: of the `;`-separated statement holding the caret, of
    /// the caret's text, and of the name the caret's text starts with (`sigmoud` in `sigmoud(0)`).
    func candidates(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let original = Array(lines[line - 1])
        let codeEnd = lines[line - 1].range(of: "% expect").map { lines[line - 1].distance(from: lines[line - 1].startIndex, to: $0.lowerBound) } ?? original.count
        let start = (original[..<(column - 1)].lastIndex(of: ";").map { $0 + 1 }) ?? 0
        let end = original[(column - 1)..<codeEnd].firstIndex(of: ";") ?? codeEnd
        var out: [String] = []
        lines[line - 1] = String(original[..<start]) + " " + fix + " " + String(original[end...])
        out.append(lines.joined(separator: "\n"))
        lines[line - 1] = String(original[..<(column - 1)]) + fix + String(original[(column - 1 + length)...])
        out.append(lines.joined(separator: "\n"))
        let name = original[(column - 1)...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        lines[line - 1] = String(original[..<(column - 1)]) + fix + String(original[(column - 1 + name.count)...])
        out.append(lines.joined(separator: "\n"))
        return out
    }
}

@Test(arguments: HintFix.all)
func hintedFixRuns(_ hint: HintFix) throws {
    let text = try String(contentsOf: hint.program.url, encoding: .utf8)
    let runs = hint.candidates(text).contains { candidate in
        runCapturing(SourceFile(name: hint.program.path, text: candidate)).diagnostics.allSatisfy { $0.severity == .warning }
    }
    #expect(runs, "\(hint.program.path):\(hint.line): the hinted fix `\(hint.fix)` does not run")
}

@Test func goldenErrorsShowFixesToTry() {
    // The golden error files hold the examples: their fixes are what the test above runs.
    #expect(HintFix.all.count >= 20)
}
