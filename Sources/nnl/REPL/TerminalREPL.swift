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
        let color = interactive && Terminal.colorWanted(on: STDOUT_FILENO)
        let bar = Terminal.progressBar()
        let (out, err) = Terminal.writers(clearing: bar)
        let repl = REPLSession(color: color, progress: bar, write: out, writeError: err)
        repl.isInteractive = interactive
        let session = repl.session
        let names = CompletionSnapshot(CompletionCandidates(workspace: session.workspace, builtinNames: session.builtinNames,
                                                            commandNames: repl.commands.names))
        let reader = makeLineReader(completer: { names.candidates(for: $0) })
        repl.lessonRunner = { name in
            do {
                try LessonLauncher.run(try Learn.findLesson(name), reader: reader, names: names)
            } catch {
                printError("nnl: \(error)\n")
            }
            names.update(session.workspace)
        }
        if interactive { repl.editor = Editor.edit }
        if interactive { print(replBanner(version: version)) }
        // A block goes into the history as one entry, so Up recalls it whole.
        reading: while !repl.wantsToQuit {
            let prompt = interactive ? (repl.isContinuing ? "...> " : "nnl> ") : ""
            switch reader.readLine(prompt: prompt) {
            case .line(let line):
                // The window may have been resized while the prompt waited.
                repl.width = Terminal.width
                repl.figures = Terminal.figures
                let block = repl.openLines
                repl.feed(line)
                if !repl.isContinuing {  // (a slip leaves the block open, so it is never kept)
                    reader.addToHistory((block + [line]).joined(separator: "\n"))
                }
                names.update(session.workspace)
            case .interrupted:
                repl.cancelBlock()
            case .endOfInput:
                if !repl.endOfInput() { break reading }
            }
        }
        (reader as? ReadlineLineReader)?.close()
        return 0
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
