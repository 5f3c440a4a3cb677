import Foundation
import NNL
import NNLLessons

/// The REPL's own `:` commands, beside those every prompt has (`:vars`, `:explain` …, made by
/// `CommandSet`).
extension REPLSession {
    var replCommands: [SessionCommand] {
        [
            SessionCommand("export", argument: "FILE", summary: "write the session so far as a notebook: FILE.ipynb, .md or .html") { [unowned self] path throws(RunError) in
                try export(to: path)
            },
            SessionCommand("edit", summary: "change the last block in $EDITOR, then run it") { [unowned self] _ throws(RunError) in
                try editLastEntry()
            },
            SessionCommand("lesson", argument: "NAME", summary: "start a lesson of the course") { [unowned self] name throws(RunError) in
                lesson(name)
            },
            SessionCommand("quit", summary: "leave (Ctrl-D does too)") { [unowned self] _ throws(RunError) in
                quit()
            },
        ]
    }

    /// `:edit`: the last block (else the last entry) in the learner's editor; what comes back runs.
    func editLastEntry() throws(RunError) {
        guard let editor else { throw RunError(Diagnostic(":edit needs a terminal and an editor")) }
        let edited: String
        let last = entries.last { $0.code.contains("\n") } ?? entries.last
        do { edited = try editor(last?.code ?? "") } catch {
            throw RunError(Diagnostic("the editor did not run: \(error)", hint: "set EDITOR, e.g. `export EDITOR=nano`"))
        }
        let code = edited.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !code.isEmpty else { return }
        write(code + "\n")
        feed(code)
    }

    func lesson(_ name: String) {
        if let lessonRunner {
            lessonRunner(name)
        } else {
            write("lessons run with `nnl learn\(name.isEmpty ? "" : " " + name)` (in a shell, not at this prompt)\n")
        }
    }

    /// `:export FILE`: the entries so far, with their output, figures and errors, as a notebook.
    func export(to path: String) throws(RunError) {
        let ext = (path as NSString).pathExtension.lowercased()
        guard let format = NotebookFormat(rawValue: ext) else {
            throw RunError(Diagnostic(":export writes .ipynb, .md or .html files, as in `:export session.ipynb`"))
        }
        do {
            try format.write(Notebook(session: entries)).write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw RunError(Diagnostic("cannot write \(path): \(error.localizedDescription)"))
        }
        write("wrote \(entries.count) entries to \(path)\n")
    }
}
