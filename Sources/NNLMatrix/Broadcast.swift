/// The shape of `a op b` under numpy/Octave broadcasting, or nil when the shapes do not agree.
/// Per dimension: equal sizes, or one side is 1 (so 0×3 with 1×1 is 0×3, as in Octave).
public func broadcastShape(_ a: Matrix, _ b: Matrix) -> (rows: Int, cols: Int)? {
    func size(_ x: Int, _ y: Int) -> Int? { x == y || y == 1 ? x : x == 1 ? y : nil }
    guard let rows = size(a.rows, b.rows), let cols = size(a.cols, b.cols) else { return nil }
    return (rows, cols)
}

extension RunLayout {
    /// The runs of a rows×cols result of a op b: one run over everything when each operand is
    /// whole or a scalar, else one run per column of the result.
    init(_ a: borrowing Matrix, _ b: borrowing Matrix, rows: Int, cols: Int) {
        let flat = (a.isScalar || (a.rows == rows && a.cols == cols)) && (b.isScalar || (b.rows == rows && b.cols == cols))
        self = flat ? RunLayout(length: rows * cols, runs: 1) : RunLayout(length: rows, runs: cols)
    }
}

/// How an operand is read along a layout's runs (a `Walk` without its base address, which
/// is known only inside the operand's `withUnsafeElements`).
struct WalkSteps {
    let step: Int, runStep: Int

    init(_ m: borrowing Matrix, _ layout: RunLayout) {
        step = layout.runs == 1 ? (m.isScalar ? 0 : 1) : (m.rows == layout.length ? 1 : 0)
        runStep = layout.runs == 1 || m.cols == 1 ? 0 : m.rows
    }

    func walk(_ base: UnsafePointer<Double>) -> Walk { Walk(base: base, step: step, runStep: runStep) }
}
