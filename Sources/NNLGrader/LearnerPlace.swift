import Foundation
import NNL
import NNLLessons

/// For a failed check, the place in the learner's own file that made the value it looked at
/// (`planar_classifier.nnl:38 in backward_propagation`), shown beside the test file's line. Read
/// from the text: the student function the check calls, or the one whose result the test
/// assigned to the checked name (`grads = backward_propagation(…)`), then the last line of that
/// function that assigns the checked field or output (`dW1 = …`), else its first line.
struct LearnerPlace {
    private struct Function {
        var name: String
        var outputs: [String]
        var lines: ArraySlice<(number: Int, text: String)>
    }

    private let file: String
    private let functions: [String: Function]

    init(text: String, file: String, defined: Set<String>) {
        self.file = file
        let lines = SourceText.normalized(text).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { (number: $0.offset + 1, text: String($0.element)) }
        let headers = lines.indices.compactMap { i in Self.header(lines[i].text).map { (i, $0) } }
        var functions: [String: Function] = [:]
        for (k, (i, header)) in headers.enumerated() where defined.contains(header.name) && functions[header.name] == nil {
            let end = k + 1 < headers.count ? headers[k + 1].0 : lines.count
            functions[header.name] = Function(name: header.name, outputs: header.outputs, lines: lines[i..<end])
        }
        self.functions = functions
    }

    /// `planar_classifier.nnl:38 in backward_propagation` for the check at `line` of `code`.
    func place(ofCheckAt line: Int, in code: CodeBlock) -> String? {
        guard let check = code.lines.first(where: { $0.number == line }).map({ Self.withoutStrings($0.text) }) else { return nil }
        let names = Self.names(in: check)
        if let called = names.first(where: { functions[$0.base] != nil && $0.field == nil && Self.calls($0.base, in: check) }) {
            return describe(functions[called.base]!, assigning: nil)
        }
        for name in names {
            let before = code.lines.filter { $0.number < line }.reversed()
            guard let assignment = before.first(where: { Self.assigns(name.base, in: Self.withoutStrings($0.text)) }),
                  let function = functions.values.first(where: { Self.calls($0.name, in: assignment.text) }) else { continue }
            let output = Self.position(of: name.base, in: assignment.text).flatMap { function.outputs.indices.contains($0) ? function.outputs[$0] : nil }
            return describe(function, assigning: name.field ?? output)
        }
        return nil
    }

    private func describe(_ f: Function, assigning target: String?) -> String {
        let line = target.flatMap { t in f.lines.last { Self.assigns(t, in: $0.text) || Self.assignsField(t, in: $0.text) }?.number }
        return "\(file):\(line ?? f.lines.first!.number) in \(f.name)"
    }

    // MARK: - Reading lines

    /// `function [a, b] = name(x)` → ("name", ["a", "b"]).
    private static func header(_ line: String) -> (name: String, outputs: [String])? {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("function ") else { return nil }
        var rest = t.dropFirst("function ".count)
        var outputs: [String] = []
        if let eq = rest.firstIndex(of: "="), !rest[..<eq].contains("(") {
            outputs = rest[..<eq].split(whereSeparator: { " ,[]".contains($0) }).map(String.init)
            rest = rest[rest.index(after: eq)...]
        }
        let name = rest.trimmingCharacters(in: .whitespaces).prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return name.isEmpty ? nil : (String(name), outputs)
    }

    /// The names a line mentions, as `base` or `base.field`, in order.
    private static func names(in text: String) -> [(base: String, field: String?)] {
        let pattern = /([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?/
        return text.matches(of: pattern).map { (String($0.output.1), $0.output.2.map(String.init)) }
    }

    /// The line without its string literals and comment, whose words are no names.
    private static func withoutStrings(_ text: String) -> String {
        var out = "", quote: Character?
        for c in text {
            if let q = quote { if c == q { quote = nil }; continue }
            if c == "%" || c == "#" { break }
            if c == "\"" || (c == "'" && !(out.last.map { $0.isLetter || $0.isNumber || ")]'_.".contains($0) } ?? false)) {
                quote = c
                continue
            }
            out.append(c)
        }
        return out
    }

    private static func calls(_ name: String, in text: String) -> Bool {
        text.contains(try! Regex("(^|[^A-Za-z0-9_.])\(name)\\s*\\("))
    }

    /// `name = …`, `name(…) = …` or `[…, name, …] = …` (not `==`).
    static func assigns(_ name: String, in text: String) -> Bool {
        guard let left = leftSide(text) else { return false }
        return names(in: String(left)).contains { $0.base == name }
    }

    /// `s.name = …` or `struct("name", …)`/`"name", value` pairs building a struct.
    private static func assignsField(_ field: String, in text: String) -> Bool {
        if let left = leftSide(text), names(in: String(left)).contains(where: { $0.field == field }) { return true }
        return text.contains("\"\(field)\"") || text.contains("'\(field)'")
    }

    /// The text before a line's `=` that is an assignment (not `==`, `<=`, `>=`, `~=`).
    private static func leftSide(_ text: String) -> Substring? {
        let chars = Array(text)
        for i in chars.indices where chars[i] == "=" {
            let before = i > 0 ? chars[i - 1] : " ", after = i + 1 < chars.count ? chars[i + 1] : " "
            if after == "=" || "=<>~!".contains(before) { continue }
            let left = text.prefix(i)
            return left.contains("(") && !left.contains("[") && !left.trimmingCharacters(in: .whitespaces).hasSuffix(")") ? nil : left
        }
        return nil
    }

    /// Which output `name` is in `[a, b] = f(…)`: 0 for `a`, 1 for `b`.
    private static func position(of name: String, in text: String) -> Int? {
        guard let left = leftSide(text) else { return nil }
        return names(in: String(left)).firstIndex { $0.base == name }
    }
}
