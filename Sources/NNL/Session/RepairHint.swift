import NNLMatrix

/// The "did you mean" of an error, tried before it is said: the failing statement's shape edits
/// (`RepairSearch` with `.shape`) run in a sandbox, and only those with which the whole
/// statement runs are named, each with the shape it gives. None: the message's shapes stand alone.
enum RepairHint {
    /// Seconds a hint may take (the user waits for the error).
    static let budget = 0.3

    /// `error` with its hint replaced by the fixes found for the top-level statement it
    /// stopped in, when it asks for one (`Diagnostic.triesFixes`) and there are any.
    static func attach(to error: RunError, in program: Program, session: Session) -> RunError {
        guard error.kind == .runtime, error.diagnostics.count == 1, error.first.triesFixes,
              let range = error.first.range, error.first.trace.isEmpty,
              let statement = failing(at: range, in: program.statements),
              let text = statement.range.text else { return error }
        var search = RepairSearch(enumerator: EditEnumerator(workspace: session.workspace, families: .shape),
                                  sandbox: RepairSandbox(copying: session), budget: budget, limit: 3, pairs: false)
        search.rank = rank
        let fixes = search.search(text) { _ in true }.fixes
        guard !fixes.isEmpty else { return error }
        var repaired = error
        repaired.diagnostics[0].hint = hint(fixes, target: target(of: statement))
        return repaired
    }

    /// "did you mean `z = A*v + b`? (z is 2×1)", or each fix with its shape when there are several.
    static func hint(_ fixes: [RepairSearch.Fix], target: String?) -> String {
        let shaped = fixes.map { fix in ("`\(fix.text)`", shape(target.flatMap { fix.workspace[$0] })) }
        if shaped.count == 1 {
            let (text, shape) = shaped[0]
            return "did you mean \(text)?" + (shape.map { " (\(target ?? "it") is \($0))" } ?? "")
        }
        return "each of these runs: " + shaped.map { text, shape in
            text + (shape.map { " → \($0)" } ?? "")
        }.joined(separator: ", ")
    }

    /// Fixes that keep the operands' meaning come first: a `keepdims` or a transpose too many
    /// before a transpose added.
    private static func rank(_ kind: RepairEdit.Kind) -> Int {
        switch kind {
        case .respell, .indexFromOne, .addKeepdims: 0
        case .removeTranspose: 1
        case .swapOperator, .swapOperands: 2
        case .changeAxis: 3
        default: 4
        }
    }

    private static func shape(_ value: Value?) -> String? {
        if case .matrix(let m)? = value { "\(m.rows)×\(m.cols)" } else { nil }
    }

    /// The variable a statement assigns (`ans` for an expression).
    private static func target(of s: Stmt) -> String? {
        switch s.kind {
        case .assign(let target, _, _): target.path.isEmpty ? target.base.name : nil
        case .expression: "ans"
        default: nil
        }
    }

    /// The simple statement, at top level or in a top-level block (not in a function), that
    /// holds `range`.
    private static func failing(at range: SourceRange, in statements: [Stmt]) -> Stmt? {
        for s in statements {
            switch s.kind {
            case .expression, .assign, .multiAssign:
                if contains(s.range, range) { return s }
            case .ifChain(let branches, let otherwise):
                for b in branches { if let found = failing(at: range, in: b.body) { return found } }
                if let found = failing(at: range, in: otherwise ?? []) { return found }
            case .switchChain(_, let cases, let otherwise):
                for c in cases { if let found = failing(at: range, in: c.body) { return found } }
                if let found = failing(at: range, in: otherwise ?? []) { return found }
            case .forLoop(_, _, let body), .whileLoop(_, let body):
                if let found = failing(at: range, in: body) { return found }
            case .function, .breakLoop, .continueLoop, .returnFromFunction:
                break
            }
        }
        return nil
    }

    private static func contains(_ outer: SourceRange, _ inner: SourceRange) -> Bool {
        outer.file === inner.file && outer.line == inner.line && inner.column >= outer.column
            && inner.column + inner.length <= outer.column + outer.length
    }
}
