/// The one place diagnostics become text:
///
///     lesson.nnl:3:8: error: `*` needs the inner sizes to agree: W1 is 4×2 but X is 400×2
///       Z1 = W1*X + b1
///              ^
///     hint: X' is 2×400 — did you mean W1*X'?
public struct DiagnosticRenderer: Sendable {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func render(_ d: Diagnostic) -> String {
        var out = ""
        if let r = d.range, let file = r.file, !file.name.isEmpty {
            out += paint("\(file.name):\(r.line):\(r.column): ", "1")
        }
        let label = d.severity == .error ? paint("error:", "1;31") : paint("warning:", "1;33")
        out += "\(label) \(d.message)\n"
        if let r = d.range, let line = r.file?.line(r.line) {
            out += "  \(line)\n"
            out += "  " + padding(line, upTo: r.column) + paint(String(repeating: "^", count: caretLength(line, r)), "1;32") + "\n"
        }
        if let hint = d.hint { out += paint("hint:", "1;36") + " \(hint)\n" }
        for entry in d.trace {
            out += "  in \(entry.function), called at \(location(entry.callSite))\n"
        }
        return out
    }

    public func render(_ errors: SyntaxErrors) -> String {
        errors.diagnostics.map(render).joined()
    }

    private func location(_ r: SourceRange) -> String {
        "\(r.file?.name ?? "?"):\(r.line):\(r.column)"
    }

    /// Spaces (keeping tabs) up to a 1-based column, so the caret lines up.
    private func padding(_ line: Substring, upTo column: Int) -> String {
        String(line.prefix(max(column - 1, 0)).map { $0 == "\t" ? "\t" : " " })
    }

    private func caretLength(_ line: Substring, _ r: SourceRange) -> Int {
        max(1, min(r.length, line.count - r.column + 1))
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
