import Foundation

/// One walk over a parsed text, collecting `EditEnumerator`'s edits node by node.
struct EditWalk {
    let enumerator: EditEnumerator
    /// Transposes are spelled `.T` in text that already speaks numpy.
    let numpyStyle: Bool
    /// Variable names visible where the walk stands (a function body adds its own).
    var scope: Set<String>
    /// Each loop variable with its bound, in the loops being walked (`for i = 1:n`: i ↔ n).
    var loops: [(variable: String, bound: String)] = []
    var edits: [RepairEdit] = []

    private var families: EditEnumerator.Families { enumerator.families }

    init(enumerator: EditEnumerator, numpyStyle: Bool, scope: Set<String>) {
        self.enumerator = enumerator
        self.numpyStyle = numpyStyle
        self.scope = scope
    }

    // MARK: - Statements

    mutating func visit(_ statements: [Stmt]) {
        for s in statements { visit(s) }
    }

    private mutating func visit(_ s: Stmt) {
        switch s.kind {
        case .expression(let e, _), .assign(_, let e, _), .multiAssign(_, let e, _):
            visitRightHandSide(e)
            if case .assign(let target, _, _) = s.kind { scope.insert(target.base.name) }
            if case .multiAssign(let targets, _, _) = s.kind { scope.formUnion(targets.compactMap { $0?.base.name }) }
        case .ifChain(let branches, let otherwise):
            for b in branches {
                visit(b.condition, top: true)
                visit(b.body)
            }
            visit(otherwise ?? [])
        case .forLoop(let variable, let sequence, let body):
            scope.insert(variable.name)
            visit(sequence, top: true)
            if case .range(_, _, let stop) = sequence.kind, case .name(let bound) = stop.kind {
                loops.append((variable.name, bound.name))
                visit(body)
                loops.removeLast()
            } else {
                visit(body)
            }
        case .whileLoop(let condition, let body):
            visit(condition, top: true)
            visit(body)
        case .function(let f):
            let outer = scope
            scope.formUnion(f.parameters.map(\.name) + f.outputs.map(\.name))
            visit(f.body)
            scope = outer
        case .breakLoop, .continueLoop, .returnFromFunction:
            break
        }
    }

    /// The edits of a whole right-hand side (a factor, a sign, a missing term), then its nodes'.
    private mutating func visitRightHandSide(_ e: Expr) {
        if families.contains(.factors), let text = e.range.text {
            let atom = atomText(e)
            for (spelling, factor, replacement) in factors(atom) {
                add(.scale(by: spelling, factor: factor), e.range, text, replacement)
            }
            add(.negate, e.range, text, "-" + atom)
        }
        if families.contains(.terms) {
            for name in biasNames(notIn: e) {
                insert(.addTerm(term: name), after: e.range, " + \(name)")
            }
        }
        visit(e, top: true)
    }

    // MARK: - Expressions

    private mutating func visit(_ e: Expr, top: Bool) {
        guard isWhole(e) else { return }
        switch e.kind {
        case .binary(let op, let left, let right, let opRange):
            binaryEdits(e, op, left, right, opRange, top: top)
            visit(left, top: false)
            visit(right, top: false)
        case .unary(_, let operand):
            visit(operand, top: false)
        case .shortCircuit(_, let left, let right):
            visit(left, top: false)
            visit(right, top: false)
        case .transpose(let inner), .field(let inner, "T"):
            if families.contains(.shape) { add(.removeTranspose(operand: inner.range.text ?? ""), e.range, nil, atomText(inner)) }
            visit(inner, top: false)
        case .field(let inner, _):
            visit(inner, top: false)
        case .range(let start, let step, let stop):
            if families.contains(.ranges), step == nil { rangeEdits(e, start, stop) }
            visit(start, top: false)
            if let step { visit(step, top: false) }
            visit(stop, top: false)
        case .call(let callee, let args):
            callEdits(e, callee, args, top: top)
            for a in args { visit(a.value, top: false) }
        case .matrix(let rows):
            for row in rows { for x in row { visit(x, top: false) } }
        case .name(let id):
            nameEdits(e, id.name)
        case .number(let x):
            if families.contains(.literals) { literalEdits(e, x) }
        case .string, .qualifiedName, .colon, .end, .anonymousFunction, .functionHandle:
            break
        }
    }

    private mutating func binaryEdits(_ e: Expr, _ op: BinaryOperator, _ left: Expr, _ right: Expr,
                                      _ opRange: SourceRange, top: Bool) {
        let arithmetic: Set<BinaryOperator> = [.add, .subtract, .matrixMultiply, .elementMultiply, .divide,
                                               .elementDivide, .matmul]
        if families.contains(.shape) {
            if let swapped = Self.operatorPartner[op], let text = opRange.text {
                add(.swapOperator(from: op.rawValue, to: swapped), opRange, text, swapped)
            }
            if op == .matrixMultiply || op == .matmul, let text = e.range.text {
                let spaced = text.contains(" \(op.rawValue) ") ? " \(op.rawValue) " : op.rawValue
                add(.swapOperands, e.range, text, atomText(right) + spaced + atomText(left))
            }
            if arithmetic.contains(op) {
                for operand in [left, right] where transposable(operand) {
                    add(.addTranspose(operand: operand.range.text ?? ""), operand.range, nil, transposed(operand))
                }
            }
        }
        if families.contains(.terms), op == .add || op == .subtract { termEdits(e, op, left, right, top: top) }
    }

