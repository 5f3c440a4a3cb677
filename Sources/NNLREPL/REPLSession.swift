// NNLREPL is the REPL without the terminal: a `REPLSession` takes typed lines and writes
// text, so tests drive it with scripted input. Files: REPLSession (this: lines, blocks,
// showing results), Commands (the REPL's own `:` commands), Banner. Tab's candidates are
// the language's (`CompletionCandidates` in NNL). The terminal side (readline, Ctrl-C, width) is `Sources/nnl/REPL/TerminalREPL.swift`.
import Foundation
import NNL
import NNLLessons

/// One learner at the prompt: a `Session`, the block being typed, and where text goes.
public final class REPLSession {
    public let session: Session
    /// Colour for errors (red) and shapes (dim); off in pipes and under `NO_COLOR`.
    public let color: Bool
    let renderer: DiagnosticRenderer
    /// Standard output and standard error.
    let write: (String) -> Void
    let writeError: (String) -> Void
    /// Runs a lesson for `:lesson NAME`; nil until the lesson runner is wired in.
    public var lessonRunner: ((String) -> Void)?
    /// Lets the learner change text in an editor (`:edit`) and gives it back; nil without a terminal.
    public var editor: ((String) throws -> String)?
    /// On a terminal the `^C` echo ends no line: "interrupted" then starts a new one.
    public var isInteractive = false
    /// The size figures are drawn at; the terminal host renews it before every entry.
    public var figures = TerminalPlotOptions()
    /// Set by `:quit`.
    public private(set) var wantsToQuit = false

    private var input = InputBuffer()
    /// Every entry so far with what it showed, for `:export`.
    private(set) var entries: [(code: String, outputs: [Notebook.Output])] = []
    /// True while an entry runs: what it shows belongs to it.
    private var recording = false
    public private(set) lazy var commands = CommandSet(session: session, adding: replCommands,
                                                aliases: ["q": "quit", "exit": "quit"])

    public init(color: Bool, progress: LoopProgressReporter? = nil,
                write: @escaping (String) -> Void, writeError: @escaping (String) -> Void) {
        self.color = color
        self.write = write
        self.writeError = writeError
        renderer = DiagnosticRenderer(color: color)
        session = Session()
        var environment = SessionEnvironment { [unowned self] in show($0) }
        environment.progress = progress
        session.environment = environment
    }

    /// The width values are fitted to.
    public var width: Int {
        get { session.environment.display.width }
        set { session.environment.display.width = newValue }
    }

    /// True while a block is open: the next line is asked for on `...> `.
    public var isContinuing: Bool { input.isContinuing }

    /// The lines of the open block so far, as typed (history keeps a block as one entry).
    public var openLines: [String] { input.openLines }

    /// Takes one typed line; `InputBuffer` says what it is: a `:` command, a line of an open
    /// block, a slip inside one, or a whole entry, which runs.
    public func feed(_ line: String) {
        switch input.add(line) {
        case .waiting: break
        case .command(let command): report { [self] () throws(RunError) in try commands.run(command) }
        case .slip(let error): writeError(renderer.render(error) + paint(InputBuffer.slipNotice, "2") + "\n")
        case .entry(let code):
            entries.append((code, []))
            recording = true
            defer { recording = false }
            report { [session] () throws(RunError) in try session.run(code) }
        }
    }

    /// Ctrl-C on the `...> ` prompt drops the unfinished block.
    public func cancelBlock() {
        if let notice = input.interrupt() { writeError(paint(notice, "2") + "\n") }
    }

    /// Ctrl-D: at `...> ` the unfinished block is dropped (not run) and the session goes on;
    /// false at `nnl> `, where it leaves.
    public func endOfInput() -> Bool {
        guard let notice = input.endOfInput() else { return false }
        writeError(paint(notice, "1;33") + "\n")
        return true
    }

    /// Runs `body`; an error or Ctrl-C is reported and the workspace kept.
    func report(_ body: () throws(RunError) -> Void) {
        let error: RunError
        do throws(RunError) { return try body() } catch let e { error = e }
        if recording { entries[entries.count - 1].outputs.append(.error(DiagnosticRenderer().render(error))) }
        writeError((error.kind == .interrupted && isInteractive ? "\n" : "") + renderer.render(error))
    }

    /// Where the session's output goes: the terminal, and the entry being recorded.
    private func show(_ output: SessionOutput) {
        if recording { entries[entries.count - 1].outputs.append(output) }
        switch output {
        case .errorText, .warning: writeError(output.text(color: color))
        case .clearScreen: if isInteractive { write("\u{1B}[H\u{1B}[2J") }
        default: write(output.text(figures: figures, color: color))
        }
    }

    func paint(_ text: String, _ code: String) -> String {
        ansi(text, code, if: color)
    }

    func quit() { wantsToQuit = true }
}
