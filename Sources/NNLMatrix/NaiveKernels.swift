// TEMPORARY: plain-loop versions of the kernel API, replaced by the SIMD kernels branch.
import Foundation

public enum BinaryOp: Sendable { case add, subtract, multiply, divide, power, equal, notEqual, less, lessEqual, greater, greaterEqual, and, or, maximum, minimum }
public enum UnaryOp: Sendable { case negate, not, abs, sqrt, exp, log, log2, log10, tanh, sigmoid, relu, leakyRelu, sign, round, floor, ceil, fix, sin, cos, sigmoidGrad, tanhGrad, reluGrad, leakyReluGrad, isnan, isinf, isfinite, square }

public func broadcastShape(_ a: Matrix, _ b: Matrix) -> (rows: Int, cols: Int)? {
    func dim(_ x: Int, _ y: Int) -> Int? { x == y ? x : (x == 1 ? y : (y == 1 ? x : nil)) }
    guard let r = dim(a.rows, b.rows), let c = dim(a.cols, b.cols) else { return nil }
    return (r, c)
}

func apply(_ op: BinaryOp, _ x: Double, _ y: Double) -> Double {
    switch op {
    case .add: x + y
    case .subtract: x - y
    case .multiply: x * y
    case .divide: x / y
    case .power: Foundation.pow(x, y)
    case .equal: x == y ? 1 : 0
    case .notEqual: x != y ? 1 : 0
    case .less: x < y ? 1 : 0
    case .lessEqual: x <= y ? 1 : 0
    case .greater: x > y ? 1 : 0
    case .greaterEqual: x >= y ? 1 : 0
    case .and: (x != 0 && y != 0) ? 1 : 0
    case .or: (x != 0 || y != 0) ? 1 : 0
    case .maximum: x.isNaN ? y : (y.isNaN ? x : Swift.max(x, y))
    case .minimum: x.isNaN ? y : (y.isNaN ? x : Swift.min(x, y))
    }
}

func apply(_ op: UnaryOp, _ x: Double) -> Double {
    switch op {
    case .negate: -x
    case .not: x == 0 ? 1 : 0
    case .abs: Swift.abs(x)
    case .sqrt: x.squareRoot()
    case .exp: Foundation.exp(x)
    case .log: Foundation.log(x)
    case .log2: Foundation.log2(x)
    case .log10: Foundation.log10(x)
    case .tanh: Foundation.tanh(x)
    case .sigmoid: 1 / (1 + Foundation.exp(-x))
    case .relu: x.isNaN ? x : Swift.max(0, x)
    case .leakyRelu: x.isNaN ? x : Swift.max(0.01 * x, x)
    case .sign: x > 0 ? 1 : (x < 0 ? -1 : x)
    case .round: x.rounded(.toNearestOrAwayFromZero)
    case .floor: x.rounded(.down)
    case .ceil: x.rounded(.up)
    case .fix: x.rounded(.towardZero)
    case .sin: Foundation.sin(x)
    case .cos: Foundation.cos(x)
    case .sigmoidGrad: { let s = 1 / (1 + Foundation.exp(-x)); return s * (1 - s) }()
    case .tanhGrad: { let t = Foundation.tanh(x); return 1 - t * t }()
    case .reluGrad: x > 0 ? 1 : 0
    case .leakyReluGrad: x > 0 ? 1 : 0.01
    case .isnan: x.isNaN ? 1 : 0
    case .isinf: x.isInfinite ? 1 : 0
    case .isfinite: x.isFinite ? 1 : 0
    case .square: x * x
    }
}

extension Matrix {
    public static func elementwise(_ op: BinaryOp, _ a: consuming Matrix, _ b: Matrix) throws(AllocationRefused) -> Matrix {
        let shape = broadcastShape(a, b)!
        var r = try Matrix(uninitializedRows: shape.rows, cols: shape.cols)
        for c in 0..<shape.cols {
            for i in 0..<shape.rows {
                let x = a[a.rows == 1 ? 0 : i, a.cols == 1 ? 0 : c]
                let y = b[b.rows == 1 ? 0 : i, b.cols == 1 ? 0 : c]
                r.storage.pointer[c * shape.rows + i] = apply(op, x, y)
            }
        }
        return r
    }

