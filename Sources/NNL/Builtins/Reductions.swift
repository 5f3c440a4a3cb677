import Foundation
import NNLMatrix

/// Sums, means, extremes and norms, in Octave's spelling (1-based dimensions)
/// and numpy's (`axis=` 0-based, `keepdims=`).
extension Builtins {
    static let reductions: [Builtin] = [
        reduction("sum", "The sum of the elements: down each column of a matrix, or along a vector.", "db2 = sum([1 2; 3 4], 2)") { m, d throws(MatrixError) in try m.sum(dimension: d) },
        reduction("mean", "The average of the elements, by the same rules as sum.", "mean([1 2; 3 4])") { m, d throws(MatrixError) in try m.mean(dimension: d) },
        reduction("prod", "The product of the elements, by the same rules as sum.", "prod([1 2 3 4])") { m, d throws(MatrixError) in try m.product(dimension: d) },
        reduction("cumsum", "Running sums, by the same rules as sum.", "cumsum(1:5)", keepsShape: true) { m, d throws(MatrixError) in try m.cumulativeSum(dimension: d) },
        reduction("cumprod", "Running products, by the same rules as sum.", "cumprod(1:5)", keepsShape: true) { m, d throws(MatrixError) in try m.cumulativeProduct(dimension: d) },
        numpyReduction("np.sum", "numpy's sum: all elements, or along axis=0 (down columns) / axis=1 (along rows); keepdims=True keeps a 2-D shape.",
                       "db2 = np.sum([1 2; 3 4], axis=1, keepdims=True)") { m, d throws(MatrixError) in try m.sum(dimension: d) },
        numpyReduction("np.mean", "numpy's mean, with axis= and keepdims= as np.sum.", "np.mean([1 2; 3 4], axis=0)") { m, d throws(MatrixError) in try m.mean(dimension: d) },
        extreme("max", isMax: true), extreme("min", isMax: false),
        numpyReduction("np.max", "numpy's max: of all elements, or along axis=; NaN if a NaN is among them (Octave's max skips NaN).", "np.max([1 5; 3 4])") { m, d throws(MatrixError) in
            nanWhereAny(try m.maxAlong(dimension: d).values, of: m, dimension: d)
        },
        numpyReduction("np.min", "numpy's min: of all elements, or along axis=; NaN if a NaN is among them (Octave's min skips NaN).", "np.min([1 5; 3 4])") { m, d throws(MatrixError) in
            nanWhereAny(try m.minAlong(dimension: d).values, of: m, dimension: d)
        },
        Builtin(name: "any", help: "any(X), any(X, dim)\n1 if any element is nonzero (per column of a matrix); NaN is ignored, as in Octave.",
                example: "any([0 0 1])", arity: 1...2, body: { c throws(Diagnostic) in try logicalReduction(&c, any: true) }),
        Builtin(name: "all", help: "all(X), all(X, dim)\n1 if every element is nonzero (per column of a matrix).",
                example: "all([1 1 0])", arity: 1...2, body: { c throws(Diagnostic) in try logicalReduction(&c, any: false) }),
        Builtin(name: "norm", help: "norm(v), norm(A), norm(X, p)\nThe length of a vector (2-norm); for a matrix its largest singular value. p may be 1, 2, Inf or \"fro\".",
                example: "norm([3 4])", arity: 1...2, body: { c throws(Diagnostic) in try norm(&c) }),
        Builtin(name: "dot", help: "dot(a, b)\nThe dot product of two vectors of the same length (any orientation); for two matrices, of each pair of columns.",
                example: "dot([1 2 3], [4; 5; 6])", arity: 2...2, body: { c throws(Diagnostic) in
                    let a = try c.matrix(0), b = try c.matrix(1)
                    if a.isVector && b.isVector && a.count == b.count {
                        var s = 0.0
                        for i in 0..<a.count { s += a[i] * b[i] }
                        return [.scalar(s)]
                    }
                    guard a.rows == b.rows, a.cols == b.cols else {
                        throw Diagnostic("dot needs two vectors of the same length, or matrices of one size: \(a.rows)×\(a.cols) and \(b.rows)×\(b.cols)", at: c.range)
                    }
                    // Matrices: the dot product of each pair of columns, as Octave.
                    let products = try broadcast(&c, .multiply)
                    return [try c.kernel { () throws(MatrixError) in try products.sum(dimension: 1) }]
                }),
        Builtin(name: "np.dot", aliases: ["np.matmul"], help: "np.dot(a, b), np.matmul(a, b)\nnumpy's dot: the matrix product a*b (a scalar operand scales); two rows or two columns of one length are numpy's 1-D vectors, so their dot product is a number.",
                example: "np.dot([1 2; 3 4], [1; 1])", arity: 2...2, body: { c throws(Diagnostic) in
                    if case .matrix(let a) = c.args[0], case .matrix(let b) = c.args[1], !a.isScalar,
                       (a.rows == 1 && b.rows == 1 && a.cols == b.cols) || (a.cols == 1 && b.cols == 1 && a.rows == b.rows) {
                        return [try c.interpreter.binary(.matrixMultiply, .matrix(a.reshaped(rows: 1, cols: a.count)),
                                                         .matrix(b.reshaped(rows: b.count, cols: 1)),
                                                         left: c.argumentExpr(0), right: c.argumentExpr(1), at: c.range)]
                    }
                    if case .matrix(let a) = c.args[0], case .matrix(let b) = c.args[1], !a.isScalar, !b.isScalar, a.cols != b.rows {
                        let (left, right) = (c.argumentExpr(0), c.argumentExpr(1))
                        let i = c.interpreter
                        throw Diagnostic.fixable("`np.dot` needs the inner sizes to agree: \(i.operandName(left)) is \(a.shapeText) but \(i.operandName(right)) is \(b.shapeText)",
                                                 at: c.range)
                    }
                    return [try c.interpreter.binary(.matrixMultiply, c.args[0], c.args[1],
                                                     left: c.argumentExpr(0), right: c.argumentExpr(1), at: c.range)]
                }),
        Builtin(name: "find", help: "find(X), find(X, n), find(X, n, \"last\"), [i, j] = find(X), [i, j, v] = find(X)\nThe positions (linear, 1-based) of the nonzero elements, or the first (or last) n of them; with two outputs their rows and columns, with three also their values.",
                example: "[i, j] = find([0 3; 5 0])", arity: 1...3, body: { c throws(Diagnostic) in
                    let m = try c.matrix(0)
                    var found = (0..<m.count).filter { m[$0] != 0 }
                    let direction = c.args.count == 3 ? try c.string(2).lowercased() : "first"
                    guard ["first", "last"].contains(direction) else {
                        throw Diagnostic("find's direction is \"first\" or \"last\", not \"\(direction)\"", at: c.range)
                    }
                    if c.args.count >= 2 {
                        let n = try c.integer(1)
                        found = direction == "last" ? Array(found.suffix(n)) : Array(found.prefix(n))
                    }
                    // Octave: a row gives rows, anything else columns; nothing found in a scalar or [] is [](0×0).
                    let vector = { (xs: [Double]) in
                        Value.matrix(xs.isEmpty && m.rows == m.cols && m.rows <= 1 ? Matrix.empty()
                                     : m.rows == 1 ? Matrix(row: xs) : Matrix(column: xs))
                    }
                    if c.nargout < 2 { return [vector(found.map { Double($0 + 1) })] }
                    let rows = m.rows
                    return [vector(found.map { Double($0 % rows + 1) }), vector(found.map { Double($0 / rows + 1) }),
                            vector(found.map { m[$0] })]
                }),
    ]

