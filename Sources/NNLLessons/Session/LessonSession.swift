import Foundation
import NNL

/// One learner going through one lesson, as a state machine with no terminal in it:
/// the driver feeds it lines (`handle`) and shows what it writes.
///
/// Two states are kept. The shadow state is what the solutions leave after each cell
/// (`checkpoints`); the learner's workspace is that plus whatever the learner made.
/// Answers are built and judged in `AnswerFlow`: a wrong part is undone; after every cell the
/// learner's workspace takes the shadow's variables again, so one mistake never reaches the
/// next exercise.
public final class LessonSession {
    public enum Phase: Equatable, Sendable { case reading, answering, finished }
    public enum Action: Equatable, Sendable { case proceed, quit }

    public let lesson: Lesson
    public internal(set) var progress: LessonProgress
    public internal(set) var phase = Phase.reading
    /// The course's next lesson, named when this one is complete.
    public var nextLesson: Lesson?
    /// Called after every cell (and on `:quit`) with the progress to keep.
    public var save: (LessonProgress) -> Void = { _ in }

    public var index: Int { progress.cell }

    let runner: CodeRunner
    let write: (String) -> Void
    let prose: ProseRenderer
    let diagnostics: DiagnosticRenderer
    var style: TerminalStyle { prose.style }

    /// `checkpoints[i]` is the shadow state before cell i.
    var checkpoints: [Snapshot]
    var learner: Snapshot
    /// The state after the current reading cell's code.
    var cellEnd: Snapshot?
    var exercise: Exercise?
    /// A block typed so far (`for` … before its `end`).
    var input = InputBuffer()
    /// Set by `:quit`.
    var quitting = false
    private(set) lazy var commands = CommandSet(session: runner.session, adding: lessonCommands,
                                                aliases: ["q": "quit", "exit": "quit"],
                                                program: { [unowned self] in programContents($0) })
    /// Functions the learner wrote that an exercise accepted, in order: they stay the
    /// learner's own (the solutions' are not put in their place), and `:save FILE.nnl` writes them first.
    var ownFunctions: [String] = []

    public init(lesson: Lesson, resumeFrom saved: LessonProgress? = nil, style: TerminalStyle = TerminalStyle(enabled: false),
                display: LessonDisplay = LessonDisplay(), output: @escaping (String) -> Void) {
        self.lesson = lesson
        runner = CodeRunner(display: display)
        write = output
        prose = ProseRenderer(style: style)
        diagnostics = DiagnosticRenderer(color: style.enabled)
        progress = saved?.reopened ?? LessonProgress(lesson: lesson)
        progress.cell = min(max(progress.cell, 0), lesson.cells.count)
        checkpoints = [runner.empty]
        learner = checkpoints[0]
        learner = shadowState(before: progress.cell)
    }

    /// How output is shown; the terminal host renews it before every line (the window may be resized).
    public var display: LessonDisplay {
        get { runner.display }
        set { runner.display = newValue }
    }

    /// The learner's variables, for completion at the prompt.
    public var learnerWorkspace: Workspace { learner.workspace }

    /// What to show when asking for the next line.
    public var prompt: String {
        if input.isContinuing { return "...> " }
        switch phase {
        case .reading: return style.dim("[Enter: next · :help]") + " "
        case .answering: return "nnl> "
        case .finished: return ""
        }
    }

    /// Shows the cell to resume at.
    public func start() {
        if progress.cell > 0 && progress.cell < lesson.cells.count {
            write(style.dim("Resuming at cell \(progress.cell + 1) of \(lesson.cells.count). (:back goes back, :restart starts over)") + "\n")
        } else if progress.completed == true && progress.cell == 0 {
            write(style.dim("You finished this lesson before: going through it again keeps it done.") + "\n")
        }
        present()
    }

    /// One line from the learner: a `:command`, Enter, or code (`InputBuffer` tells which).
    public func handle(_ line: String) -> Action {
        let code: String
        switch input.add(line) {
        case .waiting: return .proceed
        case .command(let text): return command(text.trimmingCharacters(in: .whitespaces))
        case .slip(let error):
            write(diagnostics.render(error) + style.dim(InputBuffer.slipNotice) + "\n")
            return .proceed
        case .entry(let entry): code = entry
        }
        let blank = code.allSatisfy(\.isWhitespace)
        switch phase {
        case .finished:
            return .quit
        case .reading where blank:
            finishCell(at: learner)
        case .answering where blank:
            write(style.dim("Type your answer; :hint for a hint, :skip to see the solution.") + "\n")
        case .reading, .answering:
            if phase == .answering { return answer(code) }
            let (after, failure) = runner.run(SourceFile(name: "<input>", text: code), from: learner, output: write)
            play(after, failure)
        }
        return .proceed
    }

    /// Ctrl-C at `...>`: the open block is dropped, and the learner told so.
    public func cancelBlock() {
        if let notice = input.interrupt() { write(style.dim(notice) + "\n") }
    }

