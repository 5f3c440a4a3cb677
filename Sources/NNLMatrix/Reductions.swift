/// Reductions along a dimension, Octave-style: dimension 1 runs down each column (result 1×cols),
/// dimension 2 along each row (result rows×1).
extension Matrix {
    /// Sums in numpy's order, so results match numpy bit for bit: along a row (numpy's axis=1 on a
    /// C-ordered array, a contiguous row) and over a whole column vector, numpy's pairwise
    /// summation; down the columns of a matrix (numpy's axis=0: one row added after another), in
    /// turn from the first row. Both start from +0, numpy's identity. Empty runs sum to 0.
    public func sum(dimension: Int) throws(MatrixError) -> Matrix {
        if dimension == 2 && rows >= 4 { return try sumAlongRows() }
        let pairwise = dimension == 2 || cols == 1
        return try reduceLines(dimension) { x, n, stride in
            pairwise ? 0 + pairwiseSum(x, count: n, stride: stride, as: Double.self) : sequential(x, n, stride, from: 0, +)
        }
    }

    /// Products, multiplied in turn from 1 (numpy's order). Empty runs give 1.
    public func product(dimension: Int) throws(MatrixError) -> Matrix {
        try reduceLines(dimension) { x, n, stride in sequential(x, n, stride, from: 1, *) }
    }

    /// sum / n, as numpy's mean; NaN for empty runs (0/0), as Octave.
    public func mean(dimension: Int) throws(MatrixError) -> Matrix {
        let n = Double(dimension == 1 ? rows : cols)
        var sums = try sum(dimension: dimension)
        let count = sums.count
        sums.withUnsafeMutableElements { s in for i in 0..<count { s[i] /= n } }
        return sums
    }

    /// Running sums along the dimension (same shape as self).
    public func cumulativeSum(dimension: Int) throws(MatrixError) -> Matrix { try accumulate(dimension, +) }

    /// Running products along the dimension (same shape as self).
    public func cumulativeProduct(dimension: Int) throws(MatrixError) -> Matrix { try accumulate(dimension, *) }

    /// Largest element of each run and its 1-based index (first occurrence); NaN is skipped unless
    /// the whole run is NaN (then NaN at index 1), as Octave's max. An empty dimension gives an
    /// empty result (max of 0×3 down the columns is 0×3).
    public func maxAlong(dimension: Int) throws(MatrixError) -> (values: Matrix, indices: Matrix) {
        try extreme(dimension, >)
    }

    /// Smallest element of each run and its 1-based index; see `maxAlong`.
    public func minAlong(dimension: Int) throws(MatrixError) -> (values: Matrix, indices: Matrix) {
        try extreme(dimension, <)
    }
}

/// How the runs of one dimension lie in column-major storage.
private struct Lines {
    let count: Int, length: Int, stride: Int, step: Int

    init(_ m: Matrix, _ dimension: Int) {
        precondition(dimension == 1 || dimension == 2, "dimension must be 1 or 2")
        self = dimension == 1
            ? Lines(count: m.cols, length: m.rows, stride: 1, step: m.rows)
            : Lines(count: m.rows, length: m.cols, stride: m.rows, step: 1)
    }

    private init(count: Int, length: Int, stride: Int, step: Int) {
        (self.count, self.length, self.stride, self.step) = (count, length, stride, step)
    }

    /// Shape of a result with one value per run.
    func shape(_ dimension: Int) -> (rows: Int, cols: Int) { dimension == 1 ? (1, count) : (count, 1) }
}

@inline(__always)
private func sequential(_ x: UnsafePointer<Double>, _ n: Int, _ stride: Int, from start: Double,
                        _ f: (Double, Double) -> Double) -> Double {
    var acc = start
    for i in 0..<n { acc = f(acc, x[i * stride]) }
    return acc
}

extension Matrix {
    /// `sum(X, 2)` four rows at a time: the rows are neighbours in column-major storage, so one
    /// SIMD4 load per column feeds four pairwise sums, each in numpy's order.
    fileprivate func sumAlongRows() throws(MatrixError) -> Matrix {
        var out = try Matrix(uninitializedRows: rows, cols: 1)
        let (r, n) = (rows, cols)
        withUnsafeElements { x in out.withUnsafeMutableElements { y in
            var i = 0
            while i + 4 <= r {
                let sums = SIMD4(repeating: 0) + pairwiseSum(x + i, count: n, stride: r, as: SIMD4<Double>.self)
                UnsafeMutableRawPointer(y + i).storeBytes(of: sums, as: SIMD4<Double>.self)
                i += 4
            }
            for row in i..<r { y[row] = 0 + pairwiseSum(x + row, count: n, stride: r, as: Double.self) }
        } }
        return out
    }

    /// One value per run: f(first element, length, stride).
    fileprivate func reduceLines(_ dimension: Int,
                                 _ f: (UnsafePointer<Double>, Int, Int) -> Double) throws(MatrixError) -> Matrix {
        let lines = Lines(self, dimension)
        let (r, c) = lines.shape(dimension)
        var out = try Matrix(uninitializedRows: r, cols: c)
        withUnsafeElements { x in out.withUnsafeMutableElements { y in
            for l in 0..<lines.count { y[l] = f(x + l * lines.step, lines.length, lines.stride) }
        } }
        return out
    }

    fileprivate func accumulate(_ dimension: Int, _ f: (Double, Double) -> Double) throws(MatrixError) -> Matrix {
        let lines = Lines(self, dimension)
        var out = try Matrix(uninitializedRows: rows, cols: cols)
        withUnsafeElements { x in out.withUnsafeMutableElements { y in
            for l in 0..<lines.count where lines.length > 0 {
                let start = l * lines.step
                y[start] = x[start]
                for i in 1..<lines.length {
                    let at = start + i * lines.stride
                    y[at] = f(y[at - lines.stride], x[at])
                }
            }
        } }
        return out
    }

    fileprivate func extreme(_ dimension: Int,
                             _ better: (Double, Double) -> Bool) throws(MatrixError) -> (values: Matrix, indices: Matrix) {
        let lines = Lines(self, dimension)
        var (r, c) = lines.shape(dimension)
        if lines.length == 0 { (r, c) = dimension == 1 ? (0, cols) : (rows, 0) }
        var values = try Matrix(uninitializedRows: r, cols: c)
        var indices = try Matrix(uninitializedRows: r, cols: c)
        guard lines.length > 0 else { return (values, indices) }
        withUnsafeElements { x in
            for l in 0..<lines.count {
                let run = x + l * lines.step
                var best = 0
                while best < lines.length - 1 && run[best * lines.stride].isNaN { best += 1 }
                if run[best * lines.stride].isNaN { best = 0 }
                for i in best + 1 ..< lines.length where better(run[i * lines.stride], run[best * lines.stride]) {
                    best = i
                }
                values[l] = run[best * lines.stride]
                indices[l] = Double(best + 1)
            }
        }
        return (values, indices)
    }
}
