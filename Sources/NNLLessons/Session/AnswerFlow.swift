import NNL

/// An answer at an exercise's prompt, over as many inputs as the learner needs: each input runs
/// on the learner's workspace; a written-out value where the solution loops is a start value;
/// the answer is judged once complete (or on `:check`), right parts kept, wrong ones sent back;
/// hints one at a time; the answer so far saved with the progress, and brought back on resume.
extension LessonSession {
    /// One input of an answer, run on the learner's workspace. An error drops that input alone
    /// (a slip of syntax, a misspelt name or Ctrl-C is not a try); otherwise it stays, and once
    /// the answer is complete it is judged. An input that only sets start values (`x_left = -2;`)
    /// is judged only when it is already right: the loop that computes the answer comes next.
    func answer(_ code: String) -> Action {
        guard var exercise else { return .proceed }
        let (after, failure) = runner.run(SourceFile(name: "<answer>", text: code), from: learner, output: write)
        if let failure {
            write(diagnostics.render(failure))
            if Self.isTry(failure) { wrongAnswer([], &exercise, quiet: true) }
            return .proceed
        }
        let before = learner
        exercise.record(code, from: before)
        learner = after
        let started = exercise.startValues(in: code, runner: runner) ?? []
        for name in started { exercise.startValues[name] = after[name] }
        self.exercise = exercise
        let sofar = exercise.progress(of: after)
        guard sofar.isComplete else {
            note(exercise.note(sofar))
            return keepPartialAnswer()
        }
        let verdict = exercise.judge(learner, runner: runner, file: lesson.path)
        if !started.isEmpty, case .wrong = verdict {
            let values = started.compactMap { name in after[name].map { "`\(name) = \(valueSummary($0))`" } }
            note(values.joined(separator: ", ") + (started.count == 1 ? " is a start value" : " are start values")
                 + ": the answer is judged once your code computes " + Exercise.list(started) + " (a loop, say); `:check` judges it now.")
            return keepPartialAnswer()
        }
        settle(verdict, undoing: before)
        return .proceed
    }

    /// A slip of syntax, a misspelt name or an interrupt is not an answer; anything else that stops is.
    static func isTry(_ failure: RunError) -> Bool {
        failure.kind == .runtime && !failure.message.hasSuffix("is not defined")
    }

    /// Says what the answer still lacks, once: the same note is not repeated after every line.
    func note(_ text: String) {
        guard exercise?.lastNote != text else { return }
        exercise?.lastNote = text
        write(feedback(style.dim(prose.verbatim(text))))
    }

    /// Judges the answer in the learner's workspace (`:check`).
    func judge() {
        guard let exercise else { return }
        settle(exercise.judge(learner, runner: runner, file: lesson.path), undoing: learner)
    }

    /// A right answer is kept and the lesson goes on. A wrong one keeps its right parts; the
    /// wrong ones go back to the start value the learner gave them, or to how they were before
    /// the exercise, and what the judged input (`before` it) changed besides goes back too.
    func settle(_ verdict: Exercise.Verdict, undoing before: Snapshot) {
        guard var exercise else { return }
        switch verdict {
        case .correct(let state):
            write(style.good("✓ Correct.") + "\n")
            ownFunctions += exercise.functions.filter { !ownFunctions.contains($0) }
            progress.record(.passed, cell: index, title: exercise.cell.title)
            progress.answer = nil
            finishCell(at: state)
        case .wrong(let reasons, let parts):
            let kept = exercise.progress(of: learner).set.filter { !parts.contains($0) }
            learner = rolledBack(parts, of: exercise, before: before)
            exercise.lastNote = nil
            exercise.skipHintsRepeatingAnswer()
            exercise.attempt = nil
            wrongAnswer(reasons, &exercise)
            if let undone = undoneText(parts, kept: kept, exercise) { write(feedback(style.dim(prose.verbatim(undone)))) }
            _ = keepPartialAnswer()
        case .stopped(let failure):
            write(diagnostics.render(failure))
            write(feedback(style.dim(prose.verbatim("Not judged: `:check` judges your answer again."))))
        }
    }

