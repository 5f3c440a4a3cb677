import NNL
import NNLMatrix

/// An exercise being answered: what its hidden solution leaves in the shadow workspace,
/// and which of those variables an answer is compared on.
///
/// An answer may take several inputs ("compute `z1` and `a1`" on two lines): it is judged once
/// everything the exercise waits for is set (`awaited`, or the functions), or on `:check`.
///
/// An exercise that asks for a function names a call in `%@ try: p = f(2, 4, 1)`: the call
/// runs after the solution and after each answer, and what it assigns is compared by value.
struct Exercise {
    var cell: Cell
    /// The state before the solution; answers start from it.
    var start: Snapshot
    /// The learner's workspace when the exercise began: what a wrong part of an answer goes back to.
    var learnerStart: Snapshot
    /// The state after the solution.
    var solved: Snapshot
    /// What the solution printed, shown when the learner skips.
    var solutionOutput: String
    /// Variables the solution assigns (or the cell's `%@ expect: A, B`), minus `ans`.
    var targets: [String]
    /// The variables an answer must set before it is judged: the targets, or under
    /// `%@ expect: none` those the solution assigns and the checks look at.
    var awaited: [String]
    /// The state after the solution and the `%@ try:` call; `solved` without one.
    var expected: Snapshot
    /// Functions the solution defines: the answer is judged once they are all defined.
    var functions: [String]
    /// Variables a solution with a loop computes: a written-out value typed for one of them
    /// (`x_left = -2;`) is where the learner's answer starts, not the answer. Without a loop a
    /// written-out value is an answer (`alpha_best = 0.5`, or a guess `dW2 = [1 2]`).
    var computed: Set<String>
    /// The start values the learner typed: a wrong answer goes back to these, not further.
    var startValues: [String: Value] = [:]
    var hintsShown = 0
    /// Of `hintsShown`, those passed over unsaid because they repeat the answer typed.
    var hintsSkipped = 0
    /// The inputs of the answer being typed, and the learner's state before the first of them:
    /// what a wrong answer's diagnosis edits (`RepairDiagnosis`).
    var attempt: (start: Snapshot, inputs: [String])?
    /// The last "still to do" note, so the same one is not said after every line.
    var lastNote: String?

    init(cell: Cell, start: Snapshot, learner: Snapshot, runner: CodeRunner, file: String) {
        self.cell = cell
        self.start = start
        learnerStart = learner
        var printed = ""
        (solved, _) = runner.run(cell.solution.source(named: file), from: start, output: { printed += $0 })
        solutionOutput = printed
        expected = Self.probe(cell, solved, runner: runner, file: file).state
        targets = Self.targets(of: cell, start: start, solved: solved, expected: expected)
        functions = solved.workspace.functions.keys.filter { start.workspace.functions[$0] == nil }.sorted()
        let solution = try? runner.session.parse(cell.solution.source(named: file))
        computed = solution.map { $0.hasLoop ? $0.computedNames : [] } ?? []
        awaited = cell.metadata["try"] != nil ? []
            : cell.metadata["expect"] == "none" ? Self.changed(from: start, to: solved).filter(Self.names(in: cell.checks).contains)
            : targets
    }

    /// The names a block of code mentions (the variables `%@ expect: none` checks look at).
    static func names(in code: CodeBlock) -> Set<String> { names(in: code.text) }

