import NNLMatrix

/// Element-wise chains evaluated in one pass: `dZ1 = W2' * dZ2 .* (1 - A1.^2)` makes its product,
/// then one result, instead of three full-size temporaries and three trips through the evaluator.
///
/// Which nodes form a chain is decided once per expression, on its first evaluation, and kept on
/// the node (`Expr.fusion`). A chain is a tree of at least two of `+ - .* ./ .^` whose leaves are
/// any other expressions. Whether an operator joins the pass is decided per evaluation from its
/// operands' values: both real matrices of one shape or scalars (and for `.^` a literal scalar 2).
/// Anything else — broadcasting a column, text, a power with warnings, a shape error — runs the
/// ordinary `binary` on that operator, after its operands, so values, warnings and messages are
/// those of unfused evaluation; the chain's results are bit-identical too (`ElementwiseChain`).
final class FusedChain {
    /// A node of the chain: a leaf evaluated as usual, or an operator over two nodes whose postfix
    /// steps are `steps` of the chain's program.
    indirect enum Node {
        case leaf(Expr)
        case operation(BinaryOperator, BinaryOp, Node, Node, Expr, steps: Range<Int>)
    }

    let root: Node
    /// The whole tree in postfix; leaf i is operand i, in evaluation order.
    let program: [ElementwiseChain.Step]

    private init(root: Node, program: [ElementwiseChain.Step]) { (self.root, self.program) = (root, program) }

    /// The chain rooted at `e`, or nil when `e` has fewer than two element-wise operators.
    static func make(_ e: Expr) -> FusedChain? {
        var program: [ElementwiseChain.Step] = [], leaves = 0
        func build(_ e: Expr) -> Node {
            guard case .binary(let op, let left, let right, _) = e.kind, let kernelOp = fusable(op) else {
                program.append(.operand(leaves))
                leaves += 1
                return .leaf(e)
            }
            let start = program.count
            let (l, r) = (build(left), build(right))
            program.append(.operation(kernelOp))
            return .operation(op, kernelOp, l, r, e, steps: start..<program.count)
        }
        let root = build(e)
        return program.count - leaves >= 2 ? FusedChain(root: root, program: program) : nil
    }

    private static func fusable(_ op: BinaryOperator) -> BinaryOp? {
        switch op {
        case .add: .add
        case .subtract: .subtract
        case .elementMultiply: .multiply
        case .elementDivide: .divide
        case .elementPower: .power
        default: nil
        }
    }
}

/// What `Expr.fusion` holds: not yet looked at, no chain here, or the chain.
enum FusionDecision {
    case undecided, none
    case chain(FusedChain)
}

extension Interpreter {
    /// `e`'s value through its chain, or nil when `e` roots none (decided on the first call).
    func evalFused(_ e: Expr, _ frame: Frame) throws(Diagnostic) -> Value? {
        if case .undecided = e.fusion { e.fusion = FusedChain.make(e).map { .chain($0) } ?? .none }
        guard case .chain(let chain) = e.fusion else { return nil }
        var operands: [Matrix] = []
        let result = try materialize(evalChain(chain.root, chain, &operands, frame), chain, operands)
        if case .operation(_, _, _, _, let root, _) = chain.root, case .binary(_, _, _, let opRange) = root.kind {
            try pollAfterKernel(at: opRange)
        }
        return result
    }

    /// A node's value so far: a leaf's, an operator's made apart from the pass (its ancestors
    /// cannot join it: their steps would read its leaves), or one to make by steps over rows×cols.
    private enum Partial {
        case value(Value)
        case made(Value)
        case deferred(rows: Int, cols: Int, steps: Range<Int>, at: SourceRange)
    }

    private func evalChain(_ node: FusedChain.Node, _ chain: FusedChain, _ operands: inout [Matrix],
                           _ frame: Frame) throws(Diagnostic) -> Partial {
        switch node {
        case .leaf(let e):
            let v = try eval(e, frame)
            if case .matrix(let m) = v { operands.append(m) } else { operands.append(Matrix(scalar: 0)) }  // never read
            return .value(v)
        case .operation(let op, let kernelOp, let leftNode, let rightNode, let e, let steps):
            guard case .binary(_, let left, let right, let opRange) = e.kind else { preconditionFailure("chain node is not a binary") }
            let a = try evalChain(leftNode, chain, &operands, frame)
            let b = try evalChain(rightNode, chain, &operands, frame)
            if let shape = joinedShape(a, b, kernelOp) { return .deferred(rows: shape.rows, cols: shape.cols, steps: steps, at: opRange) }
            let x = try materialize(a, chain, operands), y = try materialize(b, chain, operands)
            let result = try binary(op, x, y, left: left, right: right, at: opRange)
            try pollAfterKernel(at: opRange)
            return .made(result)
        }
    }

    /// The shape of a op b when the operator can join the pass, else nil.
    private func joinedShape(_ a: Partial, _ b: Partial, _ op: BinaryOp) -> (rows: Int, cols: Int)? {
        guard let x = shape(a), let y = shape(b) else { return nil }
        if op == .power {  // only x.^2: other exponents may warn (`checkPowerDomain`)
            guard case .value(.matrix(let m)) = b, m.isScalar, m.scalar == 2 else { return nil }
        }
        if x == y { return x }
        if y == (1, 1) { return x }
        if x == (1, 1) { return y }
        return nil
    }

    private func shape(_ p: Partial) -> (rows: Int, cols: Int)? {
        switch p {
        case .value(.matrix(let m)): (m.rows, m.cols)
        case .value, .made: nil
        case .deferred(let rows, let cols, _, _): (rows, cols)
        }
    }

    private func materialize(_ p: Partial, _ chain: FusedChain, _ operands: [Matrix]) throws(Diagnostic) -> Value {
        switch p {
        case .value(let v), .made(let v):
            return v
        case .deferred(let rows, let cols, let steps, let range):
            return .matrix(try kernel(range) { () throws(AllocationRefused) in
                try ElementwiseChain.evaluate(chain.program[steps], operands, rows: rows, cols: cols)
            })
        }
    }
}
