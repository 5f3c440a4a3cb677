/// Mutation testing's own operators, beside the repair engine's edits (`EditEnumerator`): the
/// ones PIT and mutmut apply that a repair never needs, a comparison's boundary or direction
/// (`>` ↔ `>=`, `>` ↔ `<`, `==` ↔ `~=`) and a call made as a statement removed (`seed(2);`),
/// and constant pinning: a parameter fixed at a value the tests pass for it. Each is a
/// `RepairEdit` of the program's own text, as the engine's are. `nnl grade --check-tests`
/// applies them to a solution and runs the tests on each result.
public enum MutationEdits {
    /// Comparison swaps and removed call statements, everywhere in `text`. Text that does not
    /// parse has none.
    public static func edits(of text: String) -> [RepairEdit] {
        withExtendedLifetime(SourceFile(name: "", text: text)) { file in
            guard let statements = try? Parser.parse(file) else { return [] }
            var edits: [RepairEdit] = []
            forEachStatement(statements) { s in
                if case .expression(let e, _) = s.kind, case .call = e.kind, let removed = removal(of: e, in: file) {
                    edits.append(removed)
                }
                forEachExpression(in: s) { e in edits += comparisonSwaps(e) }
            }
            return edits
        }
    }

    /// A parameter pinned: `name = value; ` put before the first statement of the body, so the
    /// function ignores what its caller passed.
    public static func pin(_ parameter: String, to literal: String, in function: FunctionOutline) -> RepairEdit? {
        guard function.parameters.contains(parameter), let body = function.bodyStart else { return nil }
        return RepairEdit(.nameToLiteral(name: parameter, literal: literal), line: body.line, column: body.column,
                          length: 0, original: "", replacement: "\(parameter) = \(literal); ")
    }

    /// The functions `text` defines, in order; none when it does not parse.
    public static func functions(in text: String) -> [FunctionOutline] {
        withExtendedLifetime(SourceFile(name: "", text: text)) { file in
            guard let statements = try? Parser.parse(file) else { return [] }
            return statements.compactMap { s in
                guard case .function(let f) = s.kind else { return nil }
                return FunctionOutline(f)
            }
        }
    }

    /// For each function of `names` that `text` calls, the literal arguments of each call: the
    /// text of each number (`1.2`, `-1`) or `true`/`false` passed by position, nil for anything
    /// else. The values a test passes, for pinning.
    public static func literalArguments(calling names: Set<String>, in text: String) -> [String: [[String?]]] {
        withExtendedLifetime(SourceFile(name: "", text: text)) { file in
            guard let statements = try? Parser.parse(file) else { return [:] }
            var calls: [String: [[String?]]] = [:]
            forEachStatement(statements) { s in
                forEachExpression(in: s) { e in
                    guard case .call(let callee, let args) = e.kind, case .name(let id) = callee.kind,
                          names.contains(id.name) else { return }
                    calls[id.name, default: []].append(args.map { $0.keyword == nil ? literalText($0.value) : nil })
                }
            }
            return calls
        }
    }

    // MARK: - Operators

    static let comparisonPartners: [BinaryOperator: [String]] = [
        .greater: [">=", "<"], .greaterEqual: [">", "<="], .less: ["<=", ">"], .lessEqual: ["<", ">="],
        .equal: ["~="], .notEqual: ["=="],
    ]

    private static func comparisonSwaps(_ e: Expr) -> [RepairEdit] {
        guard case .binary(let op, _, _, let opRange) = e.kind, let partners = comparisonPartners[op],
              let text = opRange.text else { return [] }
        return partners.map {
            RepairEdit(.swapOperator(from: text, to: $0), line: opRange.line, column: opRange.column,
                       length: text.count, original: text, replacement: $0)
        }
    }

