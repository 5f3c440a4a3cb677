import NNL

/// Splits a `.nnl` file into cells. The file stays a plain program: every
/// directive is a comment to the interpreter.
public enum CellParser {
    public struct FormatError: Error, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public static func parse(_ text: String, file: String) throws(FormatError) -> [Cell] {
        var cells: [Cell] = []
        var current = emptyCell(title: "", line: 1)
        var continuingCheck = false
        for (i, raw) in SourceText.normalized(text).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = i + 1
            let line = String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("%%") {
                try endHints(of: current, file: file)
                cells.append(current)
                let (title, attributes) = try titleAndAttributes(String(trimmed.dropFirst(2)), file: file, line: number)
                current = emptyCell(title: title, line: number)
                current.attributes = attributes
                continuingCheck = false
            } else if let body = directive(trimmed, ">") {
                if current.prompt == nil {
                    current.prose.append(body)
                    current.proseLines.append(number)
                } else {
                    current.afterword.append(body)
                }
            } else if let body = directive(trimmed, "?") {
                if current.prompt != nil {
                    throw FormatError(file: file, line: number, message: "a cell can hold one exercise (`%?`); start a new cell with `%%`")
                }
                current.prompt = body
            } else if let body = directive(trimmed, "!") {
                guard current.prompt != nil else {
                    throw FormatError(file: file, line: number, message: "a hint (`%!`) belongs after the exercise's `%?` line")
                }
                if let last = current.hints.last, case .incomplete = Session.completeness(of: last) {
                    current.hints[current.hints.count - 1] += "\n" + body
                } else {
                    current.hints.append(body)
                    current.hintLines.append(number)
                }
            } else if trimmed.hasPrefix("%x "), let body = directive(trimmed, "x") {
                guard current.prompt != nil else {
                    throw FormatError(file: file, line: number, message: "a mistake (`%x`) belongs after the exercise's `%?` line")
                }
                let parts = body.components(separatedBy: "→").map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw FormatError(file: file, line: number, message: "a mistake reads `%x WRONG ANSWER → WHAT THE FEEDBACK SAYS`")
                }
                current.mistakes.append(Cell.Mistake(answer: parts[0], feedback: parts[1], line: number))
            } else if let body = directive(trimmed, "@") {
                let parts = body.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty else {
                    throw FormatError(file: file, line: number, message: "metadata reads `%@ key: value`")
                }
                current.metadata[parts[0]] = parts[1]
            } else if current.prompt == nil {
                current.code.lines.append((number, line))
            } else if continuingCheck || trimmed.hasPrefix("check(") || trimmed.hasPrefix("check (") {
                current.checks.lines.append((number, line))
                continuingCheck = trimmed.hasSuffix("...")
            } else {
                current.solution.lines.append((number, line))
            }
        }
        try endHints(of: current, file: file)
        cells.append(current)
        let kept = cells.filter { !$0.title.isEmpty || !$0.code.isEmpty || !$0.prose.isEmpty || $0.line != 1 || !$0.metadata.isEmpty }
        for cell in kept where cell.isExercise && cell.checks.isEmpty {
            throw FormatError(file: file, line: cell.line, message: "the exercise `\(cell.title)` has no `check(...)` line after its `%?`")
        }
        return kept
    }

    /// A hint of code whose block no later `%!` line closed.
    private static func endHints(of cell: Cell, file: String) throws(FormatError) {
        guard let last = cell.hints.last, case .incomplete = Session.completeness(of: last) else { return }
        throw FormatError(file: file, line: cell.hintLines.last ?? cell.line,
                          message: "this hint opens a block (`function`, `for`, `if` …) that no later `%!` line closes with `end`")
    }

    private static func emptyCell(title: String, line: Int) -> Cell {
        Cell(title: title, attributes: [:], metadata: [:], line: line, prose: [], code: CodeBlock(), prompt: nil,
             solution: CodeBlock(), hints: [], checks: CodeBlock())
    }

    /// `%> text` → "text"; a bare `%>` is an empty line of prose.
    private static func directive(_ line: String, _ mark: Character) -> String? {
        guard line.hasPrefix("%"), line.dropFirst().first == mark else { return nil }
        let rest = line.dropFirst(2)
        return String(rest.hasPrefix(" ") ? rest.dropFirst() : rest)
    }

    /// `Name [points=2] [hidden]` → ("Name", ["points": "2", "hidden": ""]).
    static func titleAndAttributes(_ text: String, file: String, line: Int) throws(FormatError) -> (String, [String: String]) {
        var title = text.trimmingCharacters(in: .whitespaces)
        var attributes: [String: String] = [:]
        while title.hasSuffix("]") {
            guard let open = title.lastIndex(of: "[") else {
                throw FormatError(file: file, line: line, message: "`]` without `[` in the cell title")
            }
            let inner = title[title.index(after: open)..<title.index(before: title.endIndex)]
            let parts = inner.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let key = parts.first, !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "_" }) else {
                throw FormatError(file: file, line: line, message: "a cell attribute reads `[name]` or `[name=value]`, not `[\(inner)]`")
            }
            guard attributes[key] == nil else {
                throw FormatError(file: file, line: line, message: "the attribute `[\(key)]` is given twice in the cell title")
            }
            attributes[key] = parts.count == 2 ? parts[1] : ""
            title = title[..<open].trimmingCharacters(in: .whitespaces)
        }
        return (title, attributes)
    }
}
