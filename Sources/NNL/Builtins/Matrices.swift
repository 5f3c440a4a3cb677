import NNLMatrix

/// Whole-matrix functions: transpose, inverse, determinant, magic squares, sorting.
extension Builtins {
    static let matrices: [Builtin] = [
        Builtin(name: "transpose", aliases: ["np.transpose"], help: "transpose(X), np.transpose(X)\nX with rows and columns swapped, as X'.",
                example: "transpose([1 2 3])", arity: 1...1, body: { c throws(Diagnostic) in
                    [try c.interpreter.transpose(c.args[0], at: c.range)]
                }),
        Builtin(name: "fliplr", aliases: ["np.fliplr"], help: "fliplr(X)\nX with its columns in reverse order.",
                example: "fliplr([1 2 3])", arity: 1...1, body: { c throws(Diagnostic) in [c.sameKind(as: 0, try flipped(&c, columns: true))] }),
        Builtin(name: "flipud", aliases: ["np.flipud"], help: "flipud(X)\nX with its rows in reverse order.",
                example: "flipud([1; 2; 3])", arity: 1...1, body: { c throws(Diagnostic) in [c.sameKind(as: 0, try flipped(&c, columns: false))] }),
        Builtin(name: "trace", aliases: ["np.trace"], help: "trace(A)\nThe sum of the diagonal of A.",
                example: "trace([1 2; 3 4])", arity: 1...1, body: { c throws(Diagnostic) in
                    let a = try c.matrix(0)
                    return [.scalar((0..<min(a.rows, a.cols)).reduce(0.0) { $0 + a[$1, $1] })]
                }),
        Builtin(name: "inv", aliases: ["np.linalg.inv"], help: "inv(A)\nThe inverse of a square matrix: inv(A)*A is the identity. To solve A*x = b, A \\ b is faster and more exact.",
                example: "inv([2 1; 1 1])", arity: 1...1, body: { c throws(Diagnostic) in
                    let a = try c.matrix(0)
                    guard a.rows == a.cols else { throw Diagnostic("inv needs a square matrix, but this one is \(a.shapeText)", at: c.range) }
                    return [.matrix(try c.interpreter.solve(a, try c.interpreter.identityMatrix(a.rows, at: c.range), at: c.range))]
                }),
        Builtin(name: "det", aliases: ["np.linalg.det"], help: "det(A)\nThe determinant of a square matrix, from its LU factors (as LAPACK computes it).",
                example: "det([1 2; 3 4])", arity: 1...1, body: { c throws(Diagnostic) in
                    let a = try c.matrix(0)
                    guard a.rows == a.cols else { throw Diagnostic("det needs a square matrix, but this one is \(a.shapeText)", at: c.range) }
                    return [.scalar(determinant(a))]
                }),
        Builtin(name: "magic", help: "magic(n)\nAn n×n magic square (every row, column and diagonal has the same sum), the same as Octave's.",
                example: "magic(3)", arity: 1...1, body: { c throws(Diagnostic) in
                    let n = try c.integer(0)
                    _ = try c.allocate(n, n)
                    return [.matrix(magicSquare(n))]
                }),
        Builtin(name: "sort", help: "sort(X), sort(X, dim), sort(X, \"descend\"), [s, i] = sort(X)\nThe elements in increasing order (per column of a matrix), and where each came from; equal elements keep their order, NaN goes last.",
                example: "[s, i] = sort([3 1 2], \"descend\")", arity: 1...3, body: { c throws(Diagnostic) in try sort(&c) }),
    ]

    static func flipped(_ c: inout BuiltinCall, columns: Bool) throws(Diagnostic) -> Matrix {
        let m = try c.matrix(0)
        var r = try c.allocate(m.rows, m.cols)
        for j in 0..<m.cols {
            for i in 0..<m.rows { r[i, j] = columns ? m[i, m.cols - 1 - j] : m[m.rows - 1 - i, j] }
        }
        r.isLogical = m.isLogical
        return r
    }

