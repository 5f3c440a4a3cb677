import Foundation
import Testing
@testable import NNLMatrix

/// Results recorded from numpy by Fixtures/make_fixtures.py.
private struct Fixtures: Decodable {
    struct Stored: Decodable {
        let rows: Int, cols: Int, data: [String]
        var matrix: Matrix { Matrix(rows: rows, cols: cols, columnMajor: data.map { Double($0)! }) }
    }
    struct Binary: Decodable { let op: String, a: Stored, b: Stored, result: Stored }
    struct Unary: Decodable { let op: String, a: Stored, result: Stored }
    struct Product: Decodable { let a: Stored, b: Stored, result: Stored }
    struct Reduction: Decodable { let dimension: Int, a: Stored, sum: Stored, mean: Stored, prod: Stored, cumsum: Stored }
    let binary: [Binary], unary: [Unary], product: [Product], reduction: [Reduction]

    static let shared: Fixtures = {
        let url = Bundle.module.url(forResource: "numpy", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(Fixtures.self, from: Data(contentsOf: url))
    }()
}

/// Same shape; each element equal (NaN matching NaN) or within `relative`·max(|expected|, 1).
private func expectClose(_ got: Matrix, _ want: Matrix, relative: Double = 0, _ what: String) {
    #expect(got.rows == want.rows && got.cols == want.cols, "\(what): shape")
    guard got.rows == want.rows && got.cols == want.cols else { return }
    for i in 0..<got.count {
        let (g, w) = (got[i], want[i])
        let ok = (g.isNaN && w.isNaN) || g == w || abs(g - w) <= relative * max(abs(w), 1)
        #expect(ok, "\(what): element \(i) is \(g), numpy has \(w)")
        if !ok { return }
    }
}

private let binaryOps: [String: BinaryOp] = [
    "add": .add, "subtract": .subtract, "multiply": .multiply, "divide": .divide, "power": .power,
    "maximum": .maximum, "minimum": .minimum, "less": .less, "equal": .equal,
]

private let unaryOps: [String: UnaryOp] = [
    "exp": .exp, "log": .log, "tanh": .tanh, "sigmoid": .sigmoid, "sigmoidGrad": .sigmoidGrad,
    "tanhGrad": .tanhGrad, "relu": .relu, "leakyRelu": .leakyRelu, "sqrt": .sqrt, "abs": .abs, "sign": .sign,
    "floor": .floor, "ceil": .ceil, "fix": .fix, "square": .square, "log10": .log10,
]

/// Arithmetic, comparisons and C pow are exact operations: they must equal numpy's exactly, on every kernel level.
@Test(arguments: Kernels.available) func binaryOpsMatchNumpyExactly(level: CPULevel) throws {
    #expect(Fixtures.shared.binary.count > 60 && Fixtures.shared.reduction.count == 14)
    for c in Fixtures.shared.binary {
        var got = c.a.matrix
        try Matrix.formElementwise(binaryOps[c.op]!, &got, c.b.matrix, kernels: Kernels.kernels(for: level)!)
        expectClose(got, c.result.matrix, "\(level) \(c.op) \(c.a.rows)×\(c.a.cols) with \(c.b.rows)×\(c.b.cols)")
    }
}

/// numpy's own exp/log/tanh may differ from glibc's by an ulp or so.
@Test(arguments: Kernels.available) func unaryOpsMatchNumpy(level: CPULevel) throws {
    for c in Fixtures.shared.unary {
        let got = try c.a.matrix.map(unaryOps[c.op]!, kernels: Kernels.kernels(for: level)!)
        expectClose(got, c.result.matrix, relative: 1e-12, "\(level) \(c.op)")
    }
}

@Test(arguments: Kernels.available) func productsMatchNumpy(level: CPULevel) throws {
    for c in Fixtures.shared.product {
        let (a, b) = (c.a.matrix, c.b.matrix)
        expectClose(try Matrix.product(a, b, kernels: Kernels.kernels(for: level)!), c.result.matrix, relative: 1e-12,
                    "\(level) \(a.rows)×\(a.cols)·\(b.rows)×\(b.cols)")
    }
}

/// Sums are added in numpy's order (pairwise along rows, in turn down columns): bit-identical.
@Test func reductionsMatchNumpyExactly() throws {
    for c in Fixtures.shared.reduction {
        let a = c.a.matrix, what = "\(a.rows)×\(a.cols) along \(c.dimension)"
        expectClose(try a.sum(dimension: c.dimension), c.sum.matrix, "sum \(what)")
        expectClose(try a.mean(dimension: c.dimension), c.mean.matrix, "mean \(what)")
        expectClose(try a.cumulativeSum(dimension: c.dimension), c.cumsum.matrix, "cumsum \(what)")
        let scaled = try Matrix.elementwise(.divide, a, Matrix(scalar: 10))
        expectClose(try scaled.product(dimension: c.dimension), c.prod.matrix, "prod \(what)")
    }
}
