import NNL

/// A wrong answer explained by the edit of the learner's own statements that makes it right,
/// found by the repair engine (`RepairSearch`) and so verified before it is said:
/// "with A1 in place of Z1 your answer is right: `A2 = sigmoid(W2*A1 + b2)`".
struct RepairDiagnosis {
    /// The answer's statements, as typed, in order.
    var answer: String
    /// The learner's state before the answer.
    var start: Snapshot
    /// A call run after the answer (`%@ try:`), whose results are compared.
    var probe: String?
    /// The values a right answer leaves, by name.
    var expected: Snapshot
    /// The names found wrong.
    var names: [String]

    /// The first edit (single, else a pair) that gives the expected values, said in the
    /// learner's terms; nil when none does within the budget.
    func explain(budget: Double = MistakeFinder.budget) -> String? {
        let answerLines = answer.split(separator: "\n", omittingEmptySubsequences: false).count
        let text = answer + (probe.map { "\n" + $0 } ?? "")
        var search = RepairSearch(enumerator: EditEnumerator(workspace: start.workspace),
                                  sandbox: RepairSandbox(workspace: start.workspace, rng: start.rng),
                                  budget: budget, limit: 1)
        search.editable = { $0.line <= answerLines }
        // numpy's reduction without keepdims gives a row: keeping the column is the fix to name,
        // not the transpose that also gives the values.
        search.rank = { if case .addKeepdims = $0 { 0 } else { 1 } }
        let outcome = search.search(text) { workspace in
            names.allSatisfy { name in
                guard let want = expected[name], let got = workspace[name] else { return false }
                return AnswerComparison.equal(want, got)
            }
        }
        // Two substitutions of names for what was written can make almost any loop come out
        // (`x100 = x100`, then `for k = 1:alpha` with an `alpha` left from an earlier cell):
        // verified, but no explanation. At most one of a pair's edits may be such a substitution.
        guard let fix = outcome.fixes.first, fix.edits.filter(Self.substitutesAName).count <= 1 else { return nil }
        let said = fix.edits.map(Self.phrase).joined(separator: ", and ")
        guard fix.edits.allSatisfy(Self.showsStatement) else { return said + "." }
        let fixed = changedLines(fix.text, limit: answerLines)
        return said + (fixed.isEmpty ? "." : ": `\(fixed.joined(separator: "`, `"))`")
    }

    private static func substitutesAName(_ edit: RepairEdit) -> Bool {
        switch edit.kind {
        case .replaceName, .literalToName, .nameToLiteral: true
        default: false
        }
    }

    /// The lines of the fixed text that differ from the answer's.
    private func changedLines(_ fixed: String, limit: Int) -> [String] {
        let before = answer.split(separator: "\n", omittingEmptySubsequences: false)
        let after = fixed.split(separator: "\n", omittingEmptySubsequences: false)
        return zip(before, after.prefix(limit)).filter { $0 != $1 }.map { String($1).trimmingCharacters(in: .whitespaces) }
    }

    /// A factor or a sign is said as what the learner's value is; the rest show the fixed line.
    private static func showsStatement(_ edit: RepairEdit) -> Bool {
        switch edit.kind {
        case .scale, .negate: false
        default: true
        }
    }

    static func phrase(_ edit: RepairEdit) -> String {
        switch edit.kind {
        case .addTranspose(let operand): "\(operand) should be transposed"
        case .removeTranspose(let operand): "\(operand) should not be transposed"
        case .swapOperator(let from, let to): "`\(to)` in place of `\(from)` makes it right"
        case .swapOperands: "the product's operands go the other way round"
        case .replaceName(let from, let to): "with \(to) in place of \(from) your answer is right"
        case .scale(let by, _): "yours is exactly \(yours(timesFix: by)) the expected value"
        case .negate: "yours is the negative of the expected value"
        case .changeAxis(let function): "\(function) should run along the other axis"
        case .addKeepdims(let function): "\(function) needs `keepdims=True` to keep a column"
        case .moveIntoCall(let term, let function): "\(term) belongs inside \(function)"
        case .moveOutOfCall(let term, let function): "\(term) belongs outside \(function)"
        case .dropTerm(let term): "without `\(term)` your answer is right"
        case .addTerm(let term): "`+ \(term)` is missing"
        case .literalToName(let literal, let name): "with \(name) in place of \(literal) your answer is right"
        case .nameToLiteral(let name, let literal): "with \(literal) in place of \(name) your answer is right"
        case .replaceLiteral(let from, let to): "with \(to) in place of \(from) your answer is right"
        case .shiftRange(let to): "the range should be \(to)"
        case .indexFromOne: "nnl counts from 1"
        case .respell(let to): "write `\(to)`"
        }
    }

    /// The fix multiplies by `by`, so the learner's value is its inverse times the expected one.
    private static func yours(timesFix by: String) -> String {
        switch by {
        case "2": "half of"
        case "1/2": "twice"
        case "10": "1/10 of"
        case "1/10": "10 times"
        case "100": "1/100 of"
        case "1/100": "100 times"
        case "m": "1/m of"
        case "1/m": "m times"
        default: "1/\(by) of"
        }
    }
}
