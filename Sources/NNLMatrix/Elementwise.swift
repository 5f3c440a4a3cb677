import Foundation

/// Element-wise binary operators; all broadcast (see `broadcastShape`).
public enum BinaryOp: Sendable, CaseIterable {
    case add, subtract, multiply, divide, power
    case equal, notEqual, less, lessEqual, greater, greaterEqual, and, or
    case maximum, minimum
}

extension Matrix {
    /// `a op b` element-wise with broadcasting. The result is written over an operand's storage
    /// when nothing else shares it and it already has the result's shape (`a` first, then `b`),
    /// so `W = W - alpha*dW` and `1 - A.^2` allocate nothing for the outer operation.
    /// Comparisons and and/or give 0/1; `power` is C `pow` (NaN for a negative base and a
    /// non-integer exponent, like numpy) except that `x.^2` is `x*x`, as numpy computes `x**2`
    /// (exact, and a multiply instead of a `pow` call); division follows IEEE (±Inf, NaN);
    /// maximum/minimum return the other operand when one is NaN (Octave's max(a, b)).
    public static func elementwise(_ op: BinaryOp, _ a: consuming Matrix, _ b: consuming Matrix) throws(AllocationRefused) -> Matrix {
        var result = a
        try formElementwise(op, &result, b)
        return result
    }

    /// `a = a op b`, writing over `a`'s (or a temporary `b`'s) storage when possible; see
    /// `elementwise`. When it throws (the allocation was refused), `a` is unchanged.
    public static func formElementwise(_ op: BinaryOp, _ a: inout Matrix, _ b: consuming Matrix) throws(AllocationRefused) {
        guard let (rows, cols) = broadcastShape(a, b) else {
            preconditionFailure("elementwise: \(a.rows)×\(a.cols) and \(b.rows)×\(b.cols) do not broadcast")
        }
        let layout = RunLayout(a, b, rows: rows, cols: cols)
        let x = Walk(a, a.storage.pointer, layout), y = Walk(b, b.storage.pointer, layout)
        let squaring = op == .power && b.isScalar && b.scalar == 2
        func run(into out: UnsafeMutablePointer<Double>) {
            if squaring { BinaryOp.multiply.run(layout, x, x, out) } else { op.run(layout, x, y, out) }
        }
        // Each output element depends only on the same element of a same-shaped operand, so
        // overwriting that operand as the loop goes is safe.
        if a.rows == rows && a.cols == cols && a.isUniquelyReferenced() {
            run(into: a.storage.pointer)
            a.isLogical = false
        } else if b.rows == rows && b.cols == cols && b.isUniquelyReferenced() {
            run(into: b.storage.pointer)
            b.isLogical = false
            a = b
        } else {
            let fresh = try Matrix(uninitializedRows: rows, cols: cols)
            run(into: fresh.storage.pointer)
            a = fresh
        }
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
///
/// The loops work in explicit four-lane chunks instead of leaving vectorisation to the compiler:
/// the output is usually an operand's own storage (in-place updates), and the compiler's
/// vectorised loops then failed their overlap check and ran scalar code. Loading a chunk before
/// storing it is safe, since each output element depends only on the same element of a
/// same-shaped operand. Short runs (`Z1 + b1`: a 4×1 column over 4×400) are whole chunks too.
@inline(__always)
private func loop(_ n: RunLayout, _ a: Walk, _ b: Walk, _ out: UnsafeMutablePointer<Double>,
                  _ f: (Double, Double) -> Double) {
    for r in 0..<n.runs {
        let p = a.base + r &* a.runStep, q = b.base + r &* b.runStep, o = out + r &* n.length
        // Steps as literals, so that each case gets its own loop.
        switch (a.step, b.step) {
        case (1, 1): chunks(o, n.length, p, 1, q, 1, f)
        case (1, _): chunks(o, n.length, p, 1, q, 0, f)
        case (_, 1): chunks(o, n.length, p, 0, q, 1, f)
        default: o.update(repeating: f(p[0], q[0]), count: n.length)
        }
    }
}

/// o[i] = f(x[i·xStep], y[i·yStep]) for i < count; a step is 1 (walk) or 0 (repeat one value).
@inline(__always)
private func chunks(_ o: UnsafeMutablePointer<Double>, _ count: Int, _ x: UnsafePointer<Double>, _ xStep: Int,
                    _ y: UnsafePointer<Double>, _ yStep: Int, _ f: (Double, Double) -> Double) {
    @inline(__always) func lanes(_ s: UnsafePointer<Double>, _ step: Int, _ i: Int) -> Lanes {
        step == 0 ? Lanes(repeating: s[0]) : UnsafeRawPointer(s + i).loadUnaligned(as: Lanes.self)
    }
    let width = Lanes.scalarCount
    var i = 0
    while i &+ width <= count {
        let u = lanes(x, xStep, i), v = lanes(y, yStep, i)
        var z = Lanes()
        for l in 0..<width { z[l] = f(u[l], v[l]) }
        UnsafeMutableRawPointer(o + i).storeBytes(of: z, as: Lanes.self)
        i &+= width
    }
    while i < count { o[i] = f(x[i &* xStep], y[i &* yStep]); i &+= 1 }
}
