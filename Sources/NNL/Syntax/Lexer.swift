import Interruption

/// Turns source text into tokens. Knows Octave's two context rules:
/// `'` is a transpose right after a value and a string elsewhere, and inside
/// `[...]` whitespace between two values separates elements (`[1 -1]` has two).
struct Lexer {
    private let file: SourceFile
    private let chars: [Character]
    private var index = 0
    private var line: Int
    private var column = 1
    private var tokens: [Token] = []
    /// Open brackets, innermost last: `[`/`{` turn on the element-gap rule, `(` turns it off.
    private var brackets: [Character] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Where a `%` comment began on this line: the line's end is placed there, so an error
    /// "found the end of the line" points after the code, not after the comment.
    private var lineCommentStart: SourceRange?
    /// Where every `%`/`#` line comment begins, in order (the REPL's `%`-formatting check).
    private(set) var comments: [SourceRange] = []

    init(_ file: SourceFile) {
        self.file = file
        chars = Array(file.text)
        line = file.firstLine
    }

    /// Every token, ending with `.endOfInput`; errors are collected in `diagnostics`.
    mutating func tokenize() -> [Token] {
        var spaced = false
        while true {
            spaced = skipBlanksAndComments() || spaced
            guard let c = peek() else { break }
            // A huge cell takes a while: an interrupt ends it here, and the parse reports it.
            if StopRequest.interruptPending {
                diagnostics.append(.interruptedWhileParsing)
                break
            }
            if insideMatrix, spaced, endsValue(tokens.last), startsElement(c) {
                append(.elementGap, at: here(), space: true)
            }
            lexToken(c, spaced: spaced)
            spaced = false
        }
        append(.endOfInput, at: lineCommentStart ?? here(), space: spaced)
        return tokens
    }

    private var insideMatrix: Bool { brackets.last == "[" || brackets.last == "{" }

    // MARK: - Characters

    private func peek(_ ahead: Int = 0) -> Character? {
        index + ahead < chars.count ? chars[index + ahead] : nil
    }

    @discardableResult private mutating func advance() -> Character {
        let c = chars[index]
        index += 1
        if c == "\n" { line += 1; column = 1 } else { column += 1 }
        return c
    }

    private func here(length: Int = 1) -> SourceRange {
        SourceRange(file: file, line: line, column: column, length: length)
    }

    private mutating func append(_ kind: Token.Kind, at range: SourceRange, space: Bool) {
        tokens.append(Token(kind: kind, range: range, spaceBefore: space))
    }

    // MARK: - Blanks, comments, continuations

    /// Skips spaces, comments and `...` continuations; true if anything was skipped.
    private mutating func skipBlanksAndComments() -> Bool {
        var skipped = false
        while let c = peek() {
            if c == " " || c == "\t" || c == "\r" {
                advance()
            } else if c == "%" || c == "#" {
                if atLineStart(), peek(1) == "{", restOfLineIsBlank(from: index + 2) {
                    skipBlockComment()
                } else {
                    lineCommentStart = here()
                    comments.append(here())
                    while let d = peek(), d != "\n" { advance() }
                }
            } else if c == ".", peek(1) == ".", peek(2) == "." {
                while let d = peek(), d != "\n" { advance() }
                if peek() == "\n" { advance() }
            } else {
                break
            }
            skipped = true
        }
        return skipped
    }

    private func atLineStart() -> Bool {
        var i = index - 1
        while i >= 0, chars[i] == " " || chars[i] == "\t" { i -= 1 }
        return i < 0 || chars[i] == "\n"
    }

    private func restOfLineIsBlank(from start: Int) -> Bool {
        var i = start
        while i < chars.count, chars[i] != "\n" {
            if !chars[i].isWhitespace { return false }
            i += 1
        }
        return true
    }

    /// `%{ ... %}` on lines of their own, nestable as in Octave.
    private mutating func skipBlockComment() {
        var depth = 0
        while peek() != nil {
            var text = ""
            while let d = peek(), d != "\n" { text.append(advance()) }
            if peek() == "\n" { advance() }
            let trimmed = text.filter { !$0.isWhitespace }
            if trimmed == "%{" || trimmed == "#{" { depth += 1 }
            if trimmed == "%}" || trimmed == "#}" { depth -= 1 }
            if depth == 0 { return }
        }
    }

    // MARK: - Tokens

    private mutating func lexToken(_ c: Character, spaced: Bool) {
        let start = here()
        if c == "\n" {
            advance()
            // As in MATLAB, a line ends a statement even inside `(`; continue with `...`.
            while brackets.last == "(" { brackets.removeLast() }
            append(.separator(printing: true, isNewline: true), at: lineCommentStart ?? start, space: spaced)
            lineCommentStart = nil
        } else if c.isNumber || (c == "." && peek(1)?.isNumber == true) {
            lexNumber(start: start, spaced: spaced)
        } else if c.isLetter || c == "_" {
            lexWord(start: start, spaced: spaced)
        } else if c == "\"" {
            lexString(start: start, spaced: spaced, quote: "\"")
        } else if c == "'" {
            if endsValue(tokens.last), !(spaced && insideMatrix) {
                advance()
                append(.op(.transpose), at: start, space: spaced)
            } else {
                lexString(start: start, spaced: spaced, quote: "'")
            }
        } else {
            lexOperator(c, start: start, spaced: spaced)
        }
    }