    /// `f(a) + t` ↔ `f(a + t)`, and `a + t` → `a` (or `t`).
    private mutating func termEdits(_ e: Expr, _ op: BinaryOperator, _ left: Expr, _ right: Expr, top: Bool) {
        guard let text = e.range.text, let rightText = right.range.text else { return }
        let sign = " \(op.rawValue) "
        add(.dropTerm(term: op.rawValue + " " + rightText), e.range, text, top ? left.range.text : atomText(left))
        if op == .add {
            add(.dropTerm(term: (left.range.text ?? "") + " +"), e.range, text, top ? right.range.text : atomText(right))
        }
        if let (f, argument) = oneArgumentCall(left), let argText = argument.range.text {
            add(.moveIntoCall(term: rightText, function: f), e.range, text, "\(f)(\(argText)\(sign)\(rightText))")
        }
        if op == .add, let (f, argument) = oneArgumentCall(right), let argText = argument.range.text,
           let leftText = left.range.text {
            add(.moveIntoCall(term: leftText, function: f), e.range, text, "\(f)(\(leftText) + \(argText))")
        }
    }

    private mutating func callEdits(_ e: Expr, _ callee: Expr, _ args: [CallArgument], top: Bool) {
        guard let calleeText = callee.range.text, let text = e.range.text else { return }
        if families.contains(.terms), let (f, argument) = oneArgumentCall(e),
           case .binary(let op, let a, let t, _) = argument.kind, op == .add || op == .subtract,
           let aText = a.range.text, let tText = t.range.text {
            let moved = "\(f)(\(aText)) \(op.rawValue) \(tText)"
            add(.moveOutOfCall(term: tText, function: f), e.range, text, top ? moved : "(\(moved))")
        }
        if families.contains(.terms), oneArgumentCall(e) != nil, let argument = args.first?.value {
            for name in biasNames(notIn: e) { insert(.addTerm(term: name), after: argument.range, " + \(name)") }
        }
        guard families.contains(.shape) else { return }
        if case .name(let id) = callee.kind, scope.contains(id.name) {
            for a in args where a.keyword == nil {
                if case .number(0) = a.value.kind, let zero = a.value.range.text {
                    add(.indexFromOne(variable: id.name), a.value.range, zero, "1")
                }
            }
            return
        }
        if ["np.dot", "np.matmul", "np.multiply"].contains(calleeText), args.count == 2,
           args.allSatisfy({ $0.keyword == nil }), let a = args[0].value.range.text, let b = args[1].value.range.text {
            if calleeText != "np.multiply" { add(.swapOperands, e.range, text, "\(calleeText)(\(b), \(a))") }
            for operand in args.map(\.value) where transposable(operand) {
                add(.addTranspose(operand: operand.range.text ?? ""), operand.range, nil, transposed(operand))
            }
        }
        let reductions = ReductionEdits(walk: self).edits(e, calleeText, args)
        edits += reductions
        if reductions.isEmpty, case .name = callee.kind, args.contains(where: { $0.keyword != nil }) {
            // A keyword where the builtin takes the value in its place: `scatter(x, y, c=Y)`.
            let positional = args.map { $0.value.range.text ?? "" }.joined(separator: ", ")
            add(.respell(to: "\(calleeText)(\(positional))"), e.range, text, "\(calleeText)(\(positional))")
        }
    }

    private mutating func nameEdits(_ e: Expr, _ name: String) {
        guard families.contains(.names) || families.contains(.literals), scope.contains(name) else { return }
        if families.contains(.names) {
            var others = scope.filter { EditEnumerator.similar(name, $0) }
            for loop in loops {
                if loop.variable == name { others.insert(loop.bound) }
                if loop.bound == name { others.insert(loop.variable) }
            }
            for other in others.sorted() { add(.replaceName(from: name, to: other), e.range, name, other) }
        }
        if families.contains(.literals), let x = scalar(name) {
            let literal = formatNumberForMessage(x)
            add(.nameToLiteral(name: name, literal: literal), e.range, name, literal)
        }
    }

    /// A literal scaled (2, ½, 10, 1/10 times), and replaced by each variable in scope that holds
    /// another number, or whose value is unknown (a function's parameter: `1.2` → `learning_rate`).
    private mutating func literalEdits(_ e: Expr, _ x: Double) {
        guard let text = e.range.text else { return }
        if x != 0 {
            for k in [2, 0.5, 10, 0.1] {
                let scaled = formatNumberForMessage(x * k)
                add(.replaceLiteral(from: text, to: scaled), e.range, text, scaled)
            }
        }
        for name in scope.sorted() {
            if let v = scalar(name) { guard v != x else { continue } } else if enumerator.value(name) != nil { continue }
            add(.literalToName(literal: text, name: name), e.range, text, name)
        }
    }

