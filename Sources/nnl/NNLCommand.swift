import ArgumentParser
import Foundation
import NNL

@main
struct NNLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nnl",
        abstract: "Learn gradient descent for neural networks by typing the formulas.",
        discussion: """
        With no arguments on a terminal, nnl starts the REPL. `nnl run FILE.nnl` runs a
        program; a program piped to nnl is run too.
        """,
        version: nnlVersion,
        subcommands: [Run.self, Export.self],
        defaultSubcommand: nil
    )

    @Option(name: .short, help: "Run CODE and exit.")
    var e: String?

    func run() throws {
        if let code = e {
            throw ExitCode(ProgramRunner().run(text: code, name: "-e"))
        }
        if isatty(0) == 0 {
            let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            throw ExitCode(ProgramRunner().run(text: text, name: "<stdin>"))
        }
        throw ExitCode(ProgramRunner().runREPLPlaceholder())
    }
}

let nnlVersion = "0.1.0"

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a .nnl program; errors go to stderr and the exit status is 1.")

    @Argument(help: "The program to run.")
    var file: String

    func run() throws {
        throw ExitCode(ProgramRunner().run(path: file))
    }
}