    public func map(_ op: UnaryOp) throws(AllocationRefused) -> Matrix {
        var r = try Matrix(uninitializedRows: rows, cols: cols)
        for i in 0..<count { r.storage.pointer[i] = apply(op, self[i]) }
        return r
    }

    public static func product(_ a: Matrix, _ b: Matrix) throws(AllocationRefused) -> Matrix {
        var r = try Matrix(rows: a.rows, cols: b.cols, repeating: 0)
        for j in 0..<b.cols { for k in 0..<a.cols { let y = b[k, j]; for i in 0..<a.rows { r.storage.pointer[j * a.rows + i] += a[i, k] * y } } }
        return r
    }

    public func transposed() throws(AllocationRefused) -> Matrix {
        var r = try Matrix(uninitializedRows: cols, cols: rows)
        for i in 0..<rows { for j in 0..<cols { r.storage.pointer[i * cols + j] = self[i, j] } }
        return r
    }

    private func reduce(_ dimension: Int, _ initial: Double, _ f: (Double, Double) -> Double) throws(AllocationRefused) -> Matrix {
        if dimension == 1 {
            var r = try Matrix(uninitializedRows: 1, cols: cols)
            for c in 0..<cols { var acc = initial; for i in 0..<rows { acc = f(acc, self[i, c]) }; r.storage.pointer[c] = acc }
            return r
        }
        var r = try Matrix(uninitializedRows: rows, cols: 1)
        for i in 0..<rows { var acc = initial; for c in 0..<cols { acc = f(acc, self[i, c]) }; r.storage.pointer[i] = acc }
        return r
    }

    public func sum(dimension: Int) throws(AllocationRefused) -> Matrix { try reduce(dimension, 0, +) }
    public func product(dimension: Int) throws(AllocationRefused) -> Matrix { try reduce(dimension, 1, *) }
    public func mean(dimension: Int) throws(AllocationRefused) -> Matrix {
        let n = Double(dimension == 1 ? rows : cols)
        var s = try sum(dimension: dimension)
        for i in 0..<s.count { s[i] /= n }
        return s
    }

    private func cumulative(_ dimension: Int, _ f: (Double, Double) -> Double) throws(AllocationRefused) -> Matrix {
        var r = self
        r.makeUnique()
        if dimension == 1 { for c in 0..<cols { for i in 1..<Swift.max(rows, 1) { r[i, c] = f(r[i - 1, c], r[i, c]) } } }
        else { for i in 0..<rows { for c in 1..<Swift.max(cols, 1) { r[i, c] = f(r[i, c - 1], r[i, c]) } } }
        return r
    }
    public func cumulativeSum(dimension: Int) throws(AllocationRefused) -> Matrix { try cumulative(dimension, +) }
    public func cumulativeProduct(dimension: Int) throws(AllocationRefused) -> Matrix { try cumulative(dimension, *) }

    private func extreme(_ dimension: Int, _ better: (Double, Double) -> Bool) throws(AllocationRefused) -> (values: Matrix, indices: Matrix) {
        let outer = dimension == 1 ? cols : rows, inner = dimension == 1 ? rows : cols
        var v = dimension == 1 ? try Matrix(uninitializedRows: 1, cols: cols) : try Matrix(uninitializedRows: rows, cols: 1)
        var ix = v
        ix.makeUnique()
        for o in 0..<outer {
            var best = Double.nan, at = 0
            for k in 0..<inner {
                let x = dimension == 1 ? self[k, o] : self[o, k]
                if !x.isNaN && (best.isNaN || better(x, best)) { best = x; at = k }
            }
            v[o] = best; ix[o] = Double(at + 1)
        }
        return (v, ix)
    }
    public func maxAlong(dimension: Int) throws(AllocationRefused) -> (values: Matrix, indices: Matrix) { try extreme(dimension, >) }
    public func minAlong(dimension: Int) throws(AllocationRefused) -> (values: Matrix, indices: Matrix) { try extreme(dimension, <) }

    public func frobeniusNorm() -> Double { var s = 0.0; for i in 0..<count { s += self[i] * self[i] }; return s.squareRoot() }
    public func singularValues() -> [Double] { [frobeniusNorm()] }
    public static func solve(_ a: Matrix, _ b: Matrix) throws(AllocationRefused) -> Matrix? { nil }
}
