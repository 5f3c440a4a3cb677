import Foundation

/// `print("cost = %f" % 0.5)`: Python's `%` formatting. In nnl `%` starts a comment, and a line
/// that leaves `(` open is joined to the next with a space (`InputBuffer.join`), so every later
/// line would land in the comment too and the entry could never end: the `...>` trap. Such a
/// text is an error at once. (A comment inside `[...]` is fine: those lines join with newlines.)
enum CommentInParentheses {
    /// The error for `file` when its last line leaves `(` open and ends in a comment.
    static func diagnostic(in file: SourceFile) -> Diagnostic? {
        var lexer = Lexer(file)
        let tokens = lexer.tokenize()
        let lastLine = file.firstLine + max(file.lines.count - 1, 0)
        guard let comment = lexer.comments.last, comment.line == lastLine,
              InputBuffer.depth(of: tokens.map(\.kind)).parentheses > 0 else { return nil }
        let before = tokens.last { $0.range.line == comment.line && $0.range.column < comment.column }
        return Diagnostic("`\(comment.text ?? "%")` starts a comment in nnl, so this `(` is never closed",
                          at: comment, hint: hint(after: before, comment: comment))
    }

    /// After a string, the formatting the learner meant, spelled with `printf` and `sprintf`.
    private static func hint(after token: Token?, comment: SourceRange) -> String {
        guard let token, case .string = token.kind, let template = token.range.text,
              let line = comment.file?.line(comment.line) else {
            return "close the bracket before the comment; to format numbers into text use sprintf or printf"
        }
        var operand = String(line.dropFirst(comment.column)).trimmingCharacters(in: .whitespaces.union([";"]))
        // Without the `)`s that closed the call: those the operand does not open itself.
        while operand.last == ")", operand.count(where: { $0 == ")" }) > operand.count(where: { $0 == "(" }) {
            operand = String(operand.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        if operand.isEmpty { operand = "x" }
        let format = template.dropLast()  // without its closing quote: `\n` goes inside
        return "to format a number write printf(\(format)\\n\(template.last!), \(operand)), "
            + "or s = sprintf(\(template), \(operand)) for the text"
    }
}
