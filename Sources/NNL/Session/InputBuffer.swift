import Foundation

/// The one host protocol for typed input: lines typed one at a time, gathered into whole
/// entries. The REPL, lessons and the Jupyter kernel all feed their lines here and act on what
/// comes back; none of them decides for itself what a `:` line, an open block or a slip is.
///
/// - A `:` line at the start of an entry is a command (inside a block it is code).
/// - A block or bracket left open waits for more (the `...>` prompt).
/// - A line that breaks an open block is a slip: reported and dropped, and the block stays open
///   with the lines before it, so the learner retypes just that line.
/// - Ctrl-C (`interrupt`) and Ctrl-D (`endOfInput`) at `...>` drop the block and say so.
public struct InputBuffer: Sendable {
    private var lines: [String] = []

    public init() {}

    /// What one typed line made.
    public enum Typed {
        /// The entry goes on: ask for the next line at `...>`.
        case waiting
        /// `:name argument`, as typed: the host runs it in its `CommandSet`.
        case command(String)
        /// A whole entry to run. Text that is wrong however it goes on comes here too (when no
        /// block is open), so that the run reports its errors.
        case entry(String)
        /// The line broke the open block: it is dropped, the block stays open.
        case slip(RunError)
    }

    /// True while an entry is open and the next line continues it.
    public var isContinuing: Bool { !lines.isEmpty }

    /// The lines of the open entry so far, as typed.
    public var openLines: [String] { lines }

    /// The lines of the open entry so far, joined as they would run.
    public var pendingText: String { Self.join(lines) }

    /// Whether `line` would be a `:` command if typed at the start of an entry.
    public static func isCommand<S: StringProtocol>(_ line: S) -> Bool {
        line.first { $0 != " " && $0 != "\t" } == ":"
    }

    /// Adds a typed line, or several at once (a console's buffer, sent whole).
    public mutating func add(_ typed: String) -> Typed {
        if !isContinuing, Self.isCommand(typed) { return .command(typed) }
        let text = Self.join(lines + [typed])
        switch Self.completeness(ofLines: lines + [typed]) {
        case .incomplete:
            lines.append(typed)
            return .waiting
        case .complete:
            lines = []
            return .entry(text)
        case .invalid:
            // A slip when what came before the last line is an open entry: that line broke it.
            let before = lines + typed.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            guard !before.isEmpty, case .incomplete = Self.completeness(ofLines: before) else {
                lines = []
                return .entry(text)
            }
            lines = before
            let ended = Self.join(lines + [typed, ""])
            let error = Session.syntaxError(in: SourceFile(name: "", text: ended))?.first
            return .slip(RunError(.syntax, [error ?? Diagnostic("this line does not fit the open block")]))
        }
    }

    /// The completeness of lines typed one after another. A text that only a line ending
    /// breaks (`y = x +`: a newline ends a statement, as in Octave, unless `...` continues it)
    /// is invalid as soon as it is typed: waiting would make the next line the slip, dropping
    /// that line and keeping the broken one.
    private static func completeness(ofLines lines: [String]) -> Completeness {
        let state = Session.completeness(of: join(lines))
        guard case .incomplete = state, case .invalid = Session.completeness(of: join(lines + [""])) else { return state }
        return .invalid
    }

    /// What follows a slip's error.
    public static let slipNotice = "(that line was dropped; the block above is still open: type it again, or Ctrl-C to drop the block)"

    /// Ctrl-C at `...>`: drops the open entry. The notice to show, or nil when none was open.
    public mutating func interrupt() -> String? {
        guard isContinuing else { return nil }
        lines = []
        return "(block cancelled)"
    }

    /// Ctrl-D: at `...>` drops the open entry, and the session goes on (the notice to show);
    /// nil at the top prompt, where it leaves.
    public mutating func endOfInput() -> String? {
        guard isContinuing else { return nil }
        let first = lines[0].trimmingCharacters(in: .whitespaces)
        lines = []
        return "(Ctrl-D: the unfinished block `\(first)` … was dropped, not run; Ctrl-D at the top prompt leaves)"
    }

    /// Whole text typed into one place (a notebook cell): complete, or waiting for more. A
    /// text of `:` command lines alone is complete.
    public static func completeness(of text: String) -> Completeness {
        let lines = text.split(separator: "\n")
        if !lines.isEmpty, lines.allSatisfy(isCommand) { return .complete }
        return Session.completeness(of: text)
    }

    /// Whether `text` typed next (after the open block, if any) makes a whole entry.
    public func completeness(continuingWith text: String) -> Completeness {
        let typed = lines + [text]
        if typed.count == 1, text.split(separator: "\n").allSatisfy(Self.isCommand) { return Self.completeness(of: text) }
        return Self.completeness(ofLines: typed)
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

    private static func depth(of text: String) -> (parentheses: Int, blocks: Int) {
        depth(of: withExtendedLifetime(SourceFile(name: "", text: text)) { file in
            var lexer = Lexer(file)
            return lexer.tokenize().map(\.kind)
        })
    }

    /// Open parentheses and open blocks at the end of `tokens` (an `end` inside brackets is an index).
    static func depth(of tokens: [Token.Kind]) -> (parentheses: Int, blocks: Int) {
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