    /// `0:n-1` → `1:n` and `1:n` → `0:n-1`.
    private mutating func rangeEdits(_ e: Expr, _ start: Expr, _ stop: Expr) {
        guard let text = e.range.text, case .number(let first) = start.kind else { return }
        if first == 0, case .binary(.subtract, let bound, let one, _) = stop.kind, case .number(1) = one.kind,
           let boundText = bound.range.text {
            add(.shiftRange(to: "1:\(boundText)"), e.range, text, "1:\(boundText)")
        } else if first == 1 {
            let shifted = "0:\(atomText(stop))-1"
            add(.shiftRange(to: shifted), e.range, text, shifted)
        }
    }

    // MARK: - Pieces

    static let operatorPartner: [BinaryOperator: String] = [
        .matrixMultiply: ".*", .elementMultiply: "*", .divide: "./", .elementDivide: "/",
        .matrixPower: ".^", .elementPower: "^",
    ]

    private func factors(_ atom: String) -> [(String, Double, String)] {
        var list: [(String, Double, String)] = [
            ("2", 2, "2*\(atom)"), ("1/2", 0.5, "\(atom)/2"), ("10", 10, "10*\(atom)"),
            ("1/10", 0.1, "\(atom)/10"), ("100", 100, "100*\(atom)"), ("1/100", 0.01, "\(atom)/100"),
        ]
        if let m = scalar("m"), m != 0 { list += [("m", m, "m*\(atom)"), ("1/m", 1 / m, "\(atom)/m")] }
        return list
    }

    /// The biases in scope that `e` does not already use: names that start with `b`, and
    /// column vectors.
    private func biasNames(notIn e: Expr) -> [String] {
        let used = e.range.text ?? ""
        return scope.sorted().filter { name in
            guard !used.contains(name) else { return false }
            if name.hasPrefix("b") { return true }
            if case .matrix(let m)? = enumerator.value(name) { return m.cols == 1 && m.rows > 1 }
            return false
        }
    }

    /// `f(a)` where `f` is a function (not a variable being indexed): its name and argument.
    func oneArgumentCall(_ e: Expr) -> (String, Expr)? {
        guard case .call(let callee, let args) = e.kind, args.count == 1, args[0].keyword == nil,
              let f = callee.range.text else { return nil }
        if case .name(let id) = callee.kind, scope.contains(id.name) { return nil }
        return (f, args[0].value)
    }

    private func scalar(_ name: String) -> Double? {
        if case .matrix(let m)? = enumerator.value(name), m.isScalar { m.scalar } else { nil }
    }

    private func transposable(_ e: Expr) -> Bool {
        switch e.kind {
        case .number, .string, .transpose, .field(_, "T"): false
        default: true
        }
    }

    func transposed(_ e: Expr) -> String {
        atomText(e) + (numpyStyle ? ".T" : "'")
    }

    /// The text of `e`, bracketed unless it is one piece (a name, a call, a literal…).
    func atomText(_ e: Expr) -> String {
        let text = e.range.text ?? ""
        switch e.kind {
        case .binary, .unary, .shortCircuit, .range, .anonymousFunction:
            return text.hasPrefix("(") && text.hasSuffix(")") && balanced(text.dropFirst().dropLast()) ? text : "(\(text))"
        default:
            return text
        }
    }

    private func balanced(_ s: Substring) -> Bool {
        var depth = 0
        for c in s {
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1; if depth < 0 { return false } }
        }
        return depth == 0
    }

    /// Whether `e`'s range holds all of its text: ranges do not reach over line ends, so a node
    /// that spans lines is left alone.
    private func isWhole(_ e: Expr) -> Bool {
        var lastChild: Expr?
        switch e.kind {
        case .binary(_, _, let right, _), .shortCircuit(_, _, let right): lastChild = right
        case .range(_, _, let stop): lastChild = stop
        case .call(_, let args): lastChild = args.last?.value
        case .matrix(let rows): lastChild = rows.last?.last
        default: break
        }
        guard let child = lastChild else { return e.range.text != nil }
        return child.range.line == e.range.line && child.range.column + child.range.length <= e.range.column + e.range.length
    }

    mutating func add(_ kind: RepairEdit.Kind, _ range: SourceRange, _ original: String?, _ replacement: String?) {
        guard let original = original ?? range.text, let replacement, original != replacement else { return }
        edits.append(RepairEdit(kind, line: range.line, column: range.column, length: original.count,
                                original: original, replacement: replacement))
    }

    /// Text inserted right after `range`.
    mutating func insert(_ kind: RepairEdit.Kind, after range: SourceRange, _ text: String) {
        edits.append(RepairEdit(kind, line: range.line, column: range.column + range.length, length: 0,
                                original: "", replacement: text))
    }
}
