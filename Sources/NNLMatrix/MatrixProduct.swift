extension Matrix {
    /// The matrix product a·b (a.cols must equal b.rows; scalar scaling is the caller's).
    /// Small shapes take a direct loop; larger ones a packed, cache-blocked SIMD kernel that
    /// splits the columns of the result over two threads when the product is big.
    /// A stop request (see `KernelSet`) ends it early: it throws `.stopped`, no result made.
    public static func product(_ a: Matrix, _ b: Matrix) throws(MatrixError) -> Matrix {
        try product(a, b, kernels: Kernels.active)
    }

    /// `product` with a given level's kernels (the tests run every level).
    static func product(_ a: Matrix, _ b: Matrix, kernels: any KernelSet.Type) throws(MatrixError) -> Matrix {
        precondition(a.cols == b.rows, "product: inner sizes \(a.cols) and \(b.rows) differ")
        return try product(a, b, n: b.cols, kernels) { Factor($0, rowStride: 1, columnStride: b.rows) }
    }

    /// a·bᵀ without making the transpose (a.cols must equal b.cols): `dW = dZ * X'` reads X's
    /// rows in place. The same arithmetic in the same order as `product(a, b.transposed())`.
    public static func product(_ a: Matrix, transposeOf b: Matrix) throws(MatrixError) -> Matrix {
        precondition(a.cols == b.cols, "product: inner sizes \(a.cols) and \(b.cols) differ")
        return try product(a, b, n: b.rows, Kernels.active) { Factor($0, rowStride: b.rows, columnStride: 1) }
    }

    /// a times b read as `factor` says: the m×n result of the kernel.
    private static func product(_ a: Matrix, _ b: Matrix, n: Int, _ kernels: any KernelSet.Type,
                                _ factor: (UnsafePointer<Double>) -> Factor) throws(MatrixError) -> Matrix {
        let (m, k) = (a.rows, a.cols)
        var out = try Matrix(uninitializedRows: m, cols: n)
        try a.withUnsafeElements { pa in
            b.withUnsafeElements { pb in
                out.withUnsafeMutableElements { kernels.product(pa, factor(pb), $0, m: m, k: k, n: n) }
            }
        }.check()
        return out
    }
}
