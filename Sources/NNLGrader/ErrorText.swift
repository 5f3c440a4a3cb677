import NNL

/// An error as a report shows it, capped as output is: a student's `error()` of a megabyte, or
/// twenty thousand syntax errors, must not make a report of megabytes (each report holds the
/// text once or twice, for every test).
enum ErrorText {
    static let maxSyntaxErrors = 20
    /// Bytes of any one message, and of the whole rendered error.
    static let maxMessageBytes = 2_000
    static let maxBytes = 8_000

    static func render(_ error: RunError) -> String {
        var shown = error
        shown.diagnostics = error.diagnostics.prefix(maxSyntaxErrors).map { d in
            var d = d
            d.message = cut(d.message, to: maxMessageBytes)
            d.hint = d.hint.map { cut($0, to: maxMessageBytes) }
            return d
        }
        var text = DiagnosticRenderer().render(shown)
        let more = error.diagnostics.count - shown.diagnostics.count
        if more > 0 { text += "… and \(more) more syntax errors, not shown (fix the first ones: they often cause the rest)\n" }
        return cut(text, to: maxBytes)
    }

    /// `text` within about `limit` bytes of UTF-8, with a note of what was left out.
    static func cut(_ text: String, to limit: Int) -> String {
        let bytes = text.utf8.count
        guard bytes > limit else { return text }
        return String(decoding: text.utf8.prefix(limit), as: UTF8.self) + " …[\(bytes - limit) more bytes not shown]\n"
    }
}
