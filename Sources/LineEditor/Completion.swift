/// What Tab is asked to complete. The word runs back from the cursor to the nearest operator,
/// bracket or space; `.` does not break it, so for `disp(p.W` the word is `p.W` and the
/// completer answers whole words (`p.W1`, `p.W2`). A `:` command at the start of the line is
/// one word with its colon (`:he`); elsewhere `:` is the range operator and breaks words.
public struct CompletionRequest: Equatable, Sendable {
    /// The whole line being edited.
    public let line: String
    /// The text being completed, up to the cursor: `sig`, `p.W`, `np.ra`, `:he`.
    public let word: String
    /// Where `word` starts in `line`, in Characters.
    public let wordStart: Int

    public init(line: String, word: String, wordStart: Int) {
        self.line = line
        self.word = word
        self.wordStart = wordStart
    }

    /// The request for a cursor at Character offset `cursor` (the end of the line by default).
    public init(line: String, cursor: Int? = nil) {
        let chars = Array(line)
        let end = min(cursor ?? chars.count, chars.count)
        let start = Completion.wordStart(in: chars[..<end])
        self.init(line: line, word: String(chars[start..<end]), wordStart: start)
    }

    /// `:he` at the start of the line: complete a REPL command.
    public var isCommand: Bool { word.hasPrefix(":") }

    /// The struct before the last dot (`p` for `p.W`, `a.b` for `a.b.c`); nil without a dot.
    public var fieldOwner: String? {
        guard let dot = word.lastIndex(of: ".") else { return nil }
        return String(word[..<dot])
    }

    /// The partial name after the last dot (`W` for `p.W`), or the whole word without a dot.
    public var namePrefix: String {
        guard let dot = word.lastIndex(of: ".") else { return word }
        return String(word[word.index(after: dot)...])
    }

    /// The line before the word, e.g. `:help ` or `disp(`: context for the completer.
    public var textBefore: String { String(line.prefix(wordStart)) }
}

/// Pure completion logic shared by readline's callbacks and the tests.
enum Completion {
    /// The language's operators, brackets, separators, quotes and comment starts; not `.`
    /// (fields) and not `_`. `:` is the range operator.
    static let wordBreaks = " \t\n\"'+-*/\\^=<>!~&|,;:()[]{}@%#"
    /// At a command position `:` is part of the word.
    static let commandWordBreaks = wordBreaks.filter { $0 != ":" }

    /// True when the text before the cursor is blanks, `:` and a command name being typed.
    static func isCommandPosition<S: StringProtocol>(_ beforeCursor: S) -> Bool {
        let rest = beforeCursor.drop(while: { $0 == " " || $0 == "\t" })
        return rest.first == ":" && !rest.contains(where: { $0 == " " || $0 == "\t" })
    }

    /// Where the word ending at the cursor starts (offsets into the whole line).
    static func wordStart(in beforeCursor: ArraySlice<Character>) -> Int {
        let breaks = isCommandPosition(String(beforeCursor)) ? commandWordBreaks : wordBreaks
        var start = beforeCursor.endIndex
        while start > beforeCursor.startIndex, !breaks.contains(beforeCursor[start - 1]) {
            start -= 1
        }
        return start
    }

    /// The candidates that extend `word`, without repeats, sorted.
    static func matches(for word: String, among candidates: [String]) -> [String] {
        Array(Set(candidates.filter { $0.hasPrefix(word) })).sorted()
    }

    /// The longest common prefix: what Tab inserts when several candidates remain.
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let chars = Array(word)
            var n = 0
            while n < min(prefix.count, chars.count), prefix[n] == chars[n] { n += 1 }
            prefix.removeSubrange(n...)
        }
        return String(prefix)
    }
}
