import NNL
import NNLMatrix

/// What `check-lessons` asks of one exercise besides its solution: each stated mistake
/// (`%x WRONG → FEEDBACK`) is judged wrong with feedback that says FEEDBACK, and no small edit of
/// the solution (the repair engine's edits) that leaves other values, or moves or drops a
/// term, is judged right: an exercise that accepts one cannot tell the mistake from the answer.
struct ExerciseProbe {
    var cell: Cell
    /// The state where the exercise starts.
    var start: Snapshot
    var runner: CodeRunner
    var file: String

    func problems() -> [(line: Int, message: String)] {
        let exercise = Exercise(cell: cell, start: start, learner: start, runner: runner, file: file)
        return cell.mistakes.compactMap { mistakeProblem($0, exercise) } + acceptedEdits(exercise)
    }

    /// The feedback a learner typing `mistake.answer` gets, checked against what the file states.
    private func mistakeProblem(_ mistake: Cell.Mistake, _ exercise: Exercise) -> (Int, String)? {
        var exercise = exercise
        let (after, failure) = runner.run(SourceFile(name: "<answer>", text: mistake.answer), from: start)
        if let failure { return (mistake.line, "the mistake `\(mistake.answer)` does not run: \(failure.message)") }
        exercise.record(mistake.answer, from: start)
        switch exercise.judge(after, runner: runner, file: file) {
        case .correct:
            return (mistake.line, "the mistake `\(mistake.answer)` is accepted as right")
        case .wrong(let reasons, _):
            let said = reasons.joined(separator: " ")
            guard !said.lowercased().contains(mistake.feedback.lowercased()) else { return nil }
            return (mistake.line, "the mistake `\(mistake.answer)` gets \"\(said)\", which does not say \"\(mistake.feedback)\"")
        case .stopped(let failure):
            return (mistake.line, "judging the mistake `\(mistake.answer)` was stopped: \(failure.message)")
        }
    }

    /// Single edits of the solution that the exercise accepts though they change a value it
    /// judges or checks (beyond rounding).
    private func acceptedEdits(_ exercise: Exercise) -> [(Int, String)] {
        let solution = cell.solution.text
        let firstLine = cell.solution.lines.first?.number ?? cell.line
        // Under `%@ expect: none` many answers are right by design: the checks alone judge. A
        // function's mutants are `nnl grade --check-tests`'s (one run of its `%@ try` call each
        // would train a network per edit here).
        guard !exercise.targets.isEmpty, cell.metadata["try"] == nil else { return [] }
        var found: [(Int, String)] = []
        for edit in EditEnumerator(workspace: start.workspace).edits(of: solution) {
            guard let mutant = RepairEdit.apply([edit], to: solution) else { continue }
            let (after, failure) = runner.run(SourceFile(name: "<mutant>", text: mutant), from: start)
            guard failure == nil, case .correct = exercise.judge(after, runner: runner, file: file, diagnose: false) else { continue }
            let differs = exercise.targets.contains { name in
                guard let mine = after[name], let theirs = exercise.expected[name] else { return false }
                return !Self.same(mine, theirs)
            }
            if differs || Self.neverEquivalent(edit.kind) {
                found.append((firstLine + edit.line - 1,
                              "the exercise `\(cell.title)` accepts a wrong edit of its solution: `\(edit.original)` → `\(edit.replacement)`"))
            }
        }
        return found
    }

    /// A term moved into or out of a call, or dropped: when that leaves the values as they
    /// were, the data hides the mistake (a bias of zeros), and the exercise cannot see it.
    static func neverEquivalent(_ kind: RepairEdit.Kind) -> Bool {
        switch kind {
        case .moveIntoCall, .moveOutOfCall, .dropTerm: true
        default: false
        }
    }

    /// Equal up to rounding (a relative 1e-12): a reordered sum is the same answer.
    static func same(_ a: Value, _ b: Value) -> Bool {
        guard case .matrix(let x) = a, case .matrix(let y) = b else { return AnswerComparison.equal(a, b) }
        guard x.rows == y.rows, x.cols == y.cols else { return false }
        var scale = 0.0
        for i in 0..<y.count where y[i].isFinite { scale = max(scale, y[i].magnitude) }
        return (0..<x.count).allSatisfy { i in
            x[i] == y[i] || (x[i].isNaN && y[i].isNaN) || (x[i] - y[i]).magnitude <= 1e-12 * max(scale, 1e-300)
        }
    }
}
