import NNLMatrix

/// One subscript of `X(i, j)`: a lone `:` or an evaluated value (numbers or a logical mask).
enum IndexArgument {
    case all
    case values(Value, SourceRange)
}

/// Reading `X(...)`: 1-based, linear or by row and column, with `:` and logical masks.
extension Interpreter {
    func index(_ value: Value, _ indices: [IndexArgument], name: String?,
               at range: SourceRange) throws(Diagnostic) -> Value {
        let label = name ?? "the value"
        switch value {
        case .matrix(let m):
            return .matrix(try index(m, indices, label: label, at: range))
        case .string(let s):
            let codes = Matrix(row: s.unicodeScalars.map { Double($0.value) })
            let picked = try index(codes, indices, label: label, at: range)
            return .string(text(fromCodes: picked))
        case .structure, .function:
            var everyIndexIsOne = true
            for case .values(let v, let r) in indices {
                let picked = try positions(v, extent: 1, label: label, dimension: "", at: r)
                everyIndexIsOne = everyIndexIsOne && picked == [0]
            }
            if everyIndexIsOne { return value }
            throw Diagnostic("a \(value.className) cannot be indexed like a matrix", at: range)
        }
    }

    func index(_ m: Matrix, _ indices: [IndexArgument], label: String, at range: SourceRange) throws(Diagnostic) -> Matrix {
        switch indices.count {
        case 0:
            return m
        case 1:
            return try linearIndex(m, indices[0], label: label, at: range)
        default:
            try checkTrailingOnes(indices, label: label)
            let rows = try positions(indices[0], extent: m.rows, label: label, dimension: "rows")
            let cols = try positions(indices[1], extent: m.cols, label: label, dimension: "columns")
            var result = try allocate(rows: rows.count, cols: cols.count, at: range)
            result.withUnsafeMutableElements { out in
                m.withUnsafeElements { p in
                    for (j, c) in cols.enumerated() {
                        for (i, r) in rows.enumerated() { out[j * rows.count + i] = p[c * m.rows + r] }
                    }
                }
            }
            result.isLogical = m.isLogical
            return result
        }
    }

    /// `X(k)`, `X(:)`, `X(i, j)`, `X(:, j)`, `X(i, :)` where each subscript is `:` or one whole
    /// number in range: the block it picks, copied directly (no position arrays). Nil for any
    /// other subscript, which `index` reads and explains.
    func pick(_ m: Matrix, _ first: IndexArgument, _ second: IndexArgument?, at range: SourceRange) throws(Diagnostic) -> Matrix? {
        // X(k) reads X as one column of all its elements.
        let height = second == nil ? m.count : m.rows
        guard let rows = span(first, extent: height) else { return nil }
        var cols = 0..<1
        if let second {
            guard let picked = span(second, extent: m.cols) else { return nil }
            cols = picked
        }
        var result = try allocate(rows: rows.count, cols: cols.count, at: range)
        result.withUnsafeMutableElements { out in
            m.withUnsafeElements { p in
                for (j, c) in cols.enumerated() {
                    (out + j * rows.count).update(from: p + c * height + rows.lowerBound, count: rows.count)
                }
            }
        }
        result.isLogical = m.isLogical
        return result
    }

    /// The positions a subscript picks when it is `:` or one valid whole number; nil otherwise.
    private func span(_ index: IndexArgument, extent: Int) -> Range<Int>? {
        switch index {
        case .all:
            return 0..<extent
        case .values(.matrix(let s), _) where s.count == 1 && !s.isLogical:
            let x = s.scalar
            guard x >= 1, x <= Double(extent), x == x.rounded() else { return nil }  // NaN fails too
            return Int(x) - 1 ..< Int(x)
        default:
            return nil
        }
    }

