import Foundation

/// Element-wise binary operators; all broadcast (see `broadcastShape`).
public enum BinaryOp: Sendable, CaseIterable {
    case add, subtract, multiply, divide, power
    case equal, notEqual, less, lessEqual, greater, greaterEqual, and, or
    case maximum, minimum
}

extension Matrix {
    /// `a op b` element-wise with broadcasting. `a`'s storage is reused when nothing else shares
    /// it and it already has the result's shape, so `W = W - alpha*dW` allocates nothing.
    /// Comparisons and and/or give 0/1; `power` is C `pow` (NaN for a negative base and a
    /// non-integer exponent, like numpy); division follows IEEE (±Inf, NaN); maximum/minimum
    /// return the other operand when one is NaN (Octave's max(a, b)).
    public static func elementwise(_ op: BinaryOp, _ a: consuming Matrix, _ b: Matrix) throws(AllocationRefused) -> Matrix {
        guard let (rows, cols) = broadcastShape(a, b) else {
            preconditionFailure("elementwise: \(a.rows)×\(a.cols) and \(b.rows)×\(b.cols) do not broadcast")
        }
        // In place when nothing else shares a: each output element depends only on the same element of a.
        let inPlace = a.rows == rows && a.cols == cols && a.isUniquelyReferenced()
        let fresh = inPlace ? nil : try Matrix(uninitializedRows: rows, cols: cols)
        let target = fresh?.storage.pointer ?? a.storage.pointer
        let layout = RunLayout(a, b, rows: rows, cols: cols)
        op.run(layout, Walk(a, a.storage.pointer, layout), Walk(b, b.storage.pointer, layout), target)
        if let fresh { return fresh }
        return a
    }
}

extension BinaryOp {
    /// out = a op b over every run. Kept in this file with `loop` so that each operator gets its
    /// own specialised, vectorisable loops even in builds without whole-module optimisation.
    func run(_ n: RunLayout, _ a: Walk, _ b: Walk, _ out: UnsafeMutablePointer<Double>) {
        switch self {
        case .add: loop(n, a, b, out, +)
        case .subtract: loop(n, a, b, out, -)
        case .multiply: loop(n, a, b, out, *)
        case .divide: loop(n, a, b, out, /)
        case .power: loop(n, a, b, out, Foundation.pow)
        case .equal: loop(n, a, b, out) { $0 == $1 ? 1 : 0 }
        case .notEqual: loop(n, a, b, out) { $0 != $1 ? 1 : 0 }
        case .less: loop(n, a, b, out) { $0 < $1 ? 1 : 0 }
        case .lessEqual: loop(n, a, b, out) { $0 <= $1 ? 1 : 0 }
        case .greater: loop(n, a, b, out) { $0 > $1 ? 1 : 0 }
        case .greaterEqual: loop(n, a, b, out) { $0 >= $1 ? 1 : 0 }
        case .and: loop(n, a, b, out) { $0 != 0 && $1 != 0 ? 1 : 0 }
        case .or: loop(n, a, b, out) { $0 != 0 || $1 != 0 ? 1 : 0 }
        case .maximum: loop(n, a, b, out) { $0.isNaN ? $1 : $0 < $1 ? $1 : $0 }
        case .minimum: loop(n, a, b, out) { $0.isNaN ? $1 : $1 < $0 ? $1 : $0 }
        }
    }
}

/// out[i] = f(a[i], b[i]) run by run, with one loop per kind of operand walk.
@inline(__always)
private func loop(_ n: RunLayout, _ a: Walk, _ b: Walk, _ out: UnsafeMutablePointer<Double>,
                  _ f: (Double, Double) -> Double) {
    for r in 0..<n.runs {
        let p = a.base + r * a.runStep, q = b.base + r * b.runStep, o = out + r * n.length
        switch (a.step, b.step) {
        case (1, 1): for i in 0..<n.length { o[i] = f(p[i], q[i]) }
        case (1, _): let y = q[0]; for i in 0..<n.length { o[i] = f(p[i], y) }
        case (_, 1): let x = p[0]; for i in 0..<n.length { o[i] = f(x, q[i]) }
        default: o.update(repeating: f(p[0], q[0]), count: n.length)
        }
    }
}
