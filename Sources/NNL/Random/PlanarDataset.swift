#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNLMatrix

/// The course's "flower" data set (`load_planar_dataset` of the deeplearning.ai notebook),
/// built with the same draws and operations so every bit matches numpy:
/// X is 2×400 (one column per example), Y is 1×400 with labels 0 then 1.
public func planarDataset() -> (X: Matrix, Y: Matrix) {
    var rng = NumpyRandom(seed: 1)
    let perClass = 200, a = 4.0
    var x = [Double](repeating: 0, count: 2 * 2 * perClass)
    var y = [Double](repeating: 0, count: 2 * perClass)
    for j in 0..<2 {
        let t0 = numpyLinspace(Double(j) * 3.12, Double(j + 1) * 3.12, perClass)
        let t = t0.map { $0 + rng.nextGaussian() * 0.2 }
        let r = t.map { a * sin(4.0 * $0) + rng.nextGaussian() * 0.2 }
        for i in 0..<perClass {
            let k = j * perClass + i
            x[2 * k] = r[i] * sin(t[i])
            x[2 * k + 1] = r[i] * cos(t[i])
            y[k] = Double(j)
        }
    }
    return (Matrix(rows: 2, cols: 2 * perClass, columnMajor: x), Matrix(row: y))
}

/// numpy's `linspace(start, stop, n)`: `start + i*step`, the last point exactly `stop`.
func numpyLinspace(_ start: Double, _ stop: Double, _ n: Int) -> [Double] {
    guard n > 1 else { return n == 1 ? [start] : [] }
    let step = (stop - start) / Double(n - 1)
    var v = (0..<n).map { Double($0) * step + start }
    v[n - 1] = stop
    return v
}
