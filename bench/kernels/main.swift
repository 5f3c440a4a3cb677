// Micro-benchmark of one kernel level, compiled by run.sh together with that level's sources
// (whole-module, -O, the level's instruction-set flags: what `swift build -c release` does for
// the level's target). Times the kernels alone on buffers, without the interpreter or allocation.
import Foundation
import KernelInterface

/// Best wall-clock nanoseconds of `reps` runs (the best filters out other processes' noise).
func bestNanoseconds(_ reps: Int, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<reps {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start))
    }
    return best
}

func random(_ count: Int, in range: ClosedRange<Double> = -1...1) -> UnsafeMutablePointer<Double> {
    let p = UnsafeMutablePointer<Double>.allocate(capacity: count)
    for i in 0..<count { p[i] = .random(in: range) }
    return p
}

let K = LevelKernels.self
print("level \(K.level.rawValue)")
let n = 1_000_000
let x = random(n, in: -5...5), positive = random(n, in: 0.01...10), target = random(n)
let glibc: [UnaryOp: (Double) -> Double] = [.tanh: Foundation.tanh, .exp: Foundation.exp, .log: Foundation.log]
for op in [UnaryOp.tanh, .exp, .log, .sigmoid] {
    let source = op == .log ? positive : x
    let ours = bestNanoseconds(30) { K.unary(op, source, target, n) }
    var line = String(format: "%@: %.2f ns/element", "\(op)", ours / Double(n))
    if let f = glibc[op] {
        let scalar = bestNanoseconds(5) { for i in 0..<n { target[i] = f(source[i]) } }
        line += String(format: " (glibc scalar loop %.2f)", scalar / Double(n))
    }
    print(line)
}

let (a, b, c) = (random(128 * 784), random(784 * 1000), random(128 * 1000))
let product = bestNanoseconds(10) { K.product(a, Factor(b, rowStride: 1, columnStride: 784), c, m: 128, k: 784, n: 1000) }
print(String(format: "product 128×784·784×1000: %.1f GFLOP/s", 2.0 * 128 * 784 * 1000 / product))

let (w1, input, b1, z1) = (random(8), random(800), random(4), random(1600))
let times = [
    bestNanoseconds(2000) { K.product(w1, Factor(input, rowStride: 1, columnStride: 2), z1, m: 4, k: 2, n: 400) },
    bestNanoseconds(2000) {
        K.binary(.add, RunLayout(length: 4, runs: 400), Walk(base: z1, step: 1, runStep: 4), Walk(base: b1, step: 1, runStep: 0), target)
    },
    bestNanoseconds(2000) { K.unary(.tanh, z1, target, 1600) },
].map { $0 / 1000 }
print(String(format: "course shapes: W1*X %.2f µs, +b1 %.2f µs, tanh 4×400 %.2f µs", times[0], times[1], times[2]))

// The products whose order follows numpy's BLAS (issue 23): W2*A1 (a row times 4×400), dZ1*X'
// (k = 400 in two blocks), 20×30·30×50 (one chain), 2×2·2×2.
let (w2, a1, dz1, xs) = (random(4), random(1600), random(1600), random(800))
let (p20, p30, pc) = (random(600), random(1500), random(1000))
let orderTimes = [
    bestNanoseconds(2000) { K.product(w2, Factor(a1, rowStride: 1, columnStride: 4), target, m: 1, k: 4, n: 400) },
    bestNanoseconds(2000) { K.product(dz1, Factor(xs, rowStride: 2, columnStride: 1), target, m: 4, k: 400, n: 2) },
    bestNanoseconds(2000) { K.product(p20, Factor(p30, rowStride: 1, columnStride: 30), pc, m: 20, k: 30, n: 50) },
    bestNanoseconds(2000) { K.product(w1, Factor(input, rowStride: 1, columnStride: 2), z1, m: 2, k: 2, n: 2) },
    bestNanoseconds(2000) { K.product(xs, Factor(a1, rowStride: 4, columnStride: 1), target, m: 1, k: 400, n: 4) },
].map { $0 / 1000 }
print(String(format: "numpy-order products: W2*A1 %.2f µs, dZ1*X' %.2f µs, 20×30·30×50 %.2f µs, 2×2·2×2 %.3f µs, dZ2*A1' %.2f µs",
             orderTimes[0], orderTimes[1], orderTimes[2], orderTimes[3], orderTimes[4]))