    private mutating func lexNumber(start: SourceRange, spaced: Bool) {
        if peek() == "0", peek(1) == "x" || peek(1) == "X", peek(2)?.isHexDigit == true {
            return lexHexNumber(start: start, spaced: spaced)
        }
        var text = ""
        while let d = peek(), d.isNumber { text.append(advance()) }
        // `3.*x` is `3 .* x`: a dot followed by an operator belongs to the operator.
        if peek() == ".", let next = peek(1), !"*/^\\'".contains(next) {
            text.append(advance())
            while let d = peek(), d.isNumber { text.append(advance()) }
        }
        if let e = peek(), "eEdD".contains(e) {
            let sign = peek(1)
            let digitAt = (sign == "+" || sign == "-") ? 2 : 1
            if peek(digitAt)?.isNumber == true {
                advance()
                text.append("e")
                if digitAt == 2 { text.append(advance()) }
                while let d = peek(), d.isNumber { text.append(advance()) }
            }
        }
        let range = SourceRange(file: file, line: start.line, column: start.column, length: column - start.column)
        append(.number(Double(text) ?? .nan), at: range, space: spaced)
        if let d = peek(), d.isLetter || d == "_" {
            diagnostics.append(Diagnostic("a number cannot run into a name here", at: here(),
                                          hint: "put an operator between them, e.g. `2*x` rather than `2x`"))
            while let d = peek(), d.isLetter || d.isNumber || d == "_" { advance() }
        }
    }

    /// `0x1F`, as Octave reads it.
    private mutating func lexHexNumber(start: SourceRange, spaced: Bool) {
        advance(); advance()
        var value = 0.0
        while let d = peek(), let digit = d.hexDigitValue {
            value = value * 16 + Double(digit)
            advance()
        }
        append(.number(value), at: SourceRange(file: file, line: start.line, column: start.column, length: column - start.column),
               space: spaced)
    }

    private mutating func lexWord(start: SourceRange, spaced: Bool) {
        var text = ""
        while let d = peek(), d.isLetter || d.isNumber || d == "_" { text.append(advance()) }
        let range = SourceRange(file: file, line: start.line, column: start.column, length: text.count)
        if let keyword = Keyword(rawValue: text) {
            // Inside an index `end` is the last position; the parser tells the two apart.
            append(.keyword(keyword), at: range, space: spaced)
        } else {
            append(.identifier(text), at: range, space: spaced)
        }
    }

    private mutating func lexString(start: SourceRange, spaced: Bool, quote: Character) {
        advance()
        var text = ""
        while true {
            guard let d = peek(), d != "\n" else {
                diagnostics.append(Diagnostic("this string is never closed", at: start,
                                              hint: "end it with \(quote) on the same line"))
                break
            }
            advance()
            if d == quote {
                if peek() == quote { advance(); text.append(quote); continue }
                break
            }
            text.append(d)
            // `\"` does not end a double-quoted string; its escapes are processed at the end.
            if d == "\\", quote == "\"", let e = peek(), e != "\n" {
                advance()
                text.append(e)
            }
        }
        // Double-quoted text processes escapes as Octave's lexer does: \n, \t, \\, \", octal, hex
        // (printf then leaves such a template alone, so "a\\nb" prints a\nb).
        if quote == "\"" { text = processEscapes(text) }
        let length = start.line == line ? column - start.column : 1
        append(.string(text), at: SourceRange(file: file, line: start.line, column: start.column, length: length), space: spaced)
    }

    private mutating func lexOperator(_ c: Character, start: SourceRange, spaced: Bool) {
        if c == ";" || c == "," {
            advance()
            append(.separator(printing: c == ",", isNewline: false), at: start, space: spaced)
            return
        }
        let two = String(c) + String(peek(1) ?? " ")
        let op: Operator
        if let o = Operator(rawValue: two), two != ".'" || endsValue(tokens.last) {
            op = o
            advance(); advance()
        } else if let o = Operator(rawValue: String(c)) {
            op = o
            advance()
        } else {
            advance()
            diagnostics.append(Diagnostic("`\(c)` is not part of the language", at: start))
            return
        }
        trackBracket(op)
        append(.op(op), at: SourceRange(file: file, line: start.line, column: start.column, length: op.rawValue.count), space: spaced)
    }

    private mutating func trackBracket(_ op: Operator) {
        switch op {
        case .leftParen: brackets.append("(")
        case .leftBracket: brackets.append("[")
        case .leftBrace: brackets.append("{")
        case .rightParen, .rightBracket, .rightBrace: if !brackets.isEmpty { brackets.removeLast() }
        default: break
        }
    }

    // MARK: - Context rules

    /// Tokens after which `'` transposes and a space may separate matrix elements.
    private func endsValue(_ token: Token?) -> Bool {
        guard let token else { return false }
        switch token.kind {
        case .number, .string, .identifier: return true
        case .keyword(let k): return k == .end && !brackets.isEmpty
        case .op(let o): return [.rightParen, .rightBracket, .rightBrace, .transpose, .plainTranspose].contains(o)
        default: return false
        }
    }

    /// Inside `[...]`, after a space: does `c` begin a new element? `[1 -1]` yes, `[1 - 1]` no.
    private func startsElement(_ c: Character) -> Bool {
        if c.isLetter || c.isNumber || "_\"'([{@".contains(c) { return true }
        if c == "." { return peek(1)?.isNumber == true }
        if c == "~" || c == "!" { return peek(1) != "=" }
        if c == "+" || c == "-" {
            guard let next = peek(1) else { return false }
            return !next.isWhitespace && next != "=" && next != c
        }
        return false
    }
}
