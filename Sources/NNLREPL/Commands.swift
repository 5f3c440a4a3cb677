import Foundation
import NNL
import NNLLessons

/// The REPL's `:` commands: name, argument, what it does (for `:help`), and the action.
struct Command: Sendable {
    let name: String
    let argument: String
    let summary: String
    let action: @Sendable (REPLSession, String) -> Void

    static let all: [Command] = [
        Command(name: "help", argument: "[NAME]", summary: "these commands; with a NAME, the same as `help NAME`") { s, arg in
            s.help(arg)
        },
        Command(name: "vars", argument: "", summary: "the variables: name, size, class and bytes (like whos)") { s, _ in
            s.write(variablesTable(s.interpreter.workspace))
        },
        Command(name: "clear", argument: "[NAME ...]", summary: "forget the named variables, or everything") { s, arg in
            s.clear(arg)
        },
        Command(name: "explain", argument: "EXPR", summary: "evaluate step by step: every sub-expression with its shape and value") { s, arg in
            s.explain(arg)
        },
        Command(name: "time", argument: "EXPR", summary: "run and say how long it took") { s, arg in
            s.time(arg)
        },
        Command(name: "save", argument: "FILE", summary: "write the whole workspace (variables and functions) to FILE") { s, arg in
            s.withFile(arg) { path throws(Diagnostic) in
                try s.interpreter.saveWorkspace(to: path)
                s.write("saved \(s.interpreter.workspace.variableNames.count) variables to \(path)\n")
            }
        },
        Command(name: "load", argument: "FILE", summary: "read a workspace written by :save (or Octave's save)") { s, arg in
            s.withFile(arg) { path throws(Diagnostic) in
                let names = try s.interpreter.loadWorkspace(from: path)
                s.write("loaded \(names.isEmpty ? "no variables" : names.joined(separator: ", "))\n")
            }
        },
        Command(name: "export", argument: "FILE", summary: "write the session so far as a notebook: FILE.ipynb, .md or .html") { s, arg in
            s.export(to: arg)
        },
        Command(name: "lesson", argument: "NAME", summary: "start a lesson of the course") { s, arg in
            s.lesson(arg)
        },
        Command(name: "quit", argument: "", summary: "leave (Ctrl-D does too)") { s, _ in
            s.quit()
        },
    ]

    static func named(_ name: String) -> Command? {
        all.first { $0.name == name } ?? (name == "q" || name == "exit" ? all.first { $0.name == "quit" } : nil)
    }
}

extension REPLSession {
    /// `:name argument`.
    func runCommand(_ line: String) {
        let body = line.dropFirst()
        let name = String(body.prefix { !$0.isWhitespace })
        let argument = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        guard let command = Command.named(name) else {
            let suggestion = closestName(to: name, in: Command.all.map(\.name))
            let hint = suggestion.map { "did you mean :\($0)?" } ?? "the commands are " + Command.all.map { ":" + $0.name }.joined(separator: " ")
            writeError(paint("error:", "1;31") + " there is no command :\(name)\n" + paint("hint:", "1;36") + " \(hint)\n")
            return
        }
        command.action(self, argument)
    }

    func help(_ name: String) {
        if name.isEmpty {
            let width = Command.all.map { $0.name.count + $0.argument.count }.max()! + 3
            var text = "Type code to run it, e.g. `W1 = randn(4, 2) * 0.01`; `help NAME` documents a builtin.\nCommands:\n"
            for c in Command.all {
                text += "  " + (":" + c.name + " " + c.argument).padding(toLength: width, withPad: " ", startingAt: 0) + c.summary + "\n"
            }
            text += "Tab completes names and fields; Up/Down recall earlier lines; Ctrl-C stops a computation.\n"
            write(text)
        } else if name.hasPrefix(":"), let c = Command.named(String(name.dropFirst())) {
            write(":\(c.name) \(c.argument)\n  \(c.summary)\n")
        } else {
            run(SourceFile(name: "", text: "help(\(mat2str(.string(name))))"))
        }
    }

    func clear(_ argument: String) {
        let names = argument.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !names.isEmpty else {
            var w = interpreter.workspace
            w.removeAll()
            interpreter.workspace = w
            return
        }
        for name in names {
            guard interpreter[variable: name] != nil else {
                let hint = closestName(to: name, in: interpreter.workspace.variableNames).map { " (did you mean \($0)?)" } ?? ""
                writeError(paint("error:", "1;31") + " there is no variable `\(name)`\(hint)\n")
                continue
            }
            interpreter[variable: name] = nil
        }
    }

    func explain(_ code: String) {
        guard !code.isEmpty else { return writeError("usage: :explain EXPR, e.g. :explain dW2 = 1/m * dZ2 * A1'\n") }
        let source = SourceFile(name: "", text: code)
        // The value display comes after the steps, so hold it back while they are recorded.
        var shown = ""
        let output = interpreter.output
        interpreter.output = { shown += $0 }
        let (trace, error) = onLargeStack { [interpreter] in ExplainTrace.run(source, in: interpreter) }
        interpreter.output = output
        write(trace.render(color: color))
        write(shown)
        report(error)
    }

    func time(_ code: String) {
        guard !code.isEmpty else { return writeError("usage: :time EXPR\n") }
        let start = ContinuousClock.now
        run(SourceFile(name: "", text: code))
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        write(paint(String(format: "elapsed: %.4g s", seconds), "2") + "\n")
    }

    func withFile(_ path: String, _ body: (String) throws(Diagnostic) -> Void) {
        guard !path.isEmpty else { return writeError("usage: a file name is needed, e.g. :save work.txt\n") }
        do { try body(path) } catch { report(error) }
    }

    func lesson(_ name: String) {
        if let lessonRunner {
            lessonRunner(name)
        } else {
            write("lessons run with `nnl learn\(name.isEmpty ? "" : " " + name)` (in a shell, not at this prompt)\n")
        }
    }
}

extension REPLSession {
    /// `:export FILE`: the entries so far, with their output and figures, as a notebook.
    func export(to path: String) {
        let ext = (path as NSString).pathExtension.lowercased()
        guard let format = NotebookFormat(rawValue: ext) else {
            writeError(paint("error:", "1;31") + " :export writes .ipynb, .md or .html files, as in `:export session.ipynb`\n")
            return
        }
        do {
            try format.write(Notebook(session: entries)).write(toFile: path, atomically: true, encoding: .utf8)
            write("wrote \(entries.count) entries to \(path)\n")
        } catch {
            writeError(paint("error:", "1;31") + " cannot write \(path): \(error.localizedDescription)\n")
        }
    }
}
