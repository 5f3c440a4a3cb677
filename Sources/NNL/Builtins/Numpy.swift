import Foundation
import NNLMatrix

/// numpy's functions that have no Octave twin of the same meaning. numpy's 1-D arrays are rows
/// here, and numpy reads a matrix row by row (C order) where Octave reads it column by column.
extension Builtins {
    static let numpy: [Builtin] = [
        Builtin(name: "np.array", aliases: ["np.asarray", "np.float64"],
                help: "np.array(list), np.float64(x)\nThe value itself: nested lists [[1, 2], [3, 4]] are the rows of a matrix, a flat list is a row (numpy's 1-D array).",
                example: "A = np.array([[1, 2], [3, 4]])", arity: 1...1, body: { c throws(Diagnostic) in [c.args[0]] }),
        Builtin(name: "np.arange", help: "np.arange(stop), np.arange(start, stop), np.arange(start, stop, step)\nnumpy's arange: start, start+step, … up to but not including stop, as a row.",
                example: "np.arange(5)", arity: 1...3, body: { c throws(Diagnostic) in
                    let start = c.args.count == 1 ? 0 : try c.scalar(0)
                    let stop = try c.scalar(c.args.count == 1 ? 0 : 1)
                    let step = c.args.count == 3 ? try c.scalar(2) : 1
                    guard step != 0, step.isFinite, start.isFinite, stop.isFinite else {
                        throw Diagnostic("np.arange needs finite bounds and a step that is not 0", at: c.range)
                    }
                    let n = try c.integer(max(0, ((stop - start) / step).rounded(.up)), what: "the number of elements of np.arange")
                    var m = try c.allocate(1, n)
                    // numpy's fill steps by the difference of its first two values, (start + step) - start,
                    // which is not always `step` (np.arange(1, 2, 0.1) steps by 0.10000000000000009).
                    let delta = (start + step) - start
                    for i in 0..<n { m[i] = start + Double(i) * delta }
                    return [.matrix(m)]
                }),
        Builtin(name: "np.where", help: "np.where(cond, a, b)\nElement by element, a where cond is true and b elsewhere (broadcast as the operators).",
                example: "np.where([1 -2 3] > 0, 1, 0)", arity: 3...3, body: { c throws(Diagnostic) in
                    let cond = try c.matrix(0), a = try c.matrix(1), b = try c.matrix(2)
                    let size = { (x: Int, y: Int) -> Int? in x == y || y == 1 ? x : x == 1 ? y : nil }
                    guard let ab = broadcastShape(a, b), let rows = size(cond.rows, ab.rows), let cols = size(cond.cols, ab.cols) else {
                        throw Diagnostic("np.where needs matching sizes: \(cond.shapeText), \(a.shapeText) and \(b.shapeText)", at: c.range)
                    }
                    var m = try c.allocate(rows, cols)
                    for j in 0..<cols {
                        for i in 0..<rows {
                            m[i, j] = cond.broadcastElement(i, j) != 0 ? a.broadcastElement(i, j) : b.broadcastElement(i, j)
                        }
                    }
                    return [.matrix(m)]
                }),
        Builtin(name: "np.squeeze", help: "np.squeeze(X)\nA row or column becomes numpy's 1-D array (a row here); a 1×1 a number; a matrix stays.",
                example: "np.squeeze([1; 2; 3])", arity: 1...1, body: { c throws(Diagnostic) in
                    let m = try c.matrix(0)
                    return [.matrix(m.isVector ? m.reshaped(rows: 1, cols: m.count) : m)]
                }),
        Builtin(name: "np.reshape", help: "np.reshape(X, (r, c)), X.reshape(r, c)\nnumpy's reshape: the elements read row by row (C order) into r×c; one size may be -1.",
                example: "np.reshape(np.arange(6), (2, 3))", arity: 2...3, body: { c throws(Diagnostic) in
                    let m = try c.matrix(0)
                    let sizes = c.args.count == 3 ? [try c.scalar(1), try c.scalar(2)] : try c.matrix(1).elements
                    guard sizes.count == 1 || sizes.count == 2 else { throw Diagnostic("a shape is (rows, columns)", at: c.range) }
                    var dims = try sizes.map { x throws(Diagnostic) in x == -1 ? -1 : try c.integer(x, what: "a size") }
                    if dims.count == 1 { dims.insert(1, at: 0) }
                    if dims[0] == -1, dims[1] > 0 { dims[0] = m.count / dims[1] }
                    if dims[1] == -1, dims[0] > 0 { dims[1] = m.count / dims[0] }
                    guard dims.allSatisfy({ $0 >= 0 }), try c.sizeProduct(dims[0], dims[1]) == m.count else {
                        throw Diagnostic("cannot reshape \(m.count) elements (\(m.shapeText)) into \(sizes.map(formatNumberForMessage).joined(separator: "×"))",
                                         at: c.range, hint: "the number of elements must stay the same")
                    }
                    return [.matrix(try rowMajorReshape(m, dims[0], dims[1], c))]
                }),
        Builtin(name: "np.argmax", help: "np.argmax(X), np.argmax(X, axis=0|1)\nThe 0-based position of the largest element: in numpy's row-major order over all of X, or along an axis.",
                example: "np.argmax([3 9 2])", arity: 1...2, keywords: ["axis"], body: { c throws(Diagnostic) in try argExtreme(&c, isMax: true) }),
        Builtin(name: "np.argmin", help: "np.argmin(X), np.argmin(X, axis=0|1)\nThe 0-based position of the smallest element, as np.argmax.",
                example: "np.argmin([3 9 2])", arity: 1...2, keywords: ["axis"], body: { c throws(Diagnostic) in try argExtreme(&c, isMax: false) }),
        Builtin(name: "np.concatenate", help: "np.concatenate((a, b, ...), axis=0)\nJoins along axis 0 (stacked, as [a; b]) or axis=1 (side by side, as [a, b]); numpy's 1-D arrays (rows here) join end to end.",
                example: "np.concatenate(([1 2; 3 4], [5 6]), axis=0)", arity: 1...Int.max, keywords: ["axis"], body: { c throws(Diagnostic) in
                    let axis = try c.keyword("axis").map { v throws(Diagnostic) in
                        guard case .matrix(let a) = v, a.count == 1 else { throw Diagnostic("axis= must be 0 or 1", at: c.range) }
                        return try c.integer(a.scalar < 0 ? a.scalar + 2 : a.scalar, what: "axis")
                    } ?? 0
                    let pieces = try (0..<c.args.count).map { i throws(Diagnostic) in try c.matrix(i) }
                    let allRows = pieces.allSatisfy { $0.rows == 1 }
                    return [.matrix(try join(pieces, vertically: axis == 0 && !allRows, c))]
                }),
        Builtin(name: "np.vstack", help: "np.vstack((a, b, ...))\nStacks rows: [a; b].", example: "np.vstack(([1 2], [3 4]))", arity: 1...Int.max,
                body: { c throws(Diagnostic) in
                    [.matrix(try join(try (0..<c.args.count).map { i throws(Diagnostic) in try c.matrix(i) }, vertically: true, c))]
                }),
        Builtin(name: "np.hstack", aliases: ["np.column_stack"], help: "np.hstack((a, b, ...))\nSide by side: [a, b].", example: "np.hstack(([1; 2], [3; 4]))",
                arity: 1...Int.max, body: { c throws(Diagnostic) in
                    [.matrix(try join(try (0..<c.args.count).map { i throws(Diagnostic) in try c.matrix(i) }, vertically: false, c))]
                }),
        Builtin(name: "np.linalg.norm", help: "np.linalg.norm(X), np.linalg.norm(X, axis=1, keepdims=True)\nThe square root of the sum of squares of every element (a vector's length; a matrix's Frobenius norm), numpy's default; with axis=, of each column (0) or row (1), as the course's normalizeRows does.",
                example: "np.linalg.norm([3 4; 6 8], axis=1, keepdims=True)", arity: 1...1, keywords: ["axis", "keepdims"], body: { c throws(Diagnostic) in
                    let m = try c.matrix(0)
                    guard c.keyword("axis") != nil else {
                        let norm = Value.scalar(m.frobeniusNorm())
                        _ = try c.keywordBool("keepdims")
                        return [norm]
                    }
                    // numpy: sqrt(np.sum(X * X, axis=..., keepdims=...)), in np.sum's order.
                    let squares = try c.kernel { () throws(MatrixError) in try m.map(.square) }
                    let sums = try c.interpreter.call(named: "np.sum", args: [squares], keywords: c.keywords, nargout: 1, at: c.range)
                    let total = try c.interpreter.numeric(sums[0], for: "np.linalg.norm", at: c.range)
                    return [try c.kernel { () throws(MatrixError) in try total.map(.sqrt) }]
                }),
        Builtin(name: "np.clip", help: "np.clip(X, low, high)\nEach element limited to low…high (NaN stays NaN).",
                example: "np.clip([-2 0.5 3], 0, 1)", arity: 3...3, body: { c throws(Diagnostic) in
                    let low = try c.scalar(1), high = try c.scalar(2)
                    var m = try c.takeMatrix(0)
                    m.isLogical = false
                    let n = m.count
                    m.withUnsafeMutableElements { p in
                        for i in 0..<n where !p[i].isNaN { p[i] = Swift.min(Swift.max(p[i], low), high) }
                    }
                    return [.matrix(m)]
                }),
        numpyReduction("np.var", "numpy's variance: the mean of the squared differences from the mean (ddof=0).",
                       "np.var([1 2 3 4])") { m, d throws(MatrixError) in try variance(m, dimension: d) },
        numpyReduction("np.std", "numpy's standard deviation: the square root of np.var (ddof=0).",
                       "np.std([1 2 3 4])") { m, d throws(MatrixError) in try variance(m, dimension: d).map(.sqrt) },
        numpyReduction("np.prod", "numpy's product: of all elements, or along axis=.", "np.prod([1 2; 3 4], axis=0)") { m, d throws(MatrixError) in
            try m.product(dimension: d)
        },
        numpyReduction("np.cumsum", "numpy's running sum: over all elements read row by row (a row), or along axis=.",
                       "np.cumsum([1 2; 3 4], axis=1)", keepsShape: true) { m, d throws(MatrixError) in try m.cumulativeSum(dimension: d) },
    ]