    private func linearIndex(_ m: Matrix, _ index: IndexArgument, label: String, at range: SourceRange) throws(Diagnostic) -> Matrix {
        let picked = try positions(index, extent: m.count, label: label, dimension: "elements")
        var (rows, cols) = (picked.count, 1)
        if case .values(.matrix(let idx), _) = index {
            (rows, cols) = linearIndexShape(of: m, idx, count: picked.count)
        }
        var result = try allocate(rows: rows, cols: cols, at: range)
        result.withUnsafeMutableElements { out in
            m.withUnsafeElements { p in for (i, k) in picked.enumerated() { out[i] = p[k] } }
        }
        result.isLogical = m.isLogical
        return result
    }

    /// Octave's shape of X(idx): a vector (not a scalar) indexed by a vector keeps its
    /// orientation; otherwise the index's shape, where a mask counts as a row if it is one, a
    /// column if it is a column or a matrix, and k×k if it is 1×1.
    private func linearIndexShape(of m: Matrix, _ idx: Matrix, count k: Int) -> (Int, Int) {
        var shape = (idx.rows, idx.cols)
        if idx.isLogical {
            shape = idx.rows == 1 && idx.cols == 1 ? (k, k) : idx.rows == 1 ? (1, k) : (k, 1)
        }
        if m.count != 1, m.isVector, shape.0 == 1 || shape.1 == 1 {
            return m.rows == 1 ? (1, k) : (k, 1)
        }
        return shape
    }

    /// `X(i, j, 1, 1)` is allowed: dimensions past the second have extent 1.
    func checkTrailingOnes(_ indices: [IndexArgument], label: String) throws(Diagnostic) {
        for index in indices.dropFirst(2) {
            guard case .values(let v, let r) = index else { continue }
            guard try positions(v, extent: 1, label: label, dimension: "", at: r).allSatisfy({ $0 == 0 }) else {
                throw Diagnostic("\(label) has only two dimensions", at: r)
            }
        }
    }

    /// 0-based positions an index selects, checked against `extent`.
    func positions(_ index: IndexArgument, extent: Int, label: String, dimension: String) throws(Diagnostic) -> [Int] {
        switch index {
        case .all: return Array(0..<extent)
        case .values(let v, let range): return try positions(v, extent: extent, label: label, dimension: dimension, at: range)
        }
    }

    private func positions(_ v: Value, extent: Int, label: String, dimension: String,
                           at range: SourceRange) throws(Diagnostic) -> [Int] {
        guard case .matrix(let m) = v else {
            if case .string(":") = v { return Array(0..<extent) }
            throw Diagnostic("an index must be numbers or a logical mask, not a \(v.className)", at: range)
        }
        if m.isLogical {
            var result: [Int] = []
            for i in 0..<m.count where m[i] != 0 {
                guard i < extent else { throw outOfBounds(i + 1, extent, label, dimension, at: range) }
                result.append(i)
            }
            return result
        }
        var result: [Int] = []
        result.reserveCapacity(m.count)
        for i in 0..<m.count {
            let x = m[i]
            guard x == x.rounded(), x >= 1, x < 1e15 else {
                throw Diagnostic.fixable(x.isNaN ? "NaN cannot be an index" : (x == x.rounded() ? "index \(formatNumberForMessage(x)) is not valid: indices start at 1" : "index \(formatNumberForMessage(x)) is not a whole number"),
                                         at: range, hint: x == 0 ? "nnl counts like Octave, from 1" : nil)
            }
            guard Int(x) <= extent else { throw outOfBounds(Int(x), extent, label, dimension, at: range) }
            result.append(Int(x) - 1)
        }
        return result
    }

    private func outOfBounds(_ i: Int, _ extent: Int, _ label: String, _ dimension: String,
                             at range: SourceRange) -> Diagnostic {
        let span = extent == 0 ? "it is empty" : "its \(dimension.isEmpty ? "indices" : dimension) go 1…\(extent)"
        return Diagnostic("index \(i) is out of bounds for \(label): \(span)", at: range)
    }
}