    /// Octave's default dimension: the first that is not 1 (so a row sums along itself).
    static func defaultDimension(_ m: Matrix) -> Int { m.rows == 1 && m.cols != 1 ? 2 : 1 }

    static func reduction(_ name: String, _ help: String, _ example: String, keepsShape: Bool = false,
                          _ f: @escaping @Sendable (Matrix, Int) throws(MatrixError) -> Matrix) -> Builtin {
        Builtin(name: name, help: "\(name)(X), \(name)(X, dim)\n\(help) dim 1 goes down the columns, dim 2 along the rows.",
                example: example, arity: 1...2, body: { c throws(Diagnostic) in
                    let m = try c.matrix(0)
                    let dim = c.args.count == 2 ? try c.integer(1, minimum: 1) : defaultDimension(m)
                    if dim > 2 { return [.matrix(m)] }
                    if m.rows == 0 && m.cols == 0 && !keepsShape && c.args.count == 1 {
                        return [.scalar(name == "prod" ? 1 : (name == "mean" ? .nan : 0))]
                    }
                    return [try c.kernel { () throws(MatrixError) in try f(m, dim) }]
                })
    }

    /// `keepsShape`: a running sum or product, whose result along an axis has X's shape.
    static func numpyReduction(_ name: String, _ help: String, _ example: String, keepsShape: Bool = false,
                               _ f: @escaping @Sendable (Matrix, Int) throws(MatrixError) -> Matrix) -> Builtin {
        Builtin(name: name, help: "\(name)(X), \(name)(X, axis=0|1, keepdims=False)\n\(help)", example: example,
                arity: 1...2, keywords: ["axis", "keepdims"], body: { c throws(Diagnostic) in
                    let m = try c.matrix(0)
                    let axisValue = c.args.count == 2 ? c.args[1] : c.keyword("axis")
                    let keepdims = try c.keywordBool("keepdims") ?? false
                    guard let axisValue, case .matrix(let a) = axisValue, a.count == 1 else {
                        // No axis: every element, as one number, in numpy's row-major order (so sums match to the bit).
                        let flat = try c.interpreter.transposeMatrix(m, c.range).reshaped(rows: 1, cols: m.count)
                        let total = try c.kernel { () throws(MatrixError) in try f(flat, 2) }
                        if keepdims, case .matrix(let t) = total { return [.matrix(t.reshaped(rows: 1, cols: 1))] }
                        return [total]
                    }
                    let axis = try c.integer(a.scalar < 0 ? a.scalar + 2 : a.scalar, what: "axis")
                    guard axis <= 1 else { throw Diagnostic("axis \(axis) does not exist: a matrix has axes 0 and 1", at: c.range) }
                    let result = try c.kernel { () throws(MatrixError) in try f(m, axis + 1) }
                    // Without keepdims numpy returns a 1-D array, which broadcasts like a row.
                    if !keepdims, !keepsShape, case .matrix(let r) = result { return [.matrix(r.reshaped(rows: 1, cols: r.count))] }
                    return [result]
                })
    }