    /// The end of input (Ctrl-D): at `...>` the open block is dropped (not run) and the lesson
    /// goes on; at the prompt the place is saved, as on `:quit`.
    public func endOfInput() -> Action {
        if let notice = input.endOfInput() {
            write(style.dim(notice) + "\n")
            return .proceed
        }
        return handle(":quit")
    }

    // MARK: - Cells

    /// Shows the current cell's title, its prose and code in file order (each piece of code
    /// run as it is shown), and waits.
    func present() {
        _ = input.interrupt()
        exercise = nil
        guard index < lesson.cells.count else { return finishLesson() }
        let cell = lesson.cells[index]
        write("\n" + style.heading("[\(index + 1)/\(lesson.cells.count)] \(cell.title.isEmpty ? lesson.title : cell.title)") + "\n")
        var state = checkpoints[index]
        var unfinished = CodeBlock()  // a block that goes on after a line of prose
        for segment in cell.segments {
            switch segment {
            case .prose(let lines):
                write(prose.render(lines))
            case .code(let block):
                write("\n" + listing(block))
                unfinished.lines += block.lines
                let source = unfinished.source(named: lesson.path)
                if case .incomplete = Session.completeness(of: source.text), block.lines.last?.number != cell.code.lines.last?.number { continue }
                let (after, failure) = runner.run(source, from: state, output: write)
                if let failure { write(diagnostics.render(failure)) }
                state = after
                unfinished = CodeBlock()
            }
        }
        learner = synchronised(learner, with: state)
        if cell.isExercise {
            exercise = Exercise(cell: cell, start: state, learner: learner, runner: runner, file: lesson.path)
            write("\n" + style.bold("✎ ") + prose.inline(cell.prompt ?? "") + "\n")
            phase = .answering
            resumeAnswer()
        } else {
            cellEnd = state
            phase = .reading
        }
    }

    /// Code as the lesson shows it: indented, coloured, without blank lines at either end.
    func listing(_ code: CodeBlock) -> String { listing(code.text) }

    func listing(_ text: String) -> String {
        text.trimmingBlankLines.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "  " + style.code(String($0)) }.joined(separator: "\n") + "\n"
    }

    /// Moves past the current cell, keeping `state` as the learner's workspace (re-synchronised).
    func finishCell(at state: Snapshot) {
        if let afterword = exercise?.cell.afterword, !afterword.isEmpty { write(prose.render(afterword)) }
        let end = exercise?.solved ?? cellEnd ?? state
        if checkpoints.count == index + 1 { checkpoints.append(end) } else { checkpoints[index + 1] = end }
        learner = synchronised(state, with: end)
        progress.cell += 1
        progress.answer = nil
        keep()
        present()
    }

    func finishLesson() {
        phase = .finished
        let skipped = progress.skippedCount
        write("\n" + style.good("Lesson complete: \(lesson.title).") + (skipped > 0 ? " (\(skipped) exercise\(skipped == 1 ? "" : "s") skipped: `nnl learn \(lesson.name)` and :restart to try again.)" : "") + "\n")
        if let next = nextLesson { write("Next: \(next.title), `nnl learn \(next.name)`.\n") }
        progress.completed = true
        keep()
    }

    /// The shadow state before cell `target`, replaying solutions silently where needed.
    func shadowState(before target: Int) -> Snapshot {
        while checkpoints.count <= target {
            let i = checkpoints.count - 1
            let cell = lesson.cells[i]
            var (state, _) = runner.run(cell.code.source(named: lesson.path), from: checkpoints[i])
            if cell.isExercise { (state, _) = runner.run(cell.solution.source(named: lesson.path), from: state) }
            checkpoints.append(state)
        }
        return checkpoints[target]
    }

    /// The shadow's variables (and random state) with the learner's own extra variables added,
    /// and the learner's functions: those the shadow lacks, and those an exercise accepted.
    func synchronised(_ mine: Snapshot, with shadow: Snapshot) -> Snapshot {
        var result = shadow
        for name in mine.workspace.variableNames where shadow[name] == nil {
            result.workspace[name] = mine[name]
        }
        return defining(mine, on: result) { name, decl in
            let theirs = shadow.workspace.functions[name]
            return theirs == nil || (ownFunctions.contains(name) && theirs !== decl)
        }
    }

    /// `state` with those of `mine`'s functions that `include` picks defined again from their source.
    func defining(_ mine: Snapshot, on state: Snapshot, include: (String, FunctionDecl) -> Bool) -> Snapshot {
        let sources = mine.workspace.functions.sorted { $0.key < $1.key }.compactMap { name, decl in
            include(name, decl) ? decl.sourceText : nil
        }
        guard !sources.isEmpty else { return state }
        return runner.run(SourceFile(name: "<your functions>", text: sources.joined(separator: "\n")), from: state).0
    }

    func keep() {
        progress.updated = .now
        save(progress)
    }

    // MARK: - Code from the learner

    /// Code typed while reading runs on the learner's workspace and stays, as in the REPL.
    func play(_ after: Snapshot, _ failure: RunError?) {
        learner = after
        if let failure { write(diagnostics.render(failure)) }
    }
}

extension String {
    /// Without the blank lines at either end.
    var trimmingBlankLines: String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
