// NNLREPL is the REPL without the terminal: a `REPLSession` takes typed lines and writes
// text, so tests drive it with scripted input. Files: REPLSession (this: lines, blocks,
// running entries), Commands (the `:` commands), Completion (Tab's candidates), Banner.
// The terminal side (readline, Ctrl-C, width) is `Sources/nnl/REPL/TerminalREPL.swift`.
import Foundation
import NNL

/// One learner's session: the interpreter, a block being typed, and where text goes.
public final class REPLSession {
    public let interpreter: Interpreter
    /// Colour for errors (red) and shapes (dim); off in pipes and under `NO_COLOR`.
    public let color: Bool
    let renderer: DiagnosticRenderer
    /// Standard output and standard error.
    let write: (String) -> Void
    let writeError: (String) -> Void
    /// Runs a lesson for `:lesson NAME`; nil until the lesson runner is wired in.
    public var lessonRunner: ((String) -> Void)?
    /// On a terminal the `^C` echo ends no line: "interrupted" then starts a new one.
    public var isInteractive = false
    /// Set by `:quit`.
    public private(set) var wantsToQuit = false

    /// Lines of a block or bracket not closed yet.
    private var pending: [String] = []
    /// Every entry so far with what it printed and drew, for `:export`.
    private(set) var entries: [(code: String, output: String, figures: [Figure])] = []
    /// True while an entry runs: what it prints and draws belongs to it.
    private var recording = false

    public init(interpreter: Interpreter = Interpreter(), color: Bool,
                write: @escaping (String) -> Void, writeError: @escaping (String) -> Void) {
        self.interpreter = interpreter
        self.color = color
        self.write = write
        self.writeError = writeError
        renderer = DiagnosticRenderer(color: color)
        let renderer = renderer
        interpreter.warn = { writeError(renderer.render($0)) }
        interpreter.output = { [unowned self] text in
            if recording { entries[entries.count - 1].output += text }
            write(text)
        }
        interpreter.errorOutput = writeError
        interpreter.plotting.show = { [unowned self] figure in
            if recording { entries[entries.count - 1].figures.append(figure) }
            // Drawn for the terminal only: the notebook gets the figure itself.
            write(TerminalPlotRenderer(options: interpreter.plotting.terminal).render(figure))
        }
    }

    /// True while a block is open: the next line is asked for on `...> `.
    public var isContinuing: Bool { !pending.isEmpty }

    /// Takes one typed line: a `:` command, or code that runs once it is complete.
    public func feed(_ line: String) {
        if pending.isEmpty, let command = line.firstNonBlank == ":" ? line : nil {
            runCommand(command.trimmingCharacters(in: .whitespaces))
            return
        }
        pending.append(line)
        let text = joinedPending()
        let source = SourceFile(name: "", text: text)
        do {
            _ = try Parser.parse(source)
        } catch {
            if error.isIncomplete { return }
            pending = []
            writeError(renderer.render(error))
            return
        }
        pending = []
        entries.append((text, "", []))
        recording = true
        run(source)
        recording = false
    }

    /// Ctrl-C on the `...> ` prompt drops the unfinished block.
    public func cancelBlock() { pending = [] }

    /// Lines join with a newline, except after a line that leaves a `(` open: a newline
    /// would end the statement there (as in MATLAB), so it is joined with a space.
    private func joinedPending() -> String {
        var text = pending[0]
        for line in pending.dropFirst() {
            text += openParentheses(in: text) > 0 ? " " + line : "\n" + line
        }
        return text
    }

    private func openParentheses(in text: String) -> Int {
        var lexer = Lexer(SourceFile(name: "", text: text))
        return lexer.tokenize().reduce(0) { depth, token in
            switch token.kind {
            case .op(.leftParen): depth + 1
            case .op(.rightParen): depth - 1
            default: depth
            }
        }
    }

    /// Runs an entry on a large stack; an error or Ctrl-C is reported and the workspace kept.
    func run(_ source: SourceFile) {
        report(onLargeStack { [interpreter] () -> Error? in
            do { try interpreter.run(source) } catch { return error }
            return nil
        })
    }

    /// The one place a failed entry becomes text.
    func report(_ error: Error?) {
        switch error {
        case nil: break
        case let d as Diagnostic where d.isInterruption:
            writeError((isInteractive ? "\n" : "") + paint(d.message, "33") + "\n")
        case let d as Diagnostic:
            writeError(renderer.render(d))
        case let errors as SyntaxErrors:
            writeError(renderer.render(errors))
        case let other?:
            writeError(paint("error:", "1;31") + " \(other)\n")
        }
    }

    func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func quit() { wantsToQuit = true }
}

extension StringProtocol {
    var firstNonBlank: Character? { first { $0 != " " && $0 != "\t" } }
}
