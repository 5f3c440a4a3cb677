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
        try formElementwise(op, &a, b, kernels: Kernels.active)
    }

    /// `formElementwise` with a given level's kernels (the tests run every level).
    static func formElementwise(_ op: BinaryOp, _ a: inout Matrix, _ b: consuming Matrix,
                                kernels: any KernelSet.Type) throws(MatrixError) {
        guard let (rows, cols) = broadcastShape(a, b) else {
            preconditionFailure("elementwise: \(a.rows)×\(a.cols) and \(b.rows)×\(b.cols) do not broadcast")
        }
        let layout = RunLayout(a, b, rows: rows, cols: cols)
        let x = Walk(a, a.storage.pointer, layout), y = Walk(b, b.storage.pointer, layout)
        let squaring = op == .power && b.isScalar && b.scalar == 2
        func run(into out: UnsafeMutablePointer<Double>, mayStop: Bool) -> KernelOutcome {
            squaring ? kernels.binary(.multiply, layout, x, x, out, mayStop: mayStop)
                     : kernels.binary(op, layout, x, y, out, mayStop: mayStop)
        }
        // Each output element depends only on the same element of a same-shaped operand, so
        // overwriting that operand as the loop goes is safe.
        if a.rows == rows && a.cols == cols && a.isUniquelyReferenced() {
            _ = run(into: a.storage.pointer, mayStop: false)  // always `.finished`
            a.isLogical = false
        } else if b.rows == rows && b.cols == cols && b.isUniquelyReferenced() {
            try run(into: b.storage.pointer, mayStop: true).check()  // b is consumed: no one sees it torn
            b.isLogical = false
            a = b
        } else {
            let fresh = try Matrix(uninitializedRows: rows, cols: cols)
            try run(into: fresh.storage.pointer, mayStop: true).check()
            a = fresh
        }
    }
}