    /// numpy's extremes: NaN for every column (dimension 1) or row (2) of m that holds a NaN.
    static func nanWhereAny(_ extremes: Matrix, of m: Matrix, dimension d: Int) -> Matrix {
        var result = extremes
        for i in 0..<m.count where m[i].isNaN { result[d == 1 ? i / m.rows : i % m.rows] = .nan }
        return result
    }

    /// max(X), max(X, [], dim), [m, i] = max(X), max(a, b).
    static func extreme(_ name: String, isMax: Bool) -> Builtin {
        Builtin(name: name, help: "\(name)(X), \(name)(X, [], dim), [v, i] = \(name)(X), \(name)(a, b)\nThe \(isMax ? "largest" : "smallest") element (per column of a matrix) and its position; with two arguments, element by element. NaN is ignored.",
                example: "[v, i] = \(name)([3 9 2])", arity: 1...3, body: { c throws(Diagnostic) in
                    // Of logical values the result is logical, as Octave's.
                    if c.args.count == 2 {
                        let first = try c.matrix(0), second = try c.matrix(1)
                        let logical = first.isLogical && second.isLogical
                        var m = try broadcast(&c, isMax ? .maximum : .minimum)
                        m.isLogical = logical
                        return [.matrix(m)]
                    }
                    let m = try c.matrix(0)
                    let dim = c.args.count == 3 ? try c.integer(2, minimum: 1) : defaultDimension(m)
                    // Along a third dimension every run is one element long: X itself, at index 1.
                    if dim > 2 { return [.matrix(m), .matrix(try filled(&c, rows: m.rows, cols: m.cols, 1))] }
                    if m.rows == 0 && m.cols == 0 { return [.matrix(Matrix.empty()), .matrix(Matrix.empty())] }
                    let r: (values: Matrix, indices: Matrix)
                    do throws(MatrixError) { r = isMax ? try m.maxAlong(dimension: dim) : try m.minAlong(dimension: dim) }
                    catch { throw Diagnostic(error, at: c.range) }
                    var values = r.values
                    values.isLogical = m.isLogical
                    return [.matrix(values), .matrix(r.indices)]
                })
    }