    /// The call and its `;`, replaced by nothing.
    private static func removal(of call: Expr, in file: SourceFile) -> RepairEdit? {
        guard let text = call.range.text, let line = file.line(call.range.line) else { return nil }
        let after = line.dropFirst(call.range.column - 1 + text.count)
        let removed = after.first == ";" ? text + ";" : text
        return RepairEdit(.dropTerm(term: removed), line: call.range.line, column: call.range.column,
                          length: removed.count, original: removed, replacement: "")
    }

    private static func literalText(_ e: Expr) -> String? {
        switch e.kind {
        case .number: return e.range.text
        case .unary(.negate, let inner): if case .number = inner.kind { return e.range.text } else { return nil }
        case .name(let id): return ["true", "false"].contains(id.name) ? id.name : nil
        default: return nil
        }
    }

    // MARK: - Walking the tree

    private static func forEachStatement(_ statements: [Stmt], _ body: (Stmt) -> Void) {
        for s in statements {
            body(s)
            switch s.kind {
            case .ifChain(let branches, let otherwise):
                for b in branches { forEachStatement(b.body, body) }
                forEachStatement(otherwise ?? [], body)
            case .switchChain(_, let cases, let otherwise):
                for c in cases { forEachStatement(c.body, body) }
                forEachStatement(otherwise ?? [], body)
            case .forLoop(_, _, let inner), .whileLoop(_, let inner): forEachStatement(inner, body)
            case .function(let f): forEachStatement(f.body, body)
            case .expression, .assign, .multiAssign, .breakLoop, .continueLoop, .returnFromFunction: break
            }
        }
    }

    /// The expressions a statement holds itself (not those of the blocks inside it), and theirs.
    private static func forEachExpression(in s: Stmt, _ body: (Expr) -> Void) {
        switch s.kind {
        case .expression(let e, _), .assign(_, let e, _), .multiAssign(_, let e, _), .whileLoop(let e, _),
             .forLoop(_, let e, _):
            visit(e, body)
        case .ifChain(let branches, _):
            for b in branches { visit(b.condition, body) }
        case .switchChain(let subject, _, _):
            visit(subject, body)
        case .function, .breakLoop, .continueLoop, .returnFromFunction: break
        }
    }

    private static func visit(_ e: Expr, _ body: (Expr) -> Void) {
        body(e)
        switch e.kind {
        case .binary(_, let a, let b, _), .shortCircuit(_, let a, let b): visit(a, body); visit(b, body)
        case .unary(_, let a), .transpose(let a), .field(let a, _): visit(a, body)
        case .dynamicField(let a, let name): visit(a, body); visit(name, body)
        case .variadicArgument(let args): for a in args { visit(a.value, body) }
        case .range(let start, let step, let stop):
            visit(start, body)
            if let step { visit(step, body) }
            visit(stop, body)
        case .call(let callee, let args):
            visit(callee, body)
            for a in args { visit(a.value, body) }
        case .matrix(let rows): for row in rows { for x in row { visit(x, body) } }
        case .number, .string, .name, .qualifiedName, .colon, .end, .anonymousFunction, .functionHandle: break
        }
    }
}

/// Where a function stands in its file: what mutation testing needs to name, pin and replace it.
public struct FunctionOutline: Sendable, Equatable {
    public let name: String
    public let parameters: [String]
    public let outputs: [String]
    /// The lines from `function` to `end`.
    public let lines: ClosedRange<Int>
    /// Where the body's first statement starts; nil for an empty body.
    public let bodyStart: Position?
    /// The definition as typed, `function` to `end`.
    public let text: String

    public struct Position: Sendable, Equatable {
        public let line: Int
        public let column: Int
    }

    init(_ f: FunctionDecl) {
        name = f.name
        parameters = f.parameters.map(\.name)
        outputs = f.outputs.map(\.name)
        let count = f.sourceText.split(separator: "\n", omittingEmptySubsequences: false).count
        lines = f.range.line...(f.range.line + count - 1)
        bodyStart = f.body.first.map { Position(line: $0.range.line, column: $0.range.column) }
        text = f.sourceText
    }
}
