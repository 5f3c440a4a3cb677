import Foundation
import NNL

/// Runs whole programs for `nnl run`, `nnl -e` and piped input: output to stdout,
/// diagnostics to stderr, exit status 0 or 1.
struct ProgramRunner {
    let renderer = DiagnosticRenderer(color: DiagnosticRenderer.colorWanted(on: 2))
    /// Seconds the program may run.
    var timeout: Double?

    func run(path: String) -> Int32 {
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("nnl: cannot read \(path)\n")
            return 1
        }
        return run(text: String(decoding: data, as: UTF8.self), name: path)
    }

    func run(text: String, name: String) -> Int32 {
        onLargeStack { runHere(text: text, name: name) }
    }

    private func runHere(text: String, name: String) -> Int32 {
        let interpreter = Interpreter()
        interpreter.warn = { printError(renderer.render($0)) }
        interpreter.useTerminal()
        interpreter.limits.deadline = timeout.map { Date().addingTimeInterval($0) }
        do {
            try interpreter.run(SourceFile(name: name, text: text))
            return 0
        } catch let errors as SyntaxErrors {
            printError(renderer.render(errors))
        } catch let d as Diagnostic {
            printError(renderer.render(d))
        } catch {
            printError("nnl: \(error)\n")
        }
        return 1
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
