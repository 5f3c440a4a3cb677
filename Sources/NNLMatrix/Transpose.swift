extension Matrix {
    /// The transpose, copied in 32×32 tiles so both the reads and the writes stay in cache.
    public func transposed() throws(MatrixError) -> Matrix {
        if isVector { return reshaped(rows: cols, cols: rows) }  // same elements in the same order
        var out = try Matrix(uninitializedRows: cols, cols: rows)
        let (r, c) = (rows, cols)
        withUnsafeElements { src in out.withUnsafeMutableElements { dst in
            let tile = 32
            for j0 in stride(from: 0, to: c, by: tile) {
                for i0 in stride(from: 0, to: r, by: tile) {
                    for j in j0..<min(j0 + tile, c) {
                        for i in i0..<min(i0 + tile, r) { dst[i * c + j] = src[j * r + i] }
                    }
                }
            }
        } }
        return out
    }

}
