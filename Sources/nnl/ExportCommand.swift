import ArgumentParser
import Foundation
import NNL
import NNLLessons

extension NotebookFormat: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Run a lesson and write it as a Jupyter notebook (for the nnl kernel), Markdown or an HTML page.",
        discussion: "The learner's copy shows each exercise as a cell to fill in, its checks below; --solutions writes the teacher's copy with the answers and their outputs.")

    @Argument(help: "The lesson (.nnl) to export.")
    var file: String

    @Option(name: .customLong("to"), help: "ipynb, md or html.")
    var format: NotebookFormat = .ipynb

    @Flag(help: "Include the solutions (the teacher's copy).")
    var solutions = false

    @Option(name: .short, help: "Where to write (default: the lesson's name with the format's extension; - is standard output).")
    var output: String?

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            printError("nnl: cannot read \(file)\n")
            throw ExitCode(1)
        }
        let text = String(decoding: data, as: UTF8.self)
        let path = file
        let run = Result { () throws(CellParser.FormatError) in try LessonExporter.notebook(lessonText: text, file: path, solutions: solutions) }
        guard case .success(let notebook) = run else {
            if case .failure(let error) = run { printError("\(error)\n") }
            throw ExitCode(1)
        }
        let written = format.write(notebook)
        let target = output ?? URL(fileURLWithPath: file).deletingPathExtension().appendingPathExtension(format.rawValue).path
        if target == "-" { print(written, terminator: ""); return }
        do { try written.write(toFile: target, atomically: true, encoding: .utf8) }
        catch { printError("nnl: cannot write \(target): \(error.localizedDescription)\n"); throw ExitCode(1) }
        printError("wrote \(target)\n")
    }
}