    /// numpy's reshape: the elements in C order, refilled row by row.
    static func rowMajorReshape(_ m: Matrix, _ rows: Int, _ cols: Int, _ c: BuiltinCall) throws(Diagnostic) -> Matrix {
        let flat = try c.interpreter.transposeMatrix(m, c.range).reshaped(rows: cols, cols: rows)
        return try c.interpreter.transposeMatrix(flat, c.range)
    }

    static func join(_ pieces: [Matrix], vertically: Bool, _ c: BuiltinCall) throws(Diagnostic) -> Matrix {
        let kept = pieces.filter { !$0.isEmpty }
        guard let first = kept.first else { return Matrix.empty() }
        let fits = kept.allSatisfy { vertically ? $0.cols == first.cols : $0.rows == first.rows }
        guard fits else {
            throw Diagnostic("`\(c.name)` needs the same number of \(vertically ? "columns" : "rows"): \(kept.map(\.shapeText).joined(separator: ", "))",
                             at: c.range)
        }
        let rows = vertically ? kept.reduce(0) { $0 + $1.rows } : first.rows
        let cols = vertically ? first.cols : kept.reduce(0) { $0 + $1.cols }
        var result = try c.allocate(rows, cols)
        var offset = 0
        for m in kept {
            for j in 0..<m.cols {
                for i in 0..<m.rows { result[vertically ? offset + i : i, vertically ? j : offset + j] = m[i, j] }
            }
            offset += vertically ? m.rows : m.cols
        }
        return result
    }

