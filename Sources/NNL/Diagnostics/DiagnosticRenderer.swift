import Foundation

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
        if let r = d.range, let fullLine = r.file?.line(r.line) {
            let (line, column) = window(fullLine, around: r.column)
            out += "  \(line)\n"
            out += "  " + padding(line, upTo: column) + paint(String(repeating: "^", count: caretLength(line, column, r.length)), "1;32") + "\n"
        }
        if let hint = d.hint { out += paint("hint:", "1;36") + " \(hint)\n" }
        // A runaway recursion repeats one call site: say it once with a count.
        var i = 0
        while i < d.trace.count {
            let entry = d.trace[i]
            var run = 1
            while i + run < d.trace.count, d.trace[i + run].function == entry.function,
                  d.trace[i + run].callSite == entry.callSite { run += 1 }
            out += "  in \(entry.function), called at \(location(entry.callSite))"
            out += run > 1 ? " (\(run) times)\n" : "\n"
            i += run
        }
        return out
    }

    public func render(_ errors: SyntaxErrors) -> String {
        errors.diagnostics.map(render).joined()
    }

    /// A failed run: every syntax error, or the one runtime error; an interrupt is one word.
    public func render(_ error: RunError) -> String {
        if error.kind == .interrupted { return paint("interrupted", "33") + "\n" }
        return error.diagnostics.map(render).joined()
    }

    private func location(_ r: SourceRange) -> String {
        "\(r.file?.name ?? "?"):\(r.line):\(r.column)"
    }

    /// Spaces (keeping tabs) up to a 1-based column, so the caret lines up.
    private func padding(_ line: Substring, upTo column: Int) -> String {
        String(line.prefix(max(column - 1, 0)).map { $0 == "\t" ? "\t" : " " })
    }

    private func caretLength(_ line: Substring, _ column: Int, _ length: Int) -> Int {
        max(1, min(length, line.count - column + 1))
    }

    /// A long line is cut to the part around the caret, with `…` where text was left out.
    private func window(_ line: Substring, around column: Int) -> (Substring, Int) {
        let width = 100
        guard line.count > width else { return (line, column) }
        let start = max(0, min(column - 1 - width / 2, line.count - width))
        var shown = Substring(line.dropFirst(start).prefix(width))
        var newColumn = column - start
        if start > 0 { shown = "…" + shown; newColumn += 1 }
        if start + width < line.count { shown += "…" }
        return (shown, newColumn)
    }

    private func paint(_ text: String, _ code: String) -> String {
        ansi(text, code, if: color)
    }
}
