extension Matrix {
    /// `op` applied to every element, into a new matrix.
    public func map(_ op: UnaryOp) throws(AllocationRefused) -> Matrix { try map(op, kernels: Kernels.active) }

    /// `map` with a given level's kernels (the tests run every level).
    func map(_ op: UnaryOp, kernels: any KernelSet.Type) throws(AllocationRefused) -> Matrix {
        let out = try Matrix(uninitializedRows: rows, cols: cols)
        withUnsafeElements { kernels.unary(op, $0, out.storage.pointer, count) }
        return out
    }

    /// `op` applied to every element, over `m`'s own storage when nothing else shares it
    /// (`sigmoid(W2*A1 + b2)` maps the temporary sum in place).
    public static func map(_ op: UnaryOp, _ m: consuming Matrix) throws(AllocationRefused) -> Matrix {
        guard m.isUniquelyReferenced() else { return try m.map(op) }
        m.formMap(op)
        m.isLogical = false
        return m
    }

    /// `map(op, m)`, and whether `m` held a negative number or a zero (the warnings of `log`
    /// and `sqrt`), found while mapping: a separate pass over 10⁶ values read them from memory
    /// again, at a third of the cost of `log`.
    public static func mapNoticingSigns(_ op: UnaryOp, _ m: consuming Matrix) throws(AllocationRefused) -> (Matrix, Signs) {
        let n = m.count
        var signs = Signs()
        if m.isUniquelyReferenced() {
            m.withUnsafeMutableElements { Kernels.active.unary(op, $0, $0, n, noticing: &signs) }
            m.isLogical = false
            return (m, signs)
        }
        let out = try Matrix(uninitializedRows: m.rows, cols: m.cols)
        m.withUnsafeElements { Kernels.active.unary(op, $0, out.storage.pointer, n, noticing: &signs) }
        return (out, signs)
    }

    /// `op` applied to every element in place (copying first only if the storage is shared).
    public mutating func formMap(_ op: UnaryOp) {
        let n = count
        withUnsafeMutableElements { Kernels.active.unary(op, $0, $0, n) }
    }
}
