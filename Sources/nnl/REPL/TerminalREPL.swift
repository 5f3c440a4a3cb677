import Foundation
import LineEditor
import NNL
import NNLREPL
import Synchronization

/// The REPL on a terminal: readline, prompts, colour, the banner and Ctrl-C. Without a
/// terminal on both ends it reads plain lines and shows no prompts, banner or colour.
struct TerminalREPL {
    let version: String

    func run() -> Int32 {
        let interactive = isInteractiveTerminal()
        let color = interactive && DiagnosticRenderer.colorWanted(on: 1)
        let interpreter = Interpreter()
        interpreter.interruptRequested = { Interrupt.isRequested }
        let session = REPLSession(interpreter: interpreter, color: color,
                                  write: { FileHandle.standardOutput.write(Data($0.utf8)) },
                                  writeError: { FileHandle.standardError.write(Data($0.utf8)) })
        session.isInteractive = interactive
        interpreter.useTerminal()
        let names = CompletionSnapshot(CompletionCandidates(workspace: interpreter.workspace,
                                                            builtinNames: interpreter.builtinNames))
        let reader = makeLineReader(completer: { names.candidates(for: $0) })
        session.lessonRunner = { name in
            do {
                try LessonLauncher.run(try Learn.findLesson(name), reader: reader, names: names)
            } catch {
                printError("nnl: \(error)\n")
            }
            names.update(interpreter.workspace)
        }
        if interactive { print(replBanner(version: version)) }
        reading: while !session.wantsToQuit {
            interpreter.displayOptions.width = terminalWidth()
            let prompt = interactive ? (session.isContinuing ? "...> " : "nnl> ") : ""
            switch reader.readLine(prompt: prompt) {
            case .line(let line):
                reader.addToHistory(line)
                session.feed(line)
                names.update(interpreter.workspace)
            case .interrupted:
                session.cancelBlock()
            case .endOfInput:
                break reading
            }
        }
        (reader as? ReadlineLineReader)?.close()
        return 0
    }

    private func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 else { return 80 }
        return Int(size.ws_col)
    }
}

/// The workspace as Tab last saw it: readline's callback reads it, the loop renews it
/// after every entry.
final class CompletionSnapshot: Sendable {
    private let state: Mutex<CompletionCandidates>

    init(_ candidates: CompletionCandidates) { state = Mutex(candidates) }

    func update(_ workspace: Workspace) { state.withLock { $0.workspace = workspace } }

    func candidates(for request: CompletionRequest) -> [String] {
        state.withLock { $0 }.candidates(for: request)
    }
}