    static func logicalReduction(_ c: inout BuiltinCall, any: Bool) throws(Diagnostic) -> [Value] {
        let m = try c.matrix(0)
        let dim = c.args.count == 2 ? try c.integer(1, minimum: 1) : defaultDimension(m)
        if m.rows == 0 && m.cols == 0 && c.args.count == 1 { return [.bool(!any)] }
        if dim > 2 {
            let isZero = try c.interpreter.kernel(c.range) { () throws(MatrixError) in try m.map(.not) }
            var r = try c.interpreter.kernel(c.range) { () throws(MatrixError) in try isZero.map(.not) }
            r.isLogical = true
            return [.matrix(r)]
        }
        let (outer, inner) = dim == 1 ? (m.cols, m.rows) : (m.rows, m.cols)
        // Octave (mx-inlines.cc): NaN is never "true", and `all` skips it except along the rows
        // of a matrix, where it counts as false (all([1 NaN; 1 1], 2) is [0; 1]).
        let nanIsFalse = any || (dim == 2 && m.rows > 1)
        var r = dim == 1 ? try c.allocate(1, m.cols) : try c.allocate(m.rows, 1)
        for o in 0..<outer {
            var result = !any
            for k in 0..<inner {
                let x = dim == 1 ? m[k, o] : m[o, k]
                if any ? x != 0 && !x.isNaN : x == 0 || (nanIsFalse && x.isNaN) { result = any; break }
            }
            r[o] = result ? 1 : 0
        }
        r.isLogical = true
        return [.matrix(r)]
    }

    static func norm(_ c: inout BuiltinCall) throws(Diagnostic) -> [Value] {
        let m = try c.matrix(0)
        var p = "2"
        if c.args.count == 2 {
            if case .string(let s) = c.args[1] { p = s } else {
                let x = try c.scalar(1)
                p = x.isInfinite ? (x > 0 ? "inf" : "-inf") : formatNumberForMessage(x)
            }
        }
        let values = m.elements.map { abs($0) }
        switch p.lowercased() {
        case "fro": return [.scalar(m.frobeniusNorm())]
        case "inf":
            if m.isVector { return [.scalar(values.max() ?? 0)] }
            return [.scalar((0..<m.rows).map { r in (0..<m.cols).reduce(0.0) { $0 + abs(m[r, $1]) } }.max() ?? 0)]
        case "1":
            if m.isVector { return [.scalar(values.reduce(0, +))] }
            return [.scalar((0..<m.cols).map { col in (0..<m.rows).reduce(0.0) { $0 + abs(m[$1, col]) } }.max() ?? 0)]
        case "2":
            if m.isVector { return [.scalar(m.frobeniusNorm())] }
            return [.scalar(m.singularValues().max() ?? 0)]
        default:
            guard m.isVector, let q = Double(p) else {
                throw Diagnostic("norm supports p = 1, 2, Inf or \"fro\" for matrices", at: c.range)
            }
            return [.scalar(Foundation.pow(values.reduce(0) { $0 + Foundation.pow($1, q) }, 1 / q))]
        }
    }
}