    static func argExtreme(_ c: inout BuiltinCall, isMax: Bool) throws(Diagnostic) -> [Value] {
        let m = try c.matrix(0)
        guard !m.isEmpty else { throw Diagnostic("`\(c.name)` of an empty array has no answer", at: c.range) }
        let better: (Double, Double) -> Bool = { x, best in !best.isNaN && (x.isNaN || (isMax ? x > best : x < best)) }
        let axisValue = c.args.count == 2 ? c.args[1] : c.keyword("axis")
        guard let axisValue, case .matrix(let a) = axisValue, a.count == 1 else {
            // Over all elements in row-major order; the first NaN wins, as numpy.
            let flat = try c.interpreter.transposeMatrix(m, c.range)
            var best = 0
            for i in 1..<flat.count where better(flat[i], flat[best]) { best = i }
            return [.scalar(Double(best))]
        }
        let axis = try c.integer(a.scalar < 0 ? a.scalar + 2 : a.scalar, what: "axis")
        guard axis <= 1 else { throw Diagnostic("axis \(axis) does not exist: a matrix has axes 0 and 1", at: c.range) }
        let (outer, inner) = axis == 0 ? (m.cols, m.rows) : (m.rows, m.cols)
        var result = try c.allocate(1, outer)
        for o in 0..<outer {
            let at = { (k: Int) in axis == 0 ? m[k, o] : m[o, k] }
            var best = 0
            for k in 1..<inner where better(at(k), at(best)) { best = k }
            result[o] = Double(best)
        }
        return [.matrix(result)]
    }

    /// The mean of squared deviations along a dimension, in numpy's order of operations.
    static func variance(_ m: Matrix, dimension: Int) throws(MatrixError) -> Matrix {
        let mean = try m.mean(dimension: dimension)
        let deviations = try Matrix.elementwise(.subtract, m, mean)
        let squares = try Matrix.elementwise(.multiply, deviations, deviations)
        return try squares.mean(dimension: dimension)
    }
}

extension Matrix {
    /// The element at (i, j) of this matrix broadcast to a larger shape.
    func broadcastElement(_ i: Int, _ j: Int) -> Double { self[rows == 1 ? 0 : i, cols == 1 ? 0 : j] }

    var shapeText: String { "\(rows)×\(cols)" }
}
