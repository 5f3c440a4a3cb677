import ArgumentParser
import Foundation
import NNL
import NNLMatrix

@main
struct NNLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        // Every command names itself: ArgumentParser derives a missing name from the type's
        // name (String(describing:), a runtime demangling), a third of start-up's instructions.
        commandName: "nnl",
        abstract: "Learn gradient descent for neural networks by typing the formulas.",
        discussion: """
        With no arguments on a terminal, nnl starts the REPL. `nnl run FILE.nnl` runs a
        program; a program piped to nnl is run too.
        """,
        version: nnlVersion,
        subcommands: [Run.self, Learn.self, CheckLessons.self, Grade.self, GradeWorker.self, Export.self, KernelCommand.self],
        defaultSubcommand: nil
    )

    @Option(name: .short, help: "Run CODE and exit.")
    var e: String?

    /// As ArgumentParser's, except that a wrongly called `nnl grade` exits 2, the status
    /// graders' scripts read as "the grader was called wrongly" (1 and 0 are scores' business).
    static func main() {
        if let refusal = Kernels.refusal {  // before any output: a benchmark must not run on other kernels
            FileHandle.standardError.write(Data("nnl: \(refusal.message)\n".utf8))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure, CommandLine.arguments.dropFirst().first == "grade" {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    func run() throws {
        if let code = e {
            throw ExitCode(ProgramRunner().run(text: code, name: "-e"))
        }
        // Piped input is a program, run as `nnl run` runs it; a terminal gets the REPL.
        if isatty(0) == 0 {
            let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            throw ExitCode(ProgramRunner().run(text: text, name: "<stdin>"))
        }
        throw ExitCode(TerminalREPL(version: nnlVersion).run())
    }
}

let nnlVersion = "0.1.0"

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a .nnl program; errors go to stderr and the exit status is 1.")

    @Argument(help: "The program to run.")
    var file: String

    @OptionGroup var limits: LimitOptions

    func run() throws {
        var runner = ProgramRunner()
        limits.apply(to: &runner)
        throw ExitCode(runner.run(path: file))
    }
}
