import Foundation

/// Element-wise functions of one matrix; the activations and their derivatives are the course's.
public enum UnaryOp: Sendable, CaseIterable {
    case negate, not, abs, sqrt, exp, log, log2, log10, tanh, sigmoid, relu, leakyRelu, sign
    case round, floor, ceil, fix, sin, cos
    case sigmoidGrad, tanhGrad, reluGrad, leakyReluGrad
    case isnan, isinf, isfinite, square
}

extension Matrix {
    /// `op` applied to every element, into a new matrix.
    public func map(_ op: UnaryOp) throws(AllocationRefused) -> Matrix {
        let out = try Matrix(uninitializedRows: rows, cols: cols)
        withUnsafeElements { apply(op, $0, out.storage.pointer, count) }
        return out
    }

    /// `op` applied to every element, over `m`'s own storage when nothing else shares it
    /// (`sigmoid(W2*A1 + b2)` maps the temporary sum in place).
    public static func map(_ op: UnaryOp, _ m: consuming Matrix) throws(AllocationRefused) -> Matrix {
        guard m.isUniquelyReferenced() else { return try m.map(op) }
        m.formMap(op)
        m.isLogical = false
        return m
    }

    /// `op` applied to every element in place (copying first only if the storage is shared).
    public mutating func formMap(_ op: UnaryOp) {
        let n = count
        withUnsafeMutableElements { apply(op, $0, $0, n) }
    }
}

/// dst[i] = op(src[i]); dst may be src.
private func apply(_ op: UnaryOp, _ src: UnsafePointer<Double>, _ dst: UnsafeMutablePointer<Double>, _ n: Int) {
    switch op {
    case .exp: forEachLanes(src, dst, n) { Transcendental.exp($0) }
    case .log: forEachLanes(src, dst, n) { Transcendental.log($0) }
    case .tanh: forEachLanes(src, dst, n) { Transcendental.tanh($0) }
    case .sigmoid: forEachLanes(src, dst, n) { Transcendental.sigmoid($0) }
    case .sigmoidGrad: forEachLanes(src, dst, n) { let s = Transcendental.sigmoid($0); return s * (1 - s) }
    case .tanhGrad: forEachLanes(src, dst, n) { let t = Transcendental.tanh($0); return 1 - t * t }
    case .negate: forEach(src, dst, n) { -$0 }
    case .not: forEach(src, dst, n) { $0 == 0 ? 1 : 0 }
    case .abs: forEach(src, dst, n) { Swift.abs($0) }
    case .sqrt: forEach(src, dst, n) { $0.squareRoot() }
    case .square: forEach(src, dst, n) { $0 * $0 }
    case .log2: forEach(src, dst, n, Foundation.log2)
    case .log10: forEach(src, dst, n, Foundation.log10)
    case .sin: forEach(src, dst, n, Foundation.sin)
    case .cos: forEach(src, dst, n, Foundation.cos)
    case .relu: forEach(src, dst, n) { $0 > 0 || $0.isNaN ? $0 : 0 }  // numpy's maximum(0, z): +0 for -0
    case .leakyRelu: forEach(src, dst, n) { $0 > 0 ? $0 : 0.01 * $0 }
    case .reluGrad: forEach(src, dst, n) { $0 > 0 ? 1 : 0 }
    case .leakyReluGrad: forEach(src, dst, n) { $0 > 0 ? 1 : 0.01 }
    case .sign: forEach(src, dst, n) { $0 > 0 ? 1 : $0 < 0 ? -1 : $0.isNaN ? $0 : 0 }
    case .round: forEach(src, dst, n) { $0.rounded(.toNearestOrAwayFromZero) }
    case .floor: forEach(src, dst, n) { $0.rounded(.down) }
    case .ceil: forEach(src, dst, n) { $0.rounded(.up) }
    case .fix: forEach(src, dst, n) { $0.rounded(.towardZero) }
    case .isnan: forEach(src, dst, n) { $0.isNaN ? 1 : 0 }
    case .isinf: forEach(src, dst, n) { $0.isInfinite ? 1 : 0 }
    case .isfinite: forEach(src, dst, n) { $0.isFinite ? 1 : 0 }
    }
}

/// A scalar loop the compiler can vectorise itself.
@inline(__always)
private func forEach(_ src: UnsafePointer<Double>, _ dst: UnsafeMutablePointer<Double>, _ n: Int,
                     _ f: (Double) -> Double) {
    for i in 0..<n { dst[i] = f(src[i]) }
}

/// A loop over SIMD lanes; the last partial group is padded with zeros and written back in part.
@inline(__always)
func forEachLanes(_ src: UnsafePointer<Double>, _ dst: UnsafeMutablePointer<Double>, _ n: Int,
                  _ f: (Lanes) -> Lanes) {
    let width = Lanes.scalarCount
    let from = UnsafeRawPointer(src), to = UnsafeMutableRawPointer(dst)
    var i = 0
    while i + width <= n {
        let offset = i * MemoryLayout<Double>.stride
        to.storeBytes(of: f(from.loadUnaligned(fromByteOffset: offset, as: Lanes.self)), toByteOffset: offset, as: Lanes.self)
        i += width
    }
    guard i < n else { return }
    var tail = Lanes(repeating: 0)
    for j in i..<n { tail[j - i] = src[j] }
    let result = f(tail)
    for j in i..<n { dst[j] = result[j - i] }
}
