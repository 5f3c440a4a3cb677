/// The shape of `a op b` under numpy/Octave broadcasting, or nil when the shapes do not agree.
/// Per dimension: equal sizes, or one side is 1 (so 0×3 with 1×1 is 0×3, as in Octave).
public func broadcastShape(_ a: Matrix, _ b: Matrix) -> (rows: Int, cols: Int)? {
    func size(_ x: Int, _ y: Int) -> Int? { x == y || y == 1 ? x : x == 1 ? y : nil }
    guard let rows = size(a.rows, b.rows), let cols = size(a.cols, b.cols) else { return nil }
    return (rows, cols)
}

/// One operand of a broadcast loop over a run of output elements: either it walks along
/// with the output, or it stays on one value (a scalar, or a row vector within a column).
enum Operand {
    case run(UnsafePointer<Double>)
    case constant(Double)

    /// The operand for output column `column` of a `rows`-tall result.
    static func column(_ column: Int, of m: Matrix, rows: Int, base: UnsafePointer<Double>) -> Operand {
        let start = m.cols == 1 ? 0 : column * m.rows
        return m.rows == rows ? .run(base + start) : .constant(base[start])
    }
}

/// out[i] = f(a[i], b[i]) for i in 0..<n, with one specialised loop per operand kind.
@inline(__always)
func broadcastRun(_ n: Int, _ a: Operand, _ b: Operand, _ out: UnsafeMutablePointer<Double>,
                  _ f: (Double, Double) -> Double) {
    switch (a, b) {
    case let (.run(p), .run(q)): for i in 0..<n { out[i] = f(p[i], q[i]) }
    case let (.run(p), .constant(y)): for i in 0..<n { out[i] = f(p[i], y) }
    case let (.constant(x), .run(q)): for i in 0..<n { out[i] = f(x, q[i]) }
    case let (.constant(x), .constant(y)): out.update(repeating: f(x, y), count: n)
    }
}

/// Writes f over the broadcast of `a` and `b` into `out` (shape rows×cols, already allocated).
@inline(__always)
func broadcast(_ a: Matrix, _ b: Matrix, into out: UnsafeMutablePointer<Double>, rows: Int, cols: Int,
               _ f: (Double, Double) -> Double) {
    a.withUnsafeElements { pa in
        b.withUnsafeElements { pb in
            // Same shape or a scalar: one flat loop over every element.
            let aWhole = a.count == rows * cols, bWhole = b.count == rows * cols
            if (aWhole || a.isScalar) && (bWhole || b.isScalar) {
                let x: Operand = aWhole ? .run(pa) : .constant(pa[0])
                let y: Operand = bWhole ? .run(pb) : .constant(pb[0])
                broadcastRun(rows * cols, x, y, out, f)
                return
            }
            // A column or row vector against a matrix: one loop per output column.
            for j in 0..<cols {
                broadcastRun(rows, .column(j, of: a, rows: rows, base: pa), .column(j, of: b, rows: rows, base: pb),
                             out + j * rows, f)
            }
        }
    }
}
