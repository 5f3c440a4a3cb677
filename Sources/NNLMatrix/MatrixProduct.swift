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
        return try product(a, b.withUnsafeElements { Factor($0, rowStride: 1, columnStride: b.rows) }, b.cols, keeping: b, kernels)
    }

    /// a·bᵀ without making the transpose (a.cols must equal b.cols): `dW = dZ * X'` reads X's
    /// rows in place. The same arithmetic in the same order as `product(a, b.transposed())`.
    public static func product(_ a: Matrix, transposeOf b: Matrix) throws(MatrixError) -> Matrix {
        precondition(a.cols == b.cols, "product: inner sizes \(a.cols) and \(b.cols) differ")
        return try product(a, b.withUnsafeElements { Factor($0, rowStride: b.rows, columnStride: 1) }, b.rows, keeping: b, Kernels.active)
    }

    private static func product(_ a: Matrix, _ b: Factor, _ n: Int, keeping owner: Matrix,
                                _ kernels: any KernelSet.Type) throws(MatrixError) -> Matrix {
        let (m, k) = (a.rows, a.cols)
        let out = try Matrix(uninitializedRows: m, cols: n)
        try withExtendedLifetime(owner) {
            a.withUnsafeElements { kernels.product($0, b, out.storage.pointer, m: m, k: k, n: n) }
        }.check()
        return out
    }
}
