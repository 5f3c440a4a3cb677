/// Lines typed one at a time, gathered into whole entries: a block or bracket left open waits
/// for more (the `...>` prompt). The REPL, lessons and the Jupyter kernel all collect input here.
public struct InputBuffer: Sendable {
    private var lines: [String] = []

    public init() {}

    /// True while an entry is open and the next line continues it.
    public var isContinuing: Bool { !lines.isEmpty }

    /// The lines of the open entry so far, joined as they would run.
    public var pendingText: String { Self.join(lines) }

    /// Adds a line. Returns the entry once it is complete — or wrong however it goes on, so the
    /// run reports the error at once; nil while it waits for more.
    public mutating func add(_ line: String) -> String? {
        lines.append(line)
        let text = Self.join(lines)
        if case .incomplete = Session.completeness(of: text) { return nil }
        lines = []
        return text
    }

    /// Drops the open entry (Ctrl-C at `...>`); returns what was dropped.
    @discardableResult public mutating func cancel() -> String {
        defer { lines = [] }
        return pendingText
    }

    /// Lines join with a newline, except after a line that leaves a `(` open: a newline would
    /// end the statement there (as in MATLAB), so it is joined with a space.
    static func join(_ lines: [String]) -> String {
        guard var text = lines.first else { return "" }
        for line in lines.dropFirst() {
            text += depth(of: text).parentheses > 0 ? " " + line : "\n" + line
        }
        return text
    }

    /// Two spaces for every block still open at the end of `text`.
    static func indent(after text: String) -> String {
        String(repeating: "  ", count: max(0, depth(of: text).blocks))
    }

    /// Open parentheses and open blocks at the end of `text` (an `end` inside brackets is an index).
    private static func depth(of text: String) -> (parentheses: Int, blocks: Int) {
        let tokens = SourceFile.examining(text) { file in
            var lexer = Lexer(file)
            return lexer.tokenize().map(\.kind)
        }
        var parentheses = 0, brackets = 0, blocks = 0
        for kind in tokens {
            switch kind {
            case .op(.leftParen): parentheses += 1
            case .op(.rightParen): parentheses -= 1
            case .op(.leftBracket), .op(.leftBrace): brackets += 1
            case .op(.rightBracket), .op(.rightBrace): brackets -= 1
            case .keyword(let k) where parentheses + brackets == 0:
                if [.if, .for, .while, .switch, .function].contains(k) { blocks += 1 } else if k.closesBlock { blocks -= 1 }
            default: break
            }
        }
        return (parentheses, blocks)
    }
}
