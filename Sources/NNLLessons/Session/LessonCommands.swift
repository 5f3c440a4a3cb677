import NNL

/// The learner's `:commands`.
extension LessonSession {
    static let help = """
    :hint      the next hint for this exercise
    :skip      show and run the solution, and go on (the exercise is marked skipped)
    :back      go back one cell
    :restart   start the lesson over
    :vars      the variables in your workspace
    :save FILE your workspace, for `:load FILE` in the REPL; FILE.nnl: your functions, as a program
    :quit      save your place and leave (`nnl learn` resumes here)
    Anything else is code, run on your workspace. At a reading pause, Enter goes on.

    """

    func command(_ text: String) -> Action {
        let name = text.split(separator: " ").first.map(String.init) ?? text
        switch name {
        case ":hint": showHint()
        case ":skip": skip()
        case ":back": back()
        case ":restart": restart()
        case ":vars": write(variablesTable())
        case ":save": save(to: text.dropFirst(name.count).trimmingCharacters(in: .whitespaces))
        case ":help": write(Self.help)
        case ":quit", ":q", ":exit":
            keep()
            if phase != .finished { write("Progress saved: `nnl learn \(lesson.name)` resumes at this cell.\n") }
            return .quit
        default: write("unknown command \(name); :help lists them\n")
        }
        return .proceed
    }

    func showHint() {
        guard var exercise else { return write("There is no exercise here; Enter goes on.\n") }
        guard let hint = exercise.nextHint else {
            return write(exercise.cell.hints.isEmpty ? "This exercise has no hints; :skip shows the solution.\n"
                                                     : "No more hints; :skip shows the solution.\n")
        }
        exercise.hintsShown += 1
        write(hintText(hint, exercise))
        self.exercise = exercise
    }

    func skip() {
        guard let exercise else { return write("There is no exercise here; Enter goes on.\n") }
        write("The solution:\n" + listing(exercise.cell.solution) + exercise.solutionOutput)
        progress.record(.skipped, cell: index, title: exercise.cell.title)
        finishCell(at: learner)
    }

    func back() {
        guard index > 0 else { return write("This is the first cell.\n") }
        progress.cell -= 1
        learner = checkpoints[index]
        keep()
        present()
    }

    func restart() {
        let completed = progress.completed
        progress = LessonProgress(lesson: lesson)
        progress.completed = completed
        ownFunctions = []
        learner = checkpoints[0]
        keep()
        present()
    }

    /// `:save FILE`: the learner's workspace in Octave's text format (the REPL's `:load` reads
    /// it); a `.nnl` FILE gets the learner's functions as a program instead (the homework's
    /// submission).
    func save(to path: String) {
        guard !path.isEmpty else { return write("usage: :save FILE (FILE.nnl: your functions, as a program to submit)\n") }
        do {
            if path.hasSuffix(".nnl") {
                let text = functionsProgram()
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                write("wrote your functions to \(path)\n")
            } else {
                runner.interpreter.workspace = learner.workspace
                try runner.interpreter.saveWorkspace(to: path)
                write("wrote your workspace to \(path): `:load \(path)` in the REPL (`nnl`) brings it back\n")
            }
        } catch let d as Diagnostic {
            write(diagnostics.render(d))
        } catch {
            write("cannot write \(path): \(error.localizedDescription)\n")
        }
    }

    /// The learner's functions as a `.nnl` program: those an exercise accepted, in the
    /// lesson's order, then any others the learner defined.
    func functionsProgram() -> String {
        let functions = learner.workspace.functions
        let others = functions.keys.filter { !ownFunctions.contains($0) && !lessonFunctions.contains($0) }.sorted()
        let bodies = (ownFunctions + others).compactMap { functions[$0]?.sourceText }
        return "% Your functions from the lesson \"\(lesson.title)\" (nnl learn \(lesson.name)).\n\n"
            + bodies.joined(separator: "\n\n") + "\n"
    }

    /// Functions the lesson's own code defines (not the learner's to submit).
    private var lessonFunctions: Set<String> {
        Set(checkpoints.last?.workspace.functions.keys.filter { !ownFunctions.contains($0) } ?? [])
    }

    /// Name, size and class of each variable, as Octave's `whos` lists them.
    func variablesTable() -> String {
        let names = learner.workspace.variableNames.filter { $0 != "ans" }
        guard !names.isEmpty else { return "No variables yet.\n" }
        let width = max(4, names.map(\.count).max()!)
        let rows = names.map { name in
            let value = learner[name]!
            return name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + value.shapeText.padding(toLength: 9, withPad: " ", startingAt: 0) + "  " + value.className
        }
        return style.bold("Name".padding(toLength: width, withPad: " ", startingAt: 0) + "  Size       Class") + "\n"
            + rows.joined(separator: "\n") + "\n"
    }
}
