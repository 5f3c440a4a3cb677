import NNLMatrix
import Testing
@testable import NNL

/// Every value of `rng_golden.txt`, compared bit for bit.
@Suite struct NumpyRandomTests {
    let golden: RNGGolden

    init() throws { golden = RNGGolden(try fixtureText("rng_golden.txt")) }

    /// Row-major golden values against a column-major matrix, bit for bit.
    func expectBits(_ m: Matrix, _ expected: [Substring], sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(m.count == expected.count, sourceLocation: sourceLocation)
        for r in 0..<m.rows {
            for c in 0..<m.cols {
                let want = try hexDouble(expected[r * m.cols + c])
                #expect(m[r, c].bitPattern == want.bitPattern, "(\(r), \(c)): \(m[r, c]) vs \(want)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    @Test(arguments: [UInt32(1), 0, 42, 4_294_967_295])
    func raw32(seed: UInt32) throws {
        var mt = MT19937(seed: seed)
        let want = try golden.values("seed=\(seed) | raw MT19937").map { UInt32($0)! }
        #expect((0..<4).map { _ in mt.next32() } == want)
    }

    @Test(arguments: [UInt32(1), 0, 2, 3, 42, 4_294_967_295])
    func randn(seed: UInt32) throws {
        var rng = NumpyRandom(seed: seed)
        try expectBits(try rng.randn(rows: 4, cols: 2), golden.values("seed=\(seed) | randn(4,2)"))
    }

    @Test(arguments: [UInt32(1), 3])
    func rand(seed: UInt32) throws {
        var rng = NumpyRandom(seed: seed)
        try expectBits(try rng.rand(rows: 2, cols: 3), golden.values("seed=\(seed) | rand(2,3)"))
    }

    @Test func oddRandnLeavesCachedNormal() throws {
        var rng = NumpyRandom(seed: 1)
        try expectBits(try rng.randn(rows: 1, cols: 3), golden.values("seed=1 | randn(3)"))
        try expectBits(try rng.randn(rows: 2, cols: 2), golden.values("seed=1 |    then randn(2,2)"))
    }

    @Test func cachedNormalSurvivesRand() throws {
        var rng = NumpyRandom(seed: 1)
        try expectBits(try rng.randn(rows: 1, cols: 1), golden.values("seed=1 | randn(1)"))
        try expectBits(try rng.rand(rows: 1, cols: 2), golden.values("seed=1 |    then rand(2)"))
        try expectBits(try rng.randn(rows: 1, cols: 1), golden.values("seed=1 |    then randn(1)"))
    }

    @Test func seedingClearsCachedNormal() throws {
        var rng = NumpyRandom(seed: 1)
        _ = rng.nextGaussian()
        rng.seed(1)
        try expectBits(try rng.randn(rows: 1, cols: 1), golden.values("seed=1 | randn(1); seed(1); randn(1)"))
    }

    /// The course's initial weights: `seed(2); W1 = randn(4,2)*0.01; W2 = randn(1,4)*0.01`.
    @Test func courseWeights() throws {
        var rng = NumpyRandom(seed: 2)
        let w1 = try rng.randn(rows: 4, cols: 2), w2 = try rng.randn(rows: 1, cols: 4)
        let scaled = (w1.rowMajor + w2.rowMajor).map { $0 * 0.01 }
        let want = try golden.values("seed=2 | W1 = randn(4,2)*0.01").map(hexDouble)
        #expect(scaled.map(\.bitPattern) == want.map(\.bitPattern))
        #expect(scaled[0] == -0.004167578474054706)
    }

    @Test func randint() throws {
        var rng = NumpyRandom(seed: 0)
        let m = try rng.randint(low: 0, high: 10, rows: 1, cols: 8)
        let want = try golden.values("seed=0 | randint(0,10,size=8)").map { Double($0)! }
        #expect(m.elements == want)
    }

    @Test(arguments: [(UInt32(0), 10), (1, 8)])
    func permutation(seed: UInt32, n: Int) throws {
        var rng = NumpyRandom(seed: seed)
        let want = try golden.values("seed=\(seed) | permutation(\(n))").map { Int($0)! }
        #expect(rng.permutation(n) == want)
    }

    @Test func unseededGeneratorsDiffer() {
        var a = NumpyRandom(), b = NumpyRandom()
        #expect((0..<4).map { _ in a.nextDouble() } != (0..<4).map { _ in b.nextDouble() })
    }
}

extension Matrix {
    /// Elements in numpy's C order.
    var rowMajor: [Double] { (0..<rows).flatMap { r in (0..<cols).map { c in self[r, c] } } }
}