    /// "`dZ1` kept; `db1` back to how it was before this exercise." — said when a part stays,
    /// or when a part goes back to a start value (not to nothing).
    func undoneText(_ parts: [String], kept: [String], _ exercise: Exercise) -> String? {
        let restarted = parts.filter { exercise.startValues[$0] != nil }
        let reset = parts.filter { exercise.startValues[$0] == nil }
        var said: [String] = []
        if !kept.isEmpty && !parts.isEmpty { said.append(Exercise.list(kept) + " kept") }
        if !reset.isEmpty && !said.isEmpty {
            said.append(Exercise.list(reset) + " back to how " + (reset.count == 1 ? "it was" : "they were") + " before this exercise")
        }
        if !restarted.isEmpty {
            let values = restarted.compactMap { name in exercise.startValues[name].map { "`\(name) = \(valueSummary($0))`" } }
            said.append("back to " + (restarted.count == 1 ? "your start value: " : "your start values: ") + values.joined(separator: ", "))
        }
        return said.isEmpty ? nil : said.joined(separator: "; ") + "."
    }

    /// The learner's workspace after a wrong answer: the wrong `parts` at their start values (or
    /// as before the exercise); the right parts and new variables stay; variables the judged
    /// input changed besides go back to their values `before` it.
    func rolledBack(_ parts: [String], of exercise: Exercise, before: Snapshot) -> Snapshot {
        var result = exercise.learnerStart
        let names = Set(learner.workspace.variableNames + result.workspace.variableNames)
        for name in names {
            if parts.contains(name) {
                result.workspace[name] = exercise.startValues[name] ?? exercise.learnerStart[name]
            } else if before[name] != nil && !exercise.awaited.contains(name) {
                result.workspace[name] = before[name]
            } else {
                result.workspace[name] = learner[name]
            }
        }
        let start = result.workspace.functions
        return defining(learner, on: result) { name, decl in !parts.contains(name) && decl !== start[name] }
    }

    /// A wrong try shows the first hint by itself; later hints wait for `:hint`, so typos never
    /// reveal the solution. `quiet`: after an error, whose message says enough.
    func wrongAnswer(_ reasons: [String], _ exercise: inout Exercise, quiet: Bool = false) {
        for reason in reasons { write(feedback(style.bad("✗ ") + prose.verbatim(reason))) }
        if exercise.hintsShown == exercise.hintsSkipped, let hint = exercise.nextHint {  // none said yet
            exercise.hintsShown += 1
            write(hintText(hint, exercise))
        } else if !quiet {
            let more = exercise.nextHint != nil ? "`:hint` gives the next hint, " : ""
            write(feedback(style.dim(prose.verbatim(more + "`:skip` shows the solution."))))
        }
        self.exercise = exercise
    }

    /// Feedback as a line of its own, broken between words to the terminal's width.
    func feedback(_ text: String) -> String { text.wrapped(width: display.width) + "\n" }

    /// Saves the answer typed so far (what it changed, as a program), so quitting keeps it.
    @discardableResult
    func keepPartialAnswer() -> Action {
        guard let exercise else { return .proceed }
        let start = exercise.learnerStart
        let variables = learner.workspace.variableNames.filter { name in
            name != "ans" && !(start[name].map { AnswerComparison.equal($0, learner[name]!) } ?? false)
        }
        let functions = learner.workspace.functions.keys.filter { learner.workspace.functions[$0] !== start.workspace.functions[$0] }
        var code = ""
        if !variables.isEmpty || !functions.isEmpty {
            let contents = ProgramContents(header: [], variables: variables, functions: functions.sorted())
            _ = runner.run({ [runner] () throws(RunError) in code = runner.session.programText(contents) }, from: learner, output: { _ in })
        }
        progress.answer = code.isEmpty ? nil
            : .init(cell: index, code: code, starts: exercise.startValues.keys.filter(variables.contains).sorted())
        keep()
        return .proceed
    }

    /// Brings back the answer saved for this exercise when the lesson was left.
    func resumeAnswer() {
        guard let saved = progress.answer else { return }
        guard saved.cell == index, var exercise else { return progress.answer = nil }
        let (after, failure) = runner.run(SourceFile(name: "<your answer so far>", text: saved.code), from: learner)
        guard failure == nil else { return progress.answer = nil }
        learner = after
        for name in saved.starts { exercise.startValues[name] = after[name] }
        self.exercise = exercise
        let sofar = exercise.progress(of: after)
        write(feedback(style.dim(prose.verbatim("Your answer so far is back" + (sofar.set.isEmpty ? "." : ": " + exercise.note(sofar))))))
        self.exercise?.lastNote = exercise.note(sofar)
    }

    /// A hint of one line follows its number; a block of code (a function over several
    /// lines) is listed under it, as code cells are.
    func hintText(_ hint: String, _ exercise: Exercise) -> String {
        let number = style.bold("hint \(exercise.hintsShown)/\(exercise.cell.hints.count):")
        return hint.contains("\n") ? number + "\n" + listing(hint) : feedback(number + " " + prose.verbatim(hint))
    }
}
