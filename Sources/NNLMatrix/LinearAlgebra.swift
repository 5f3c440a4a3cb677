import Foundation

extension Matrix {
    /// √(Σ x²), Octave's norm(A, "fro"); the squares are summed pairwise.
    public func frobeniusNorm() -> Double {
        guard count > 0 else { return 0 }
        let squares = elements.map { $0 * $0 }
        return squares.withUnsafeBufferPointer { pairwiseSum($0.baseAddress!, count: count, stride: 1, as: Double.self) }.squareRoot()
    }

    /// Singular values, largest first (one-sided Jacobi: rotate column pairs until all are
    /// orthogonal; the column norms are then the singular values). norm(A) is the first.
    public func singularValues() -> [Double] {
        // Work on the orientation with fewer columns: A and A' have the same singular values.
        let (m, n) = rows >= cols ? (rows, cols) : (cols, rows)
        var w = [Double](repeating: 0, count: m * n)
        withUnsafeElements { x in
            for j in 0..<n { for i in 0..<m { w[j * m + i] = rows >= cols ? x[j * m + i] : x[i * rows + j] } }
        }
        w.withUnsafeMutableBufferPointer { jacobiOrthogonalise($0.baseAddress!, m: m, n: n) }
        return (0..<n).map { j in (0..<m).reduce(0) { $0 + w[j * m + $1] * w[j * m + $1] }.squareRoot() }
            .sorted(by: >)
    }

    /// x with a·x = b for square a (LU with partial pivoting), or nil when a is singular.
    public static func solve(_ a: Matrix, _ b: Matrix) throws(MatrixError) -> Matrix? {
        precondition(a.rows == a.cols && a.rows == b.rows, "solve: a must be square with as many rows as b")
        let n = a.rows
        var lu = a.elements
        var x = try Matrix(uninitializedRows: b.rows, cols: b.cols)
        b.withUnsafeElements { source in x.withUnsafeMutableElements { $0.update(from: source, count: b.count) } }
        let singular = lu.withUnsafeMutableBufferPointer { l in
            x.withUnsafeMutableElements { luSolve(l.baseAddress!, n: n, rhs: $0, columns: b.cols) }
        }
        return singular ? nil : x
    }
}

/// Rotates pairs of columns of the m×n column-major w until every pair is orthogonal to
/// working precision (Hestenes' one-sided Jacobi).
private func jacobiOrthogonalise(_ w: UnsafeMutablePointer<Double>, m: Int, n: Int) {
    for _ in 0..<60 {
        var rotated = false
        for p in 0..<n {
            for q in p + 1 ..< n {
                let cp = w + p * m, cq = w + q * m
                var alpha = 0.0, beta = 0.0, gamma = 0.0
                for i in 0..<m { alpha += cp[i] * cp[i]; beta += cq[i] * cq[i]; gamma += cp[i] * cq[i] }
                guard abs(gamma) > 1e-15 * (alpha * beta).squareRoot(), gamma != 0 else { continue }
                rotated = true
                let zeta = (beta - alpha) / (2 * gamma)
                let t = (zeta >= 0 ? 1 : -1) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                let c = 1 / (1 + t * t).squareRoot(), s = c * t
                for i in 0..<m { (cp[i], cq[i]) = (c * cp[i] - s * cq[i], s * cp[i] + c * cq[i]) }
            }
        }
        if !rotated { return }
    }
}

/// Factors the n×n column-major a in place (PA = LU) and overwrites the n×columns rhs with the
/// solution. Returns true when a pivot is exactly zero (a is singular).
private func luSolve(_ a: UnsafeMutablePointer<Double>, n: Int, rhs b: UnsafeMutablePointer<Double>, columns: Int) -> Bool {
    for k in 0..<n {
        var pivot = k
        for i in k + 1 ..< n where abs(a[k * n + i]) > abs(a[k * n + pivot]) { pivot = i }
        guard a[k * n + pivot] != 0 else { return true }
        if pivot != k {
            for j in 0..<n { a.swapAt(j * n + k, j * n + pivot) }
            for j in 0..<columns { b.swapAt(j * n + k, j * n + pivot) }
        }
        let d = a[k * n + k]
        for i in k + 1 ..< n { a[k * n + i] /= d }
        for j in k + 1 ..< n {
            let f = a[j * n + k]
            for i in k + 1 ..< n { a[j * n + i] -= a[k * n + i] * f }
        }
    }
    for j in 0..<columns {
        let x = b + j * n
        for k in 0..<n { for i in k + 1 ..< n { x[i] -= a[k * n + i] * x[k] } }
        for k in stride(from: n - 1, through: 0, by: -1) {
            x[k] /= a[k * n + k]
            for i in 0..<k { x[i] -= a[k * n + i] * x[k] }
        }
    }
    return false
}

extension UnsafeMutablePointer {
    fileprivate func swapAt(_ i: Int, _ j: Int) { let t = self[i]; self[i] = self[j]; self[j] = t }
}
