import Foundation
import NNL

/// Runs whole programs for `nnl run`, `nnl -e` and piped input: output to stdout,
/// diagnostics to stderr, exit status 0 or 1.
struct ProgramRunner {
    /// Seconds the program may run.
    var timeout: Double?

    func run(path: String) -> Int32 {
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("nnl: cannot read \(path)\n")
            return 1
        }
        let text = String(decoding: data, as: UTF8.self)
        if SavedFileKind.isWorkspaceFile(text) {
            printError("nnl: \(path) is a workspace file (written by :save), not a program: `:load \(path)` at the nnl prompt reads it; there `:save FILE.nnl` writes a program\n")
            return 1
        }
        return run(text: text, name: path)
    }

    func run(text: String, name: String) -> Int32 {
        let bar = Terminal.progressBar()
        let (out, err) = Terminal.writers(clearing: bar)
        let (figures, color) = (Terminal.figures, Terminal.colorWanted(on: STDERR_FILENO))
        var environment = SessionEnvironment { output in
            switch output {
            case .errorText, .warning: err(output.text(color: color))
            case .clearScreen: if isatty(STDOUT_FILENO) != 0 { out("\u{1B}[H\u{1B}[2J") }
            default: out(output.text(figures: figures))
            }
        }
        environment.progress = bar
        environment.display.width = Terminal.width
        environment.timeLimit = timeout
        do {
            try Session(environment).run(text, name: name)
            return 0
        } catch {
            err(DiagnosticRenderer(color: color).render(error))
            return 1
        }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
