/// The little Markdown that lesson prose uses, as HTML: headings, paragraphs, lists,
/// math as MathML (`$$` display lines and inline `$…$`), and inline code, bold and italics.
enum MarkdownToHTML {
    static func html(_ markdown: String) -> String {
        blocks(markdown).map(block).joined(separator: "\n")
    }

    /// Runs of lines separated by blank lines.
    private static func blocks(_ text: String) -> [[String]] {
        var result: [[String]] = [[]]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !result[result.count - 1].isEmpty { result.append([]) }
            } else {
                result[result.count - 1].append(String(line))
            }
        }
        return result.filter { !$0.isEmpty }
    }

    private static func block(_ lines: [String]) -> String {
        var out: [String] = []
        var paragraph: [String] = []
        var items: [String] = []
        func flush() {
            if !paragraph.isEmpty { out.append("<p>" + paragraph.map(inline).joined(separator: "\n") + "</p>"); paragraph = [] }
            if !items.isEmpty { out.append("<ul>" + items.map { "<li>" + inline($0) + "</li>" }.joined() + "</ul>"); items = [] }
        }
        for line in lines {
            let level = line.prefix { $0 == "#" }.count
            if (1...6).contains(level), line.dropFirst(level).first == " " {
                flush()
                out.append("<h\(level)>\(inline(String(line.dropFirst(level + 1))))</h\(level)>")
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                if !paragraph.isEmpty { flush() }
                items.append(String(line.dropFirst(2)))
            } else if line.hasPrefix("$$") {
                flush()
                out.append(MathML.render(displayMath(line), display: true))
            } else {
                if !items.isEmpty { flush() }
                paragraph.append(line)
            }
        }
        flush()
        return out.joined(separator: "\n")
    }

    /// A `$$…$$` line's LaTeX.
    private static func displayMath(_ line: String) -> String {
        var latex = Substring(line.trimmingCharacters(in: .whitespaces)).dropFirst(2)
        if latex.hasSuffix("$$") { latex = latex.dropLast(2) }
        return String(latex)
    }

    /// `code`, **bold** and *italic*, after escaping; math between `$` is MathML. As in
    /// CommonMark, `*` opens emphasis only before a non-space, so `a * b .* c` stays as it is.
    private static func inline(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let c = rest.first {
            if c == "`" || c == "$", let close = rest.dropFirst().firstIndex(of: c) {
                let inner = rest[rest.index(after: rest.startIndex)..<close]
                out += c == "`" ? "<code>\(String(inner).xmlEscaped)</code>" : MathML.render(String(inner), display: false)
                rest = rest[rest.index(after: close)...]
            } else if rest.hasPrefix("**"), let close = rest.dropFirst(2).range(of: "**") {
                out += "<strong>" + inline(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound])) + "</strong>"
                rest = rest[close.upperBound...]
            } else if c == "*", rest.dropFirst().first.map({ !$0.isWhitespace }) ?? false,
                      let close = rest.indices.dropFirst(2).first(where: { rest[$0] == "*" && !rest[rest.index(before: $0)].isWhitespace }) {
                out += "<em>" + inline(String(rest[rest.index(after: rest.startIndex)..<close])) + "</em>"
                rest = rest[rest.index(after: close)...]
            } else {
                out += String(c).xmlEscaped
                rest = rest.dropFirst()
            }
        }
        return out
    }
}
