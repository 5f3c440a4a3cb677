import NNL

/// The learner's `:commands`: the lesson's own, beside those every prompt has (`:vars`,
/// `:explain`, `:clear`, `:time`, `:save`, `:load`), which act on the learner's workspace.
extension LessonSession {
    var lessonCommands: [SessionCommand] {
        [
            SessionCommand("hint", summary: "the next hint for this exercise") { [unowned self] _ throws(RunError) in showHint() },
            SessionCommand("check", summary: "judge the answer typed so far (an answer may take several inputs)") { [unowned self] _ throws(RunError) in
                exercise == nil ? write("There is no exercise here; Enter goes on.\n") : judge()
            },
            SessionCommand("skip", summary: "show and run the solution, and go on (the exercise is marked skipped)") { [unowned self] _ throws(RunError) in skip() },
            SessionCommand("back", summary: "go back one cell") { [unowned self] _ throws(RunError) in back() },
            SessionCommand("restart", summary: "start the lesson over") { [unowned self] _ throws(RunError) in restart() },
            SessionCommand("quit", summary: "save your place and leave (`nnl learn` resumes here)") { [unowned self] _ throws(RunError) in
                keep()
                if phase != .finished { write("Progress saved: `nnl learn \(lesson.name)` resumes at this cell.\n") }
                quitting = true
            },
        ]
    }

    /// The names Tab completes after `:`.
    public var commandNames: [String] { commands.names }

    /// `:name argument`. The lesson's own commands move between cells; the shared ones run on
    /// the learner's workspace, and what they leave (`:clear`, `:load`) is the learner's.
    func command(_ text: String) -> Action {
        let name = text.dropFirst().prefix { !$0.isWhitespace }
        let own = ["q", "exit"].contains(name) || lessonCommands.contains { $0.name == name }
        let error: RunError?
        if own {
            do { try commands.run(text); error = nil } catch let e { error = e }
        } else {
            let after: Snapshot
            (after, error) = runner.run({ [commands] () throws(RunError) in try commands.run(text) }, from: learner, output: write)
            learner = after
        }
        if let error { write(diagnostics.render(error)) }
        return quitting ? .quit : .proceed
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

    /// What `:save FILE.nnl` writes in a lesson: the learner's functions (those an exercise
    /// accepted, in the lesson's order, then the others) and the variables the learner made,
    /// not the lesson's.
    func programContents(_ workspace: Workspace) -> ProgramContents {
        let others = workspace.functions.keys.filter { !ownFunctions.contains($0) && !lessonFunctions.contains($0) }.sorted()
        let lessonVariables = Set(checkpoints.flatMap(\.workspace.variableNames) + (exercise?.solved.workspace.variableNames ?? []))
        return ProgramContents(header: ["Your work from the lesson \"\(lesson.title)\" (nnl learn \(lesson.name)).",
                                        "`nnl run FILE` runs it, `nnl grade FILE --tests …` grades it, `source FILE` reads it into a workspace."],
                               variables: workspace.variableNames.filter { $0 != "ans" && !lessonVariables.contains($0) }.sorted(),
                               functions: ownFunctions.filter { workspace.functions[$0] != nil } + others)
    }

    /// Functions the lesson's own code defines (not the learner's to submit).
    private var lessonFunctions: Set<String> {
        Set(checkpoints.last?.workspace.functions.keys.filter { !ownFunctions.contains($0) } ?? [])
    }
}
