// Micro-benchmark of the NNLMatrix kernels, compiled together with Sources/NNLMatrix by run.sh
// (whole-module, -O, -target-cpu native: what `swift build -c release` does for the target).
import Foundation

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

func random(_ rows: Int, _ cols: Int, in range: ClosedRange<Double> = -1...1) -> Matrix {
    Matrix(rows: rows, cols: cols, columnMajor: (0..<rows * cols).map { _ in .random(in: range) })
}

let n = 1_000_000
let x = random(1, n, in: -5...5)
let positive = try! x.map(.abs)
let glibc: [UnaryOp: (Double) -> Double] = [.tanh: Foundation.tanh, .exp: Foundation.exp, .log: Foundation.log]
for op in [UnaryOp.tanh, .exp, .log, .sigmoid] {
    let source = op == .log ? positive : x
    var target = try! Matrix(rows: 1, cols: n, repeating: 0)
    let ours = bestNanoseconds(30) { source.withUnsafeElements { s in target.withUnsafeMutableElements { t in t.update(from: s, count: n) } }; target.formMap(op) }
    let copy = bestNanoseconds(30) { source.withUnsafeElements { s in target.withUnsafeMutableElements { t in t.update(from: s, count: n) } } }
    var line = String(format: "%@: %.2f ns/element", "\(op)", (ours - copy) / Double(n))
    if let f = glibc[op] {
        let scalar = bestNanoseconds(5) { source.withUnsafeElements { s in target.withUnsafeMutableElements { t in for i in 0..<n { t[i] = f(s[i]) } } } }
        line += String(format: " (glibc scalar loop %.2f)", scalar / Double(n))
    }
    print(line)
}

let (a, b) = (random(128, 784), random(784, 1000))
let product = bestNanoseconds(10) { _ = try! Matrix.product(a, b) }
print(String(format: "product 128×784·784×1000: %.1f GFLOP/s", 2.0 * 128 * 784 * 1000 / product))

let (w1, input, b1) = (random(4, 2), random(2, 400), random(4, 1))
let z1 = try! Matrix.product(w1, input)
let times = [
    bestNanoseconds(2000) { _ = try! Matrix.product(w1, input) },
    bestNanoseconds(2000) { _ = try! Matrix.elementwise(.add, z1, b1) },
    bestNanoseconds(2000) { _ = try! z1.map(.tanh) },
    bestNanoseconds(2000) { _ = try! z1.sum(dimension: 2) },
].map { $0 / 1000 }
print(String(format: "course shapes: W1*X %.2f µs, +b1 %.2f µs, tanh 4×400 %.2f µs, sum(Z, 2) %.2f µs",
             times[0], times[1], times[2], times[3]))
