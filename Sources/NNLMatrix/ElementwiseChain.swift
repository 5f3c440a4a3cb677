import KernelInterface

/// An element-wise expression over same-shaped matrices and scalars (`W2' * dZ2 .* (1 - A1.^2)`
/// once the product is made), evaluated in one pass: block by block, every step's kernel runs on
/// a block of the result held in a small scratch buffer, so the chain allocates its result and no
/// full-size temporaries. Each element gets the same kernels in the same order as evaluating the
/// operators one at a time (`formElementwise`), so the results are bit-identical.
public struct ElementwiseChain {
    /// Postfix: an operand pushes operands[index]; an operation pops b, then a, and pushes a op b.
    public enum Step: Sendable {
        case operand(Int)
        case operation(BinaryOp)
    }

    /// Elements per block: a few blocks of scratch stay in L1.
    static let blockSize = 256

    /// Evaluates `steps` (a whole postfix expression) over `operands`, each rows×cols or 1×1.
    public static func evaluate(_ steps: ArraySlice<Step>, _ operands: [Matrix], rows: Int, cols: Int) throws(AllocationRefused) -> Matrix {
        try evaluate(steps, operands, rows: rows, cols: cols, kernels: Kernels.active)
    }

    /// `evaluate` with a given level's kernels (the tests run every level).
    static func evaluate(_ steps: ArraySlice<Step>, _ operands: [Matrix], rows: Int, cols: Int,
                         kernels: any KernelSet.Type) throws(AllocationRefused) -> Matrix {
        let result = try Matrix(uninitializedRows: rows, cols: cols)
        let depth = stackDepth(steps)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: depth * blockSize) { scratch in
            var stack = [Walk]()
            stack.reserveCapacity(depth)
            var start = 0
            while start < result.count {
                let length = min(blockSize, result.count - start)
                for step in steps {
                    switch step {
                    case .operand(let i):
                        let m = operands[i]
                        stack.append(Walk(base: m.storage.pointer + (m.isScalar ? 0 : start), step: m.isScalar ? 0 : 1, runStep: 0))
                    case .operation(let op):
                        let b = stack.removeLast(), a = stack.removeLast()
                        let out = scratch.baseAddress! + stack.count * blockSize
                        let layout = RunLayout(length: length, runs: 1)
                        // `formElementwise`'s rule: x.^2 is x·x when the exponent is a scalar 2.
                        if op == .power && b.step == 0 && b.base[0] == 2 { kernels.binary(.multiply, layout, a, a, out) }
                        else { kernels.binary(op, layout, a, b, out) }
                        stack.append(Walk(base: out, step: 1, runStep: 0))
                    }
                }
                let top = stack.removeLast()
                (result.storage.pointer + start).update(from: top.base, count: length)
                start += length
            }
        }
        return result
    }

    /// The most values on the stack at once.
    static func stackDepth(_ steps: ArraySlice<Step>) -> Int {
        var height = 0, most = 0
        for step in steps {
            if case .operand = step { height += 1 } else { height -= 1 }
            most = max(most, height)
        }
        return most
    }
}