    static func sort(_ c: inout BuiltinCall) throws(Diagnostic) -> [Value] {
        let m = try c.matrix(0)
        var dim = defaultDimension(m), descending = false
        for i in 1..<c.args.count {
            if case .string(let mode) = c.args[i] {
                guard ["ascend", "descend"].contains(mode.lowercased()) else {
                    throw Diagnostic("sort's mode is \"ascend\" or \"descend\", not \"\(mode)\"", at: c.range)
                }
                descending = mode.lowercased() == "descend"
            } else {
                dim = try c.integer(i, minimum: 1)
            }
        }
        var values = m, indices = try c.allocate(m.rows, m.cols)
        values.isLogical = m.isLogical
        let (outer, inner) = dim == 1 ? (m.cols, m.rows) : dim == 2 ? (m.rows, m.cols) : (m.count, 1)
        let at = { (o: Int, k: Int) in dim == 1 ? k + o * m.rows : dim == 2 ? o + k * m.rows : o }
        for o in 0..<outer {
            // NaN is larger than everything (last ascending, first descending), as Octave.
            let order = (0..<inner).sorted { p, q in
                let x = m[at(o, p)], y = m[at(o, q)]
                if x.isNaN || y.isNaN { return descending ? x.isNaN && !y.isNaN : !x.isNaN && y.isNaN }
                return descending ? x > y : x < y
            }
            for (k, from) in order.enumerated() {
                values[at(o, k)] = m[at(o, from)]
                indices[at(o, k)] = Double(from + 1)
            }
        }
        return [c.sameKind(as: 0, values), .matrix(indices)]
    }

    /// LU with partial pivoting (the largest pivot in each column, as LAPACK's dgetrf), then the
    /// product of the pivots with the sign of the row swaps.
    static func determinant(_ a: Matrix) -> Double {
        let n = a.rows
        var lu = (0..<n).map { i in (0..<n).map { j in a[i, j] } }
        var det = 1.0
        for k in 0..<n {
            var p = k
            for i in k + 1 ..< n where abs(lu[i][k]) > abs(lu[p][k]) { p = i }
            if p != k { lu.swapAt(p, k); det = -det }
            let pivot = lu[k][k]
            det *= pivot
            guard pivot != 0 else { return det }
            for i in k + 1 ..< n {
                let factor = lu[i][k] / pivot
                for j in k + 1 ..< n { lu[i][j] -= factor * lu[k][j] }
            }
        }
        return det
    }

    /// Octave's magic squares: the Siamese method for odd n, the diagonal swap for n divisible by 4,
    /// and LUX quarters for the rest, so every entry is the one Octave gives.
    static func magicSquare(_ n: Int) -> Matrix {
        if n == 0 { return Matrix.empty() }
        var a = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        if n % 2 == 1 {
            for k in 0..<n * n {
                let shift = k / n
                let col = ((k + 1 - shift + (n - 3) / 2) % n + n) % n
                let row = ((n * n - k + 2 * shift) % n + n) % n
                a[row][col] = k + 1
            }
        } else if n % 4 == 0 {
            for i in 0..<n { for j in 0..<n { a[i][j] = i * n + j + 1 } }
            for group in [[0, 3], [1, 2]] {
                let picked = (0..<n).filter { group.contains($0 % 4) }
                let original = a
                for (x, i) in picked.enumerated() {
                    for (y, j) in picked.enumerated() {
                        a[i][j] = original[picked[picked.count - 1 - x]][picked[picked.count - 1 - y]]
                    }
                }
            }
        } else {
            let m = n / 2
            let q = magicSquare(m)
            for i in 0..<m {
                for j in 0..<m {
                    let v = Int(q[i, j])
                    a[i][j] = v; a[i][j + m] = v + 2 * m * m
                    a[i + m][j] = v + 3 * m * m; a[i + m][j + m] = v + m * m
                }
            }
            let k = (m - 1) / 2
            let swapRows = { (columns: [Int], rows: [Int]) in
                for j in columns { for i in rows { (a[i][j], a[i + m][j]) = (a[i + m][j], a[i][j]) } }
            }
            if k > 1 { swapRows(Array(1..<k) + Array((n - k + 1)..<n), Array(0..<m)) }
            swapRows([0], Array(0..<k) + Array((k + 1)..<m))
            swapRows([k], [k])
        }
        var result = Matrix(rows: n, cols: n, columnMajor: [Double](repeating: 0, count: n * n))
        for i in 0..<n { for j in 0..<n { result[i, j] = Double(a[i][j]) } }
        return result
    }
}
