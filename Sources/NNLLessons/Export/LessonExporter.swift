import Foundation
import NNL

/// Runs a lesson with its solutions, one session for the whole file as `nnl run` would, and
/// keeps each cell's prose, code, printed text and figures. The learner's copy
/// (`solutions: false`) shows each exercise as a cell to fill in, marked with its lesson and
/// cell: the nnl kernel judges it as `nnl learn` does (NotebookExercises), so neither the
/// solution nor its checks are in the learner's file; the solution still runs, unseen, so later
/// cells show their outputs.
public enum LessonExporter {
    public static func notebook(lessonText text: String, file: String, solutions: Bool = true) throws(CellParser.FormatError) -> Notebook {
        let cells = try CellParser.parse(text, file: file)
        let reference = NotebookExercises.reference(for: try Lesson(text: text, path: file))
        let recorder = OutputRecorder()
        let session = Session(SessionEnvironment { recorder.outputs.append($0) })

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var notebook = Notebook(cells: [])
        notebook.lesson = reference
        for (index, cell) in cells.enumerated() {
            let next = index + 1 < cells.count ? cells[index + 1].line : lines.count + 1
            for piece in pieces(of: cell, lines: lines[(cell.line - 1)..<(next - 1)]) {
                switch piece {
                case .prose(let prose):
                    notebook.cells.append(.markdown(prose))
                case .code(let code) where !solutions && code.holdsAny(of: cell.solution):
                    try? session.run(code.source(named: file))
                    notebook.cells.append(.code(answerCell(cell, code, marker: NotebookExercises.markerLine(cell: index, lesson: reference)), []))
                case .code(let code):
                    recorder.outputs = []
                    do { try session.run(code.source(named: file)) }
                    catch { recorder.outputs.append(.error(plainRenderer.render(error))) }
                    notebook.cells.append(.code(code.text, recorder.outputs))
                }
            }
        }
        return notebook
    }

    private static let plainRenderer = DiagnosticRenderer(color: false)

    /// An exercise for the learner: the question as a comment, the marker that names the
    /// exercise, room for the answer, and the cell's other code (not its solution, not its checks).
    private static func answerCell(_ cell: Cell, _ code: CodeBlock, marker: String) -> String {
        let hidden = Set((cell.solution.lines + cell.checks.lines).map(\.number))
        let rest = CodeBlock(lines: code.lines.filter { !hidden.contains($0.number) }).text.trimmingBlankLines
        return commentLines("✎ " + (cell.prompt ?? "Your answer."))
            + "% Write your answer below; running the cell checks it (`:hint` in a cell gives hints).\n"
            + marker + "\n\n\n" + (rest.isEmpty ? "" : rest + "\n")
    }

    /// Text as `%` comment lines of at most 78 columns, so a notebook shows them without scrolling.
    static func commentLines(_ text: String, width: Int = 78) -> String {
        var lines: [String] = []
        var line = "%"
        for word in text.split(whereSeparator: \.isWhitespace) {
            if line.count > 1, line.count + 1 + word.count > width {
                lines.append(line)
                line = "%"
            }
            line += " " + word
        }
        return (lines + [line]).joined(separator: "\n") + "\n"
    }

    private enum Piece {
        case prose(String)
        case code(CodeBlock)
    }

    /// The cell as it reads in the file: its title, then runs of prose and of code in order.
    /// An exercise's question is prose; its solution and checks are code.
    private static func pieces(of cell: Cell, lines: ArraySlice<Substring>) -> [Piece] {
        var prose: [(number: Int, text: String)] = []
        var proseTexts = (cell.prose + cell.afterword).makeIterator()
        for (number, line) in zip(lines.indices.map { $0 + 1 }, lines) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("%>"), let text = proseTexts.next() { prose.append((number, text)) }
            // A paragraph of its own: a blank line before it.
            if trimmed.hasPrefix("%?"), let prompt = cell.prompt { prose.append((number, "\n**Exercise.** " + prompt)) }
        }
        let code = (cell.code.lines + cell.solution.lines + cell.checks.lines).map { (number: $0.number, text: $0.text, isCode: true) }
        let ordered = (prose.map { (number: $0.number, text: $0.text, isCode: false) } + code).sorted { $0.number < $1.number }

        var pieces: [Piece] = cell.title.isEmpty ? [] : [.prose("## " + cell.title + "\n")]
        for line in ordered {
            switch (pieces.last, line.isCode) {
            case (.prose(let text)?, false): pieces[pieces.count - 1] = .prose(text + "\n" + line.text)
            case (.code(var block)?, true): block.lines.append((line.number, line.text)); pieces[pieces.count - 1] = .code(block)
            case (_, false): pieces.append(.prose(line.text))
            case (_, true): pieces.append(.code(CodeBlock(lines: [(line.number, line.text)])))
            }
        }
        return pieces.compactMap(trimmed)
    }

    /// A piece without its leading and trailing blank lines, or nil when nothing is left.
    private static func trimmed(_ piece: Piece) -> Piece? {
        guard case .code(var block) = piece else { return piece }
        while let last = block.lines.last, last.text.trimmingCharacters(in: .whitespaces).isEmpty { block.lines.removeLast() }
        while let first = block.lines.first, first.text.trimmingCharacters(in: .whitespaces).isEmpty { block.lines.removeFirst() }
        return block.lines.isEmpty ? nil : .code(block)
    }
}

private extension CodeBlock {
    func holdsAny(of other: CodeBlock) -> Bool {
        let numbers = Set(other.lines.map(\.number))
        return lines.contains { numbers.contains($0.number) }
    }
}

/// Collects a cell's outputs as the interpreter produces them.
private final class OutputRecorder {
    var outputs: [Notebook.Output] = []
}

extension Array where Element == Notebook.Output {
    /// Keeps what a session showed: text joins the text before it, figures stay figures.
    public mutating func append(_ output: SessionOutput) {
        switch output {
        case .errorText, .warning: append(.error(output.text()))
        case .figure(let f): append(Notebook.Output.figure(f))
        case .clearScreen: break
        default: appendText(output.text())
        }
    }

    /// Text joins the text just before it, so a loop's lines make one output.
    private mutating func appendText(_ text: String) {
        if case .text(let previous)? = last { self[count - 1] = .text(previous + text) } else { append(Notebook.Output.text(text)) }
    }
}
