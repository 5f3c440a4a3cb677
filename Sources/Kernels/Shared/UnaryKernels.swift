import Foundation
import KernelInterface

/// dst[i] = op(src[i]); dst may be src.
func apply(_ op: UnaryOp, _ src: UnsafePointer<Double>, _ dst: UnsafeMutablePointer<Double>, _ n: Int) {
    switch op {
    case .exp: forEachLanes(Exp.self, src, dst, n)
    case .log: forEachLanes(Log.self, src, dst, n)
    case .tanh: forEachLanes(Tanh.self, src, dst, n)
    case .sigmoid: forEachLanes(Sigmoid.self, src, dst, n)
    case .sigmoidGrad: forEachLanes(SigmoidGrad.self, src, dst, n)
    case .tanhGrad: forEachLanes(TanhGrad.self, src, dst, n)
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

/// Notes negatives and zeros among src[0..<n] in `signs`: lane masks or-ed together, no branch
/// per element (a branching test cost as much as `log` itself).
func notice(_ signs: inout Signs, _ src: UnsafePointer<Double>, _ n: Int) {
    let zero = Lanes(repeating: 0)
    var negatives = zero .< zero, zeros = negatives
    let from = UnsafeRawPointer(src)
    var i = 0
    while i + Lanes.scalarCount <= n {
        let x = from.loadUnaligned(fromByteOffset: i * MemoryLayout<Double>.stride, as: Lanes.self)
        negatives .|= x .< zero
        zeros .|= x .== zero
        i += Lanes.scalarCount
    }
    let rest = UnsafeBufferPointer(start: src + i, count: n - i)
    signs.negative = signs.negative || any(negatives) || rest.contains { $0 < 0 }
    signs.zero = signs.zero || any(zeros) || rest.contains(0)
}

/// A scalar loop the compiler can vectorise itself.
@inline(__always)
private func forEach(_ src: UnsafePointer<Double>, _ dst: UnsafeMutablePointer<Double>, _ n: Int,
                     _ f: (Double) -> Double) {
    for i in 0..<n { dst[i] = f(src[i]) }
}

/// A function of SIMD lanes, as a type: each gets its own specialised `forEachLanes`, with the
/// kernel inlined into the loop. (Written as closures inside `apply`, the kernels made `apply` so
/// large that the inliner stopped and called tanh once per group of four.)
protocol LaneFunction { static func callAsFunction(_ x: Lanes) -> Lanes }

private enum Exp: LaneFunction { @inline(__always) static func callAsFunction(_ x: Lanes) -> Lanes { Transcendental.exp(x) } }
private enum Log: LaneFunction { @inline(__always) static func callAsFunction(_ x: Lanes) -> Lanes { Transcendental.log(x) } }
private enum Tanh: LaneFunction { @inline(__always) static func callAsFunction(_ x: Lanes) -> Lanes { Transcendental.tanh(x) } }
private enum Sigmoid: LaneFunction { @inline(__always) static func callAsFunction(_ x: Lanes) -> Lanes { Transcendental.sigmoid(x) } }
private enum SigmoidGrad: LaneFunction {
    @inline(__always) static func callAsFunction(_ x: Lanes) -> Lanes { let s = Transcendental.sigmoid(x); return s * (1 - s) }
}
private enum TanhGrad: LaneFunction {
    @inline(__always) static func callAsFunction(_ x: Lanes) -> Lanes { let t = Transcendental.tanh(x); return 1 - t * t }
}

/// A loop over SIMD lanes; the last partial group is padded with zeros and written back in part.
/// One call site of the kernel (not one for the loop and one for the tail), so that it is inlined once.
@inline(never)
func forEachLanes<F: LaneFunction>(_ f: F.Type, _ src: UnsafePointer<Double>, _ dst: UnsafeMutablePointer<Double>, _ n: Int) {
    let width = Lanes.scalarCount
    let from = UnsafeRawPointer(src), to = UnsafeMutableRawPointer(dst)
    var i = 0
    while i < n {
        let offset = i * MemoryLayout<Double>.stride
        let whole = i + width <= n
        var x = Lanes(repeating: 0)
        if whole { x = from.loadUnaligned(fromByteOffset: offset, as: Lanes.self) } else { for j in i..<n { x[j - i] = src[j] } }
        let y = F.callAsFunction(x)
        if whole { to.storeBytes(of: y, toByteOffset: offset, as: Lanes.self) } else { for j in i..<n { dst[j] = y[j - i] } }
        i += width
    }
}
