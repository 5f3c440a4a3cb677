import NNL

/// An exercise being answered: what its hidden solution leaves in the shadow workspace,
/// and which of those variables an answer is compared on.
///
/// An exercise that asks for a function names a call in `%@ try: p = f(2, 4, 1)`: the call
/// runs after the solution and after each answer, and what it assigns is compared by value.
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
    /// The state after the solution and the `%@ try:` call; `solved` without one.
    var expected: Snapshot
    /// Functions the solution defines: an answer that defines none of them is exploration.
    var functions: [String]
    var hintsShown = 0

    init(cell: Cell, start: Snapshot, runner: CodeRunner, file: String) {
        self.cell = cell
        self.start = start
        var printed = ""
        (solved, _) = runner.run(cell.solution.source(named: file), from: start, output: { printed += $0 })
        solutionOutput = printed
        expected = Self.probe(cell, solved, runner: runner, file: file).state
        targets = Self.targets(of: cell, start: start, solved: solved, expected: expected)
        functions = solved.workspace.functions.keys.filter { start.workspace.functions[$0] == nil }.sorted()
    }

    /// The cell's `%@ expect: A, B`, or else every variable the solution (and its `%@ try:`
    /// call) changes except `ans`. `%@ expect: none` leaves the checks alone to judge.
    static func targets(of cell: Cell, start: Snapshot, solved: Snapshot, expected: Snapshot) -> [String] {
        if let listed = cell.metadata["expect"] {
            if listed == "none" { return [] }
            return listed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let before = cell.metadata["try"] == nil ? start : solved
        return expected.workspace.variableNames.filter { name in
            name != "ans" && !(before[name].map { AnswerComparison.equal(expected[name]!, $0) } ?? false)
        }
    }

    /// Runs the cell's `%@ try:` call on `state` (nothing to run: `state` as it is).
    static func probe(_ cell: Cell, _ state: Snapshot, runner: CodeRunner, file: String) -> (state: Snapshot, failure: RunError?) {
        guard let call = cell.metadata["try"] else { return (state, nil) }
        return runner.run(SourceFile(name: "\(file): %@ try", text: call), from: state)
    }

    enum Verdict {
        case correct(Snapshot)
        /// Code that assigned none of the answer's variables: kept, like the REPL.
        case exploring(Snapshot, note: String)
        case wrong([String])
    }

    /// Judges an answer's resulting state: by value first, then by the cell's checks.
    func judge(_ after: Snapshot, runner: CodeRunner, file: String) -> Verdict {
        if let note = explorationNote(after) { return .exploring(after, note: note) }
        let (tried, failure) = Self.probe(cell, after, runner: runner, file: file)
        if let failure, let call = cell.metadata["try"] {
            return .wrong(["`\(call)` fails with your code: \(failure.message)"])
        }
        let mismatches = targets.compactMap { name -> Mismatch? in
            if isUnchanged(name, after) { return .unchanged(name: name) }
            return AnswerComparison.compare(name, expected: expected[name] ?? .matrix(.empty()), got: tried[name], context: tried.workspace)
        }
        if !mismatches.isEmpty {
            let call = cell.metadata["try"].map { "With `\($0)`: " } ?? ""
            return .wrong(mismatches.map { call + $0.message })
        }
        let failed = runner.runChecks(cell.checks, file: file, on: after).filter { !$0.passed }
        if !failed.isEmpty { return .wrong(failed.map(\.message)) }
        return .correct(after)
    }

    /// What to say when the answer touched none of what the exercise asks for.
    private func explorationNote(_ after: Snapshot) -> String? {
        if !functions.isEmpty {
            guard functions.allSatisfy({ after.workspace.functions[$0] == nil }) else { return nil }
            return "This exercise asks for the function " + functions.map { "`\($0)`" }.joined(separator: ", ") + "; it is not defined yet."
        }
        guard cell.metadata["try"] == nil, !targets.isEmpty else { return nil }
        let missing = targets.filter { after[$0] == nil }
        let unchanged = targets.filter { isUnchanged($0, after) }
        guard missing.count + unchanged.count == targets.count else { return nil }
        var parts: [String] = []
        if !missing.isEmpty { parts.append(Self.list(missing) + (missing.count == 1 ? " is not assigned yet" : " are not assigned yet")) }
        if !unchanged.isEmpty { parts.append(Self.list(unchanged) + (unchanged.count == 1 ? " still has its value from before this exercise" : " still have their values from before this exercise")) }
        return "This exercise asks for " + Self.list(targets) + ": " + parts.joined(separator: "; ") + "."
    }

    /// A variable of a plain exercise that still holds its value from before the exercise.
    private func isUnchanged(_ name: String, _ after: Snapshot) -> Bool {
        guard cell.metadata["try"] == nil, let mine = after[name], let before = start[name] else { return false }
        return AnswerComparison.equal(before, mine)
    }

    private static func list(_ names: [String]) -> String { names.map { "`\($0)`" }.joined(separator: ", ") }

    var nextHint: String? { hintsShown < cell.hints.count ? cell.hints[hintsShown] : nil }
}
