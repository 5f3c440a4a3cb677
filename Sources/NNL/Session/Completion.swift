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
        let start = Self.wordStart(in: chars[..<end])
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

    /// The language's operators, brackets, separators, quotes and comment starts; not `.`
    /// (fields) and not `_`. `:` is the range operator.
    public static let wordBreaks = " \t\n\"'+-*/\\^=<>!~&|,;:()[]{}@%#"
    /// At a command position `:` is part of the word.
    public static let commandWordBreaks = wordBreaks.filter { $0 != ":" }

    /// True when the text before the cursor is blanks, `:` and a command name being typed.
    public static func isCommandPosition<S: StringProtocol>(_ beforeCursor: S) -> Bool {
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
}

/// Tab's candidates: `:` commands, struct fields after `p.`, `np.` builtins, and the names
/// in scope (variables, user functions, builtins, keywords). Pure, so readline's callback can
/// call it with a snapshot of the workspace from any thread.
public struct CompletionCandidates: Sendable {
    public var workspace: Workspace
    public var builtinNames: [String]
    /// The prompt's `:` commands, without the colon.
    public var commandNames: [String]

    public init(workspace: Workspace, builtinNames: [String], commandNames: [String]) {
        self.workspace = workspace
        self.builtinNames = builtinNames
        self.commandNames = commandNames
    }

    static let keywords = ["if", "elseif", "else", "end", "for", "while", "break", "continue",
                           "switch", "case", "otherwise", "function", "return", "true", "false", "True", "False"]

    public func candidates(for request: CompletionRequest) -> [String] {
        if request.isCommand { return commandNames.map { ":" + $0 } }
        if let arguments = commandArguments(request) { return arguments }
        if let owner = request.fieldOwner {
            if let value = lookUp(owner), case .structure(let s) = value {
                return s.fields.keys.map { owner + "." + $0 }
            }
            return builtinNames.filter { $0.hasPrefix(owner + ".") }
        }
        return workspace.variableNames + workspace.functions.keys + builtinNames + Self.keywords
    }

    /// `:help sig` completes builtins, `:clear W` variables; `:explain` and `:time` take code
    /// (nil: complete as code).
    private func commandArguments(_ request: CompletionRequest) -> [String]? {
        guard InputBuffer.isCommand(request.textBefore) else { return nil }
        let command = request.textBefore.drop { $0 != ":" }.dropFirst().prefix { !$0.isWhitespace }
        switch command {
        case "help": return builtinNames + commandNames.map { ":" + $0 }
        case "clear": return workspace.variableNames
        case "explain", "time": return nil
        default: return []
        }
    }

    /// `p` or `p.layer`: the value a dotted path names, if every step is a struct field.
    private func lookUp(_ path: String) -> Value? {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard var value = workspace[parts[0]] else { return nil }
        for part in parts.dropFirst() {
            guard case .structure(let s) = value, let next = s.fields[part] else { return nil }
            value = next
        }
        return value
    }
}