    static func names(in text: String) -> Set<String> {
        Set(text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
    }

    /// The cell's `%@ expect: A, B`, or else every variable the solution (and its `%@ try:`
    /// call) changes except `ans`. `%@ expect: none` leaves the checks alone to judge.
    static func targets(of cell: Cell, start: Snapshot, solved: Snapshot, expected: Snapshot) -> [String] {
        if let listed = cell.metadata["expect"] {
            if listed == "none" { return [] }
            return listed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return changed(from: cell.metadata["try"] == nil ? start : solved, to: expected)
    }

    /// The variables `after` holds with another value than `before`, except `ans`.
    static func changed(from before: Snapshot, to after: Snapshot) -> [String] {
        after.workspace.variableNames.filter { name in
            name != "ans" && !(before[name].map { AnswerComparison.equal(after[name]!, $0) } ?? false)
        }
    }

    /// Runs the cell's `%@ try:` call on `state` (nothing to run: `state` as it is).
    static func probe(_ cell: Cell, _ state: Snapshot, runner: CodeRunner, file: String) -> (state: Snapshot, failure: RunError?) {
        guard let call = cell.metadata["try"] else { return (state, nil) }
        return runner.run(SourceFile(name: "\(file): %@ try", text: call), from: state)
    }

    enum Verdict {
        case correct(Snapshot)
        /// The reasons, and the targets (or functions) found wrong: those go back, the rest stays.
        case wrong([String], parts: [String])
        /// Ctrl-C (or the time limit) stopped the `%@ try:` call: no verdict, nothing undone.
        case stopped(RunError)
    }

    /// Judges an answer's resulting state: by value first, then by the cell's checks.
    /// `diagnose`: look for the edit of the answer that makes it right (`check-lessons` judging
    /// mutants does not).
    func judge(_ after: Snapshot, runner: CodeRunner, file: String, diagnose: Bool = true) -> Verdict {
        let (tried, failure) = Self.probe(cell, after, runner: runner, file: file)
        if let failure, failure.kind == .interrupted || failure.kind == .timeLimit { return .stopped(failure) }
        if let failure, let call = cell.metadata["try"] {
            return .wrong(["`\(call)` fails with your code: \(failure.message)"], parts: functions)
        }
        var wrong: [String] = []
        let mismatches = targets.compactMap { name -> Mismatch? in
            let mismatch = isUnchanged(name, after) ? .unchanged(name: name)
                : AnswerComparison.compare(name, expected: expected[name] ?? .matrix(.empty()), got: tried[name], context: tried.workspace)
            if mismatch != nil { wrong.append(name) }
            return mismatch
        }
        if !mismatches.isEmpty {
            let call = cell.metadata["try"].map { "With `\($0)`: " } ?? ""
            let parts = cell.metadata["try"] == nil ? wrong : functions
            if diagnose, let found = diagnosis(of: wrong) {
                return .wrong(["\(call)\(Self.list(wrong)) \(wrong.count == 1 ? "is" : "are") not right: \(found)"], parts: parts)
            }
            return .wrong(mismatches.map { call + $0.message }, parts: parts)
        }
        let failed = runner.runChecks(cell.checks, file: file, on: after).filter { !$0.passed }
        if !failed.isEmpty { return .wrong(failed.map { failedCheck($0, after) }, parts: functions + awaited) }
        return .correct(after)
    }

    /// The verified edit of the answer typed that gives the expected values of `wrong`.
    private func diagnosis(of wrong: [String]) -> String? {
        guard let attempt, !attempt.inputs.isEmpty else { return nil }
        return RepairDiagnosis(answer: attempt.inputs.joined(separator: "\n"), start: attempt.start,
                               probe: cell.metadata["try"], expected: expected, names: wrong).explain()
    }

    /// An input of the answer ran: kept for the diagnosis.
    mutating func record(_ input: String, from state: Snapshot) {
        if attempt == nil { attempt = (state, []) }
        attempt?.inputs.append(input)
    }

    /// Hints whose code says no more than statements the learner typed are passed over.
    mutating func skipHintsRepeatingAnswer() {
        let typed = Set((attempt?.inputs ?? []).flatMap(Self.statements))
        while let hint = nextHint, Self.codeSpans(of: hint).contains(where: { span in
            let said = Self.statements(span)
            return !said.isEmpty && said.allSatisfy(typed.contains)
        }) {
            hintsShown += 1
            hintsSkipped += 1
        }
    }

    /// Code's statements, spaces left out, to compare what was typed with what a hint says.
    private static func statements(_ code: String) -> [String] {
        code.split(whereSeparator: { $0 == ";" || $0 == "\n" || $0 == "," })
            .map { String($0.filter { !$0.isWhitespace }) }.filter { !$0.isEmpty }
    }

    /// A hint's code: the whole hint when it is code, else its backticked spans.
    private static func codeSpans(of hint: String) -> [String] {
        if Cell.isCode(hint: hint) { return hint.split(separator: "\n").map(String.init) }
        return hint.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { !$0.offset.isMultiple(of: 2) }.map { String($0.element) }
    }

    /// A failed check as what was expected and what the answer gives: "expected: the unit
    /// computes OR: [0 1 1 1]; yours gives [0 0 0 1]".
    func failedCheck(_ check: CheckRecord, _ state: Snapshot) -> String {
        let expected = "expected: " + check.message
        if let comparison = check.comparison { return expected + "; yours gives " + Self.summary(comparison.found) }
        let mentioned = Self.names(in: check.range.text ?? "")
        let shown = (awaited + targets).filter(mentioned.contains).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            .compactMap { name in state[name].map { "`\(name)` is " + Self.summary($0) } }
        return shown.isEmpty ? expected : expected + "; your " + shown.joined(separator: ", ")
    }

    /// A value in a few characters, a comparison's 0s and 1s as the check message writes them.
    private static func summary(_ value: Value) -> String {
        guard case .matrix(var m) = value, m.isLogical else { return valueSummary(value) }
        m.isLogical = false
        return valueSummary(.matrix(m))
    }

    /// The variables `code` sets to a start value, when all it does is set variables to
    /// written-out values (`x_left = -2; alpha = 0.01;`): those the solution computes. Nil otherwise.
    func startValues(in code: String, runner: CodeRunner) -> [String]? {
        let names = (try? runner.session.parse(SourceFile(name: "<answer>", text: code)))?.startValues?
            .filter { awaited.contains($0) && computed.contains($0) }
        return names?.isEmpty == false ? names : nil
    }

    // MARK: - An answer in several inputs

    /// What an answer typed so far has set, and what it still lacks.
    struct Progress {
        var set: [String] = []
        var missing: [String] = []
        var unchanged: [String] = []
        /// Filled with zeros where the answer is not: room made (`A = zeros(1, m)`), not yet filled.
        var zeros: [String] = []
        var isComplete: Bool { missing.isEmpty && unchanged.isEmpty && zeros.isEmpty }
    }

    func progress(of state: Snapshot) -> Progress {
        var p = Progress()
        for name in functions {
            let mine = state.workspace.functions[name]
            if mine == nil || mine === learnerStart.workspace.functions[name] { p.missing.append(name) } else { p.set.append(name) }
        }
        for name in awaited {
            if state[name] == nil { p.missing.append(name) }
            else if isUnchanged(name, state) { p.unchanged.append(name) }
            else if isRoomMade(name, state) { p.zeros.append(name) }
            else { p.set.append(name) }
        }
        return p
    }

    /// What to say while the answer is not complete: "`z1` set; `a1` still to do — `:check` judges now."
    func note(_ p: Progress) -> String {
        if p.set.isEmpty && !functions.isEmpty {
            return "This exercise asks for the function " + Self.list(functions) + "; it is not defined yet."
        }
        var open: [String] = []
        if !p.missing.isEmpty { open.append(Self.list(p.missing) + (p.set.isEmpty ? Self.be(p.missing) + " not assigned yet" : " still to do")) }
        if !p.unchanged.isEmpty { open.append(Self.list(p.unchanged) + (p.unchanged.count == 1 ? " still has its value" : " still have their values") + " from before this exercise") }
        if !p.zeros.isEmpty { open.append(Self.list(p.zeros) + Self.be(p.zeros) + " still all zeros") }
        if p.set.isEmpty { return "This exercise asks for " + Self.list(awaited) + ": " + open.joined(separator: "; ") + "." }
        return Self.list(p.set) + " set; " + open.joined(separator: "; ") + " — `:check` judges now."
    }

    /// A variable of a plain exercise that still holds its value from before the exercise.
    private func isUnchanged(_ name: String, _ after: Snapshot) -> Bool {
        guard cell.metadata["try"] == nil, let mine = after[name], let before = learnerStart[name] else { return false }
        return AnswerComparison.equal(before, mine)
    }

    /// All zeros, in the right shape, where the solution's values are not all zeros.
    private func isRoomMade(_ name: String, _ state: Snapshot) -> Bool {
        guard case .matrix(let mine)? = state[name], case .matrix(let theirs)? = expected[name],
              mine.rows == theirs.rows, mine.cols == theirs.cols, mine.count > 0 else { return false }
        return (0..<mine.count).allSatisfy { mine[$0] == 0 } && !(0..<theirs.count).allSatisfy { theirs[$0] == 0 }
    }

    private static func be(_ names: [String]) -> String { names.count == 1 ? " is" : " are" }

    static func list(_ names: [String]) -> String { names.map { "`\($0)`" }.joined(separator: ", ") }

    var nextHint: String? { hintsShown < cell.hints.count ? cell.hints[hintsShown] : nil }
}
