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
        var out: Matrix
        if a.rows == rows, a.cols == cols, a.isUniquelyReferenced() {
            out = a  // in place: each output element depends only on the same element of a
        } else {
            out = try Matrix(uninitializedRows: rows, cols: cols)
        }
        let target = out.storage.pointer
        switch op {
        case .add: broadcast(a, b, into: target, rows: rows, cols: cols, +)
        case .subtract: broadcast(a, b, into: target, rows: rows, cols: cols, -)
        case .multiply: broadcast(a, b, into: target, rows: rows, cols: cols, *)
        case .divide: broadcast(a, b, into: target, rows: rows, cols: cols, /)
        case .power: broadcast(a, b, into: target, rows: rows, cols: cols, Foundation.pow)
        case .equal: broadcast(a, b, into: target, rows: rows, cols: cols) { $0 == $1 ? 1 : 0 }
        case .notEqual: broadcast(a, b, into: target, rows: rows, cols: cols) { $0 != $1 ? 1 : 0 }
        case .less: broadcast(a, b, into: target, rows: rows, cols: cols) { $0 < $1 ? 1 : 0 }
        case .lessEqual: broadcast(a, b, into: target, rows: rows, cols: cols) { $0 <= $1 ? 1 : 0 }
        case .greater: broadcast(a, b, into: target, rows: rows, cols: cols) { $0 > $1 ? 1 : 0 }
        case .greaterEqual: broadcast(a, b, into: target, rows: rows, cols: cols) { $0 >= $1 ? 1 : 0 }
        case .and: broadcast(a, b, into: target, rows: rows, cols: cols) { $0 != 0 && $1 != 0 ? 1 : 0 }
        case .or: broadcast(a, b, into: target, rows: rows, cols: cols) { $0 != 0 || $1 != 0 ? 1 : 0 }
        case .maximum: broadcast(a, b, into: target, rows: rows, cols: cols) { $0.isNaN ? $1 : $0 < $1 ? $1 : $0 }
        case .minimum: broadcast(a, b, into: target, rows: rows, cols: cols) { $0.isNaN ? $1 : $1 < $0 ? $1 : $0 }
        }
        return out
    }
}
