extension Matrix {
    /// `op` applied to every element, into a new matrix.
    public func map(_ op: UnaryOp) throws(MatrixError) -> Matrix { try map(op, kernels: Kernels.active) }

    /// `map` with a given level's kernels (the tests run every level).
    func map(_ op: UnaryOp, kernels: any KernelSet.Type) throws(MatrixError) -> Matrix {
        var out = try Matrix(uninitializedRows: rows, cols: cols)
        let n = count
        try withUnsafeElements { x in out.withUnsafeMutableElements { kernels.unary(op, x, $0, n) } }.check()
        return out
    }

    /// `op` applied to every element, over `m`'s own storage when nothing else shares it
    /// (`sigmoid(W2*A1 + b2)` maps the temporary sum in place; a stop then ends with nothing
    /// else holding it).
    public static func map(_ op: UnaryOp, _ m: consuming Matrix) throws(MatrixError) -> Matrix {
        guard m.isUniquelyReferenced() else { return try m.map(op) }
        let n = m.count
        try m.withUnsafeMutableElements { Kernels.active.unary(op, $0, $0, n) }.check()
        m.isLogical = false
        return m
    }

    /// `map(op, m)`, and whether `m` held a negative number or a zero (the warnings of `log`
    /// and `sqrt`), found while mapping: a separate pass over 10⁶ values read them from memory
    /// again, at a third of the cost of `log`.
    public static func mapNoticingSigns(_ op: UnaryOp, _ m: consuming Matrix) throws(MatrixError) -> (Matrix, Signs) {
        let n = m.count
        var signs = Signs()
        if m.isUniquelyReferenced() {
            try m.withUnsafeMutableElements { Kernels.active.unary(op, $0, $0, n, noticing: &signs) }.check()
            m.isLogical = false
            return (m, signs)
        }
        var out = try Matrix(uninitializedRows: m.rows, cols: m.cols)
        try m.withUnsafeElements { x in
            out.withUnsafeMutableElements { Kernels.active.unary(op, x, $0, n, noticing: &signs) }
        }.check()
        return (out, signs)
    }
}
