import Foundation
import KernelInterface

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
