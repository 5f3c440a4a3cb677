import NNL

/// An exercise being answered: what its hidden solution leaves in the shadow workspace,
/// and which of those variables an answer is compared on.
struct Exercise {
    var cell: Cell
    /// The state before the solution; answers start from it.
    var start: Snapshot
    /// The state after the solution.
    var solved: Snapshot
    /// What the solution printed, shown when the learner skips.
    var solutionOutput: String
    /// Variables the solution assigns (or the cell's `%@ expect: A, B`), minus `ans`.
    var targets: [String]
    var hintsShown = 0

    init(cell: Cell, start: Snapshot, runner: CodeRunner, file: String) {
        self.cell = cell
        self.start = start
        var printed = ""
        (solved, _) = runner.run(cell.solution.source(named: file), from: start, output: { printed += $0 })
        solutionOutput = printed
        targets = Self.targets(of: cell, start: start, solved: solved)
    }

    /// The cell's `%@ expect: A, B`, or else every variable the solution changes except `ans`.
    /// `%@ expect: none` leaves the checks alone to judge (when many answers are right).
    static func targets(of cell: Cell, start: Snapshot, solved: Snapshot) -> [String] {
        if let listed = cell.metadata["expect"] {
            if listed == "none" { return [] }
            return listed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return solved.workspace.variableNames.filter { name in
            name != "ans" && AnswerComparison.compare(name, expected: solved[name]!, got: start[name]) != nil
        }
    }

    enum Verdict {
        case correct(Snapshot)
        /// Code that assigned none of the answer's variables: kept, like the REPL.
        case exploring(Snapshot, note: String)
        case wrong([String])
    }

    /// Judges an answer's resulting state: by value first, then by the cell's checks.
    func judge(_ after: Snapshot, runner: CodeRunner, file: String) -> Verdict {
        let m = solved["m"].flatMap { if case .matrix(let x) = $0, x.isScalar { x.scalar } else { nil } }
        let mismatches = targets.compactMap { name in
            AnswerComparison.compare(name, expected: solved[name] ?? .matrix(.empty()), got: after[name], m: m)
        }
        let untouched = targets.filter { name in after[name] == nil || AnswerComparison.compare(name, expected: after[name]!, got: start[name]) == nil }
        if !targets.isEmpty && untouched.count == targets.count {
            let names = targets.map { "`\($0)`" }.joined(separator: ", ")
            return .exploring(after, note: "\(names) \(targets.count == 1 ? "is" : "are") what this exercise asks for, and \(targets.count == 1 ? "it is" : "they are") not assigned yet.")
        }
        if !mismatches.isEmpty { return .wrong(mismatches.map(\.message)) }
        let failed = runner.runChecks(cell.checks, file: file, on: after).filter { !$0.passed }
        if !failed.isEmpty { return .wrong(failed.map(\.message)) }
        return .correct(after)
    }

    var nextHint: String? { hintsShown < cell.hints.count ? cell.hints[hintsShown] : nil }
}
