import Foundation

extension Matrix {
    /// `a op b` element-wise with broadcasting. The result is written over an operand's storage
    /// when nothing else shares it and it already has the result's shape (`a` first, then `b`),
    /// so `W = W - alpha*dW` and `1 - A.^2` allocate nothing for the outer operation.
    /// Comparisons and and/or give 0/1; `power` is C `pow` (NaN for a negative base and a
    /// non-integer exponent, like numpy) except that `x.^2` is `x*x`, as numpy computes `x**2`
    /// (exact, and a multiply instead of a `pow` call); division follows IEEE (±Inf, NaN);
    /// maximum/minimum return the other operand when one is NaN (Octave's max(a, b)).
    public static func elementwise(_ op: BinaryOp, _ a: consuming Matrix, _ b: consuming Matrix) throws(MatrixError) -> Matrix {
        var result = a
        try formElementwise(op, &result, b)
        return result
    }

    /// `a = a op b`, writing over `a`'s (or a temporary `b`'s) storage when possible; see
    /// `elementwise`. When it throws (the allocation was refused, or a stop ended the kernel),
    /// `a` is unchanged: a kernel writing over `a` runs to the end (the caller honours the stop
    /// after it), since a variable updated in place (`W = W - dW`) must never be left half done.
    public static func formElementwise(_ op: BinaryOp, _ a: inout Matrix, _ b: consuming Matrix) throws(MatrixError) {
        if isSmall(op, a, b) { return try formSmall(op, &a, b) }
        try formElementwise(op, &a, b, kernels: Kernels.active)
    }

    /// `a op b` in a new matrix when `formSmall` computes it (a few elements, + − .* ./ `.^2`),
    /// else nil: for operands that stay where they are, such as two variables' values.
    public static func small(_ op: BinaryOp, _ a: borrowing Matrix, _ b: borrowing Matrix) throws(MatrixError) -> Matrix? {
        guard isSmall(op, a, b) else { return nil }
        return try smallResult(op, a, b)
    }

    /// Most elements `formSmall` computes.
    static let smallCount = 16

    /// Whether `formSmall` may compute `a op b`: + − .* ./ or `.^2`, at most `smallCount`
    /// elements, each operand whole or a scalar.
    private static func isSmall(_ op: BinaryOp, _ a: borrowing Matrix, _ b: borrowing Matrix) -> Bool {
        switch op {
        case .add, .subtract, .multiply, .divide: break
        case .power where b.isScalar && b.scalar == 2: break
        default: return false
        }
        return (a.rows == b.rows && a.cols == b.cols || a.isScalar || b.isScalar) && max(a.count, b.count) <= smallCount
    }

    /// One element of `formSmall`'s operations (`power` is `.^2` there).
    @inline(__always)
    private static func smallArithmetic(_ op: BinaryOp, _ x: Double, _ y: Double) -> Double {
        switch op {
        case .add: x + y
        case .subtract: x - y
        case .multiply: x * y
        case .divide: x / y
        default: x * x
        }
    }

    /// + - .* ./ and `.^2` on a few elements in a plain loop: the kernels' set-up (layout, walks,
    /// a call through the level's table) costs more than the arithmetic on a 4×1 bias. IEEE 754
    /// defines these operations to the bit, so the result is the kernels' own. Writes over an
    /// operand as `formElementwise` does; nothing here can stop half-way.
    @inline(__always)
    private static func formSmall(_ op: BinaryOp, _ a: inout Matrix, _ b: consuming Matrix) throws(MatrixError) {
        let n = a.isScalar ? b.count : a.count  // a scalar and an empty matrix make an empty one
        let bStep = b.count == n ? 1 : 0
        if a.count == n && a.isUniquelyReferenced() {
            b.withUnsafeElements { y in
                a.withUnsafeMutableElements { x in for i in 0..<n { x[i] = smallArithmetic(op, x[i], y[i * bStep]) } }
            }
            a.isLogical = false
        } else if b.count == n && b.isUniquelyReferenced() {
            let aStep = a.count == n ? 1 : 0
            a.withUnsafeElements { x in
                b.withUnsafeMutableElements { y in for i in 0..<n { y[i] = smallArithmetic(op, x[i * aStep], y[i]) } }
            }
            b.isLogical = false
            swap(&a, &b)
        } else {
            var out = try smallResult(op, a, b)
            swap(&a, &out)
            out.recycle()
        }
        b.recycle()  // the operand not written over (a temporary: `0.05*dW1` in `W1 = W1 - 0.05*dW1`)
    }

    /// `formSmall`'s arithmetic into a new matrix.
    @inline(__always)
    private static func smallResult(_ op: BinaryOp, _ a: borrowing Matrix, _ b: borrowing Matrix) throws(MatrixError) -> Matrix {
        let (rows, cols) = a.isScalar ? (b.rows, b.cols) : (a.rows, a.cols)
        let n = rows * cols
        let (aStep, bStep) = (a.count == n ? 1 : 0, b.count == n ? 1 : 0)
        var out = try Matrix(uninitializedRows: rows, cols: cols)
        a.withUnsafeElements { x in
            b.withUnsafeElements { y in
                out.withUnsafeMutableElements { z in for i in 0..<n { z[i] = smallArithmetic(op, x[i * aStep], y[i * bStep]) } }
            }
        }
        return out
    }

    /// `formElementwise` with a given level's kernels (the tests run every level).
    static func formElementwise(_ op: BinaryOp, _ a: inout Matrix, _ b: consuming Matrix,
                                kernels: any KernelSet.Type) throws(MatrixError) {
        guard let (rows, cols) = broadcastShape(a, b) else {
            preconditionFailure("elementwise: \(a.rows)×\(a.cols) and \(b.rows)×\(b.cols) do not broadcast")
        }
        let layout = RunLayout(a, b, rows: rows, cols: cols)
        let (aSteps, bSteps) = (WalkSteps(a, layout), WalkSteps(b, layout))
        let squaring = op == .power && b.isScalar && b.scalar == 2
        func run(_ pa: UnsafePointer<Double>, _ pb: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>,
                 mayStop: Bool) -> KernelOutcome {
            let x = aSteps.walk(pa)
            return squaring ? kernels.binary(.multiply, layout, x, x, out, mayStop: mayStop)
                            : kernels.binary(op, layout, x, bSteps.walk(pb), out, mayStop: mayStop)
        }
        // Each output element depends only on the same element of a same-shaped operand, so
        // overwriting that operand as the loop goes is safe.
        if a.rows == rows && a.cols == cols && a.isUniquelyReferenced() {
            b.withUnsafeElements { pb in
                a.withUnsafeMutableElements { pa in _ = run(pa, pb, into: pa, mayStop: false) }  // always `.finished`
            }
            a.isLogical = false
        } else if b.rows == rows && b.cols == cols && b.isUniquelyReferenced() {
            // b is consumed: no one sees it torn.
            try a.withUnsafeElements { pa in b.withUnsafeMutableElements { pb in run(pa, pb, into: pb, mayStop: true) } }.check()
            b.isLogical = false
            a = b
        } else {
            var fresh = try Matrix(uninitializedRows: rows, cols: cols)
            try a.withUnsafeElements { pa in
                b.withUnsafeElements { pb in fresh.withUnsafeMutableElements { run(pa, pb, into: $0, mayStop: true) } }
            }.check()
            a = fresh
        }
    }
}
