/// Lesson prose (`%>` lines, Markdown with LaTeX-lite math) as terminal text:
/// `#` headings, `- ` and `1. ` lists, `**bold**`, `*emphasis*`, `` `code` ``,
/// `$inline math$` and `$$display math$$` (alone on its lines, indented).
public struct ProseRenderer: Sendable {
    public var style: TerminalStyle

    public init(style: TerminalStyle) { self.style = style }

    public func render(_ lines: [String]) -> String {
        var out: [String] = []
        var displayMath: [String]?
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if var math = displayMath {
                if trimmed.hasSuffix("$$") {
                    math.append(String(trimmed.dropLast(2)))
                    out.append(displayed(math.joined(separator: " ")))
                    displayMath = nil
                } else {
                    math.append(trimmed)
                    displayMath = math
                }
            } else if trimmed.hasPrefix("$$") {
                let rest = String(trimmed.dropFirst(2))
                if rest.hasSuffix("$$") { out.append(displayed(String(rest.dropLast(2)))) } else { displayMath = [rest] }
            } else {
                out.append(block(line, trimmed))
            }
        }
        if let math = displayMath { out.append(displayed(math.joined(separator: " "))) }
        return out.joined(separator: "\n") + "\n"
    }

    private func displayed(_ latex: String) -> String {
        "    " + style.math(MathText.render(latex.trimmingCharacters(in: .whitespaces)))
    }

    /// One line: a heading, a list item, or a line of a paragraph.
    private func block(_ line: String, _ trimmed: String) -> String {
        if let level = headingLevel(trimmed) {
            return style.heading(inline(String(trimmed.dropFirst(level + 1))))
        }
        let indent = String(line.prefix(while: { $0 == " " }))
        if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
            return indent + "  • " + inline(String(trimmed.dropFirst(2)))
        }
        let digits = trimmed.prefix(while: \.isNumber)
        if !digits.isEmpty, trimmed.dropFirst(digits.count).hasPrefix(". ") {
            return indent + "  \(digits). " + inline(String(trimmed.dropFirst(digits.count + 2)))
        }
        return inline(line)
    }

    private func headingLevel(_ s: String) -> Int? {
        let hashes = s.prefix(while: { $0 == "#" }).count
        return hashes > 0 && hashes <= 6 && s.dropFirst(hashes).hasPrefix(" ") ? hashes : nil
    }

    /// Spans within a line. An opening mark without its closing one is kept as it is.
    func inline(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, "$*`\\".contains(chars[i + 1]) {
                out.append(chars[i + 1])
                i += 2
                continue
            }
            let spans: [(open: String, style: (String) -> String, nested: Bool)] = [
                ("`", style.code, false), ("$", { style.math(MathText.render($0)) }, false),
                ("**", style.bold, true), ("*", style.emphasis, true),
            ]
            if let (mark, paint, nested) = spans.first(where: { starts(chars, i, $0.open) && opens(chars, i, $0.open) }),
               let end = find(chars, mark, from: i + mark.count), end > i + mark.count {
                let body = String(chars[(i + mark.count)..<end])
                out += paint(nested ? inline(body) : body)
                i = end + mark.count
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// Code in hints and messages, shown verbatim: only `` `spans` `` are painted, nothing
    /// else is Markdown, so `W2' * dZ2 .* (1 - A1.^2)` keeps every `*`.
    func verbatim(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "`"), let close = rest[rest.index(after: open)...].firstIndex(of: "`") {
            out += rest[..<open] + style.code(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// Emphasis opens only before a non-space, as in CommonMark: `a * b .* c` stays as it is.
    private func opens(_ chars: [Character], _ i: Int, _ mark: String) -> Bool {
        guard mark.hasPrefix("*") else { return true }
        let next = i + mark.count
        return next < chars.count && !chars[next].isWhitespace
    }

    private func starts(_ chars: [Character], _ i: Int, _ mark: String) -> Bool {
        let m = Array(mark)
        return i + m.count <= chars.count && Array(chars[i..<(i + m.count)]) == m
    }

    private func find(_ chars: [Character], _ mark: String, from start: Int) -> Int? {
        var i = start
        while i < chars.count {
            if chars[i] == "\\" { i += 2; continue }
            if starts(chars, i, mark) && (!mark.hasPrefix("*") || !chars[i - 1].isWhitespace) { return i }
            i += 1
        }
        return nil
    }
}
