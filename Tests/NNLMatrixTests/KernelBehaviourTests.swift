import Foundation
import Testing
@testable import NNLMatrix

private func m(_ rows: [[Double]]) -> Matrix {
    Matrix(rows: rows.count, cols: rows.first?.count ?? 0,
           columnMajor: (0..<(rows.first?.count ?? 0)).flatMap { j in rows.map { $0[j] } })
}

@Test func broadcastShapes() throws {
    func shape(_ a: (Int, Int), _ b: (Int, Int)) throws -> [Int]? {
        let x = try Matrix(rows: a.0, cols: a.1, repeating: 0), y = try Matrix(rows: b.0, cols: b.1, repeating: 0)
        return broadcastShape(x, y).map { [$0.rows, $0.cols] }
    }
    #expect(try shape((4, 400), (4, 1)) == [4, 400])
    #expect(try shape((4, 1), (4, 400)) == [4, 400])
    #expect(try shape((1, 5), (3, 5)) == [3, 5])
    #expect(try shape((3, 1), (1, 4)) == [3, 4])
    #expect(try shape((1, 1), (2, 7)) == [2, 7])
    #expect(try shape((0, 3), (1, 1)) == [0, 3])
    #expect(try shape((2, 3), (3, 2)) == nil)
    #expect(try shape((4, 400), (1, 4)) == nil)
}

@Test func biasAddAndRowBroadcast() throws {
    let z = try Matrix.elementwise(.add, m([[1, 2, 3], [4, 5, 6]]), m([[10], [20]]))
    #expect(z == m([[11, 12, 13], [24, 25, 26]]))
    let r = try Matrix.elementwise(.subtract, m([[1], [2]]), m([[1, 2, 3]]))
    #expect(r == m([[0, -1, -2], [1, 0, -1]]))
    let e = try Matrix.elementwise(.multiply, Matrix(rows: 0, cols: 3, columnMajor: []), Matrix(scalar: 2))
    #expect(e.rows == 0 && e.cols == 3)
}

/// A column broadcast over 4 and 8 rows is whole four-lane chunks per column (`Z1 + b1`); 5 rows leave a one-element tail.
@Test func fewRowColumnBroadcastMatchesElementByElement() throws {
    for rows in [4, 5, 8] {
        let cols = 7
        let a = Matrix(rows: rows, cols: cols, columnMajor: (0..<rows * cols).map { Double($0) * 0.37 - 3 })
        let b = Matrix(rows: rows, cols: 1, columnMajor: (0..<rows).map { Double($0) * 1.5 + 0.25 })
        for op in [BinaryOp.subtract, .divide, .less] {
            let ab = try Matrix.elementwise(op, a, b), ba = try Matrix.elementwise(op, b, a)
            for j in 0..<cols {
                for i in 0..<rows {
                    let x = a[i + j * rows], y = b[i]
                    let expected: (Double, Double) = switch op {
                    case .subtract: (x - y, y - x)
                    case .divide: (x / y, y / x)
                    default: (x < y ? 1 : 0, y < x ? 1 : 0)
                    }
                    #expect(ab[i + j * rows] == expected.0 && ba[i + j * rows] == expected.1, "\(op) \(rows) rows at (\(i), \(j))")
                }
            }
        }
    }
}

@Test func inPlaceReuseNeverChangesASharedValue() throws {
    var w = m([[1, 2], [3, 4]])
    let before = ObjectIdentifier(w.storage)
    w = try Matrix.elementwise(.subtract, consume w, Matrix(scalar: 1))  // unique: reused
    #expect(ObjectIdentifier(w.storage) == before && w == m([[0, 1], [2, 3]]))
    let copy = w
    let v = try Matrix.elementwise(.subtract, w, Matrix(scalar: 1))  // shared: copied
    #expect(copy == m([[0, 1], [2, 3]]) && v == m([[-1, 0], [1, 2]]) && v.storage !== copy.storage)
    let negated = try Matrix.map(.negate, copy)  // shared: copied
    #expect(copy == m([[0, 1], [2, 3]]) && negated == m([[0, -1], [-2, -3]]))
}

@Test func ieeeSpecialsInElementwiseOps() throws {
    let inf = Double.infinity, nan = Double.nan
    let q = try Matrix.elementwise(.divide, m([[1, -1, 0]]), Matrix(scalar: 0))
    #expect(q[0] == inf && q[1] == -inf && q[2].isNaN)
    let p = try Matrix.elementwise(.power, m([[-8, -8, 2]]), m([[1.0 / 3, 2, 0.5]]))
    #expect(p[0].isNaN && p[1] == 64 && p[2] == 2.0.squareRoot())
    let hi = try Matrix.elementwise(.maximum, m([[nan, 1, nan]]), m([[2, nan, nan]]))
    #expect(hi[0] == 2 && hi[1] == 1 && hi[2].isNaN)
    let lo = try Matrix.elementwise(.minimum, m([[nan, 1]]), m([[2, nan]]))
    #expect(lo == m([[2, 1]]))
    let logic = try Matrix.elementwise(.and, m([[1, 0, 2]]), m([[3, 1, 0]]))
    #expect(logic == m([[1, 0, 0]]))
    #expect(try Matrix.elementwise(.notEqual, m([[nan]]), m([[nan]])) == m([[1]]))
}

@Test func activationsAndDerivatives() throws {
    let z = m([[-2, -0.0, 0, 3, .nan]])
    let relu = try z.map(.relu)
    #expect(relu[0] == 0 && relu[1] == 0 && relu[1].sign == .plus && relu[3] == 3 && relu[4].isNaN)
    #expect(try z.map(.leakyRelu)[0] == -0.02)
    #expect(Array(try z.map(.reluGrad).elements.prefix(4)) == [0, 0, 0, 1])
    #expect(Array(try z.map(.leakyReluGrad).elements.prefix(4)) == [0.01, 0.01, 0.01, 1])
    #expect(try m([[0]]).map(.sigmoidGrad) == m([[0.25]]) && (try m([[0]]).map(.tanhGrad)) == m([[1]]))
    #expect(try m([[2.5, -2.5, 0.5, -0.0, 3]]).map(.round) == m([[3, -3, 1, 0, 3]]))
    #expect(try m([[-2, 0, 5]]).map(.sign) == m([[-1, 0, 1]]))
    #expect(try m([[-2.7, 2.7]]).map(.fix) == m([[-2, 2]]))
    #expect(try m([[.nan, .infinity, 1]]).map(.isnan) == m([[1, 0, 0]]))
    #expect(try m([[.nan, -.infinity, 1]]).map(.isinf) == m([[0, 1, 0]]))
    #expect(try m([[.nan, -.infinity, 1]]).map(.isfinite) == m([[0, 0, 1]]))
    #expect(try m([[0, 3]]).map(.not) == m([[1, 0]]))
}

@Test func transcendentalTailsAndSpecials() throws {
    // 11 elements: one full group of SIMD lanes and a partial one.
    let x = Matrix(row: [0, -0.0, .infinity, -.infinity, .nan, 1, -1, 710, -746, .leastNonzeroMagnitude, 0.5])
    let e = try x.map(.exp), l = try x.map(.log), t = try x.map(.tanh)
    for i in 0..<x.count {
        #expect(ulps(t[i], Foundation.tanh(x[i])) <= 3, "tanh at \(x[i])")
        #expect(ulps(e[i], Foundation.exp(x[i])) <= 1, "exp at \(x[i])")
        #expect(ulps(l[i], Foundation.log(x[i])) <= 1, "log at \(x[i])")
    }
    #expect(t[1].sign == .minus && t[1] == 0)
}

@Test func reductionShapesAndEmptyInputs() throws {
    let a = m([[1, 5, 3], [4, 2, 6]])
    #expect(try a.sum(dimension: 1) == m([[5, 7, 9]]))
    #expect(try a.sum(dimension: 2) == m([[9], [12]]))
    #expect(try a.product(dimension: 2) == m([[15], [48]]))
    #expect(try a.cumulativeSum(dimension: 2) == m([[1, 6, 9], [4, 6, 12]]))
    #expect(try a.cumulativeProduct(dimension: 1) == m([[1, 5, 3], [4, 10, 18]]))
    let (values, indices) = try a.maxAlong(dimension: 2)
    #expect(values == m([[5], [6]]) && indices == m([[2], [3]]))
    let empty = Matrix(rows: 0, cols: 3, columnMajor: [])
    #expect(try empty.sum(dimension: 1) == m([[0, 0, 0]]))
    #expect(try empty.product(dimension: 1) == m([[1, 1, 1]]))
    #expect(try empty.mean(dimension: 1).elements.allSatisfy(\.isNaN))
    let (ev, ei) = try empty.maxAlong(dimension: 1)
    #expect(ev.rows == 0 && ev.cols == 3 && ei.rows == 0)
    #expect(try empty.sum(dimension: 2).rows == 0)
}

@Test func maxAndMinSkipNaNAndTakeTheFirstTie() throws {
    let a = m([[.nan, 2, 7, 7], [.nan, .nan, .nan, .nan], [3, .nan, 1, 1]])
    let (hi, hiAt) = try a.maxAlong(dimension: 2)
    #expect(hi[0] == 7 && hiAt[0] == 3 && hi[1].isNaN && hiAt[1] == 1 && hi[2] == 3 && hiAt[2] == 1)
    let (lo, loAt) = try a.minAlong(dimension: 2)
    #expect(lo[0] == 2 && loAt[0] == 2 && lo[2] == 1 && loAt[2] == 3)
}

/// The blocked kernel (with two threads) against a plain triple loop, on shapes with ragged edges, on every level.
@Test(arguments: Kernels.available) func blockedProductMatchesNaiveProduct(level: CPULevel) throws {
    var rng = SystemRandomNumberGenerator()
    // (130, 517, 123) runs on two threads, its columns in a chunk of 96 and a ragged one; (4, 400, 2)
    // and (5, 37, 3) are direct products whose long sums run in four partial sums (and a tail).
    for (rows, inner, cols) in [(61, 300, 37), (8, 2000, 13), (130, 517, 123), (9, 1, 20000), (4, 2, 401), (12, 7, 30),
                                (4, 400, 2), (5, 37, 3)] {
        let a = Matrix(rows: rows, cols: inner, columnMajor: (0..<rows * inner).map { _ in .random(in: -1...1, using: &rng) })
        let b = Matrix(rows: inner, cols: cols, columnMajor: (0..<inner * cols).map { _ in .random(in: -1...1, using: &rng) })
        let c = try Matrix.product(a, b, kernels: Kernels.kernels(for: level)!)
        for j in stride(from: 0, to: cols, by: 7) {
            for i in 0..<rows {
                let want = (0..<inner).reduce(0.0) { $0 + a[i, $1] * b[$1, j] }
                #expect(abs(c[i, j] - want) <= 1e-12 * Double(inner), "\(rows)×\(inner)×\(cols) at \(i), \(j)")
            }
        }
    }
    #expect(try Matrix.product(Matrix(rows: 3, cols: 0, columnMajor: []), Matrix(rows: 0, cols: 2, columnMajor: []))
        == Matrix(rows: 3, cols: 2, repeating: 0))
}

@Test func transposeLargeAndVector() throws {
    let a = Matrix(rows: 70, cols: 45, columnMajor: (0..<3150).map(Double.init))
    let t = try a.transposed()
    #expect(t.rows == 45 && t.cols == 70)
    #expect((0..<70).allSatisfy { i in (0..<45).allSatisfy { j in t[j, i] == a[i, j] } })
    let v = try Matrix(row: [1, 2, 3]).transposed()
    #expect(v == Matrix(column: [1, 2, 3]))
}

@Test func linearAlgebra() throws {
    let a = m([[3, 1], [1, 2]])
    #expect(try Matrix.solve(a, m([[9], [8]]))! == m([[2], [3]]))
    #expect(try Matrix.solve(m([[1, 2], [2, 4]]), m([[1], [2]])) == nil)
    let s = m([[2, 0, 0], [0, -5, 0]]).singularValues()
    #expect(s == [5, 2])
    let r = m([[1, 2], [3, 4], [5, 6]]).singularValues()  // numpy: 9.525518091565107, 0.5143005806586441
    #expect(abs(r[0] - 9.525518091565107) < 1e-13 && abs(r[1] - 0.5143005806586441) < 1e-13)
    #expect(m([[3, 4]]).frobeniusNorm() == 5)
}

/// Results of 4 MB and more come from a pool of mapped buffers: one taken again still holds an
/// earlier result, so every element must be written anew, and a copy must not share it.
@Test func largeResultsAreWholeAndUnshared() throws {
    let n = 600_000  // 4.8 MB
    let values = (0..<n).map { Double($0 % 1000) / 100 - 5 }
    let x = Matrix(rows: 1, cols: n, columnMajor: values)
    let small = Matrix(rows: 1, cols: 1000, columnMajor: Array(values[0..<1000]))
    let (tanhs, exps) = (try small.map(.tanh), try small.map(.exp))
    for _ in 0..<3 {  // the second and third rounds take the first round's buffers back
        let y = try x.map(.tanh), z = try x.map(.exp)
        #expect((0..<n).allSatisfy { y[$0] == tanhs[$0 % 1000] && z[$0] == exps[$0 % 1000] })
        var copy = y
        copy[0] = 42
        #expect(y[0] == tanhs[0] && copy[0] == 42 && copy[n - 1] == y[n - 1])
    }
}

/// `log` and `sqrt` warn about negatives and zeros found while mapping, block by block: a value
/// past the first block, or in the last lanes, counts; NaN is neither. On every level.
@Test(arguments: Kernels.available) func signsAreNoticedWhileMapping(level: CPULevel) throws {
    let kernels = Kernels.kernels(for: level)!
    func signs(_ values: [Double]) -> Signs {
        var signs = Signs()
        var out = [Double](repeating: 0, count: values.count)
        let outcome = values.withUnsafeBufferPointer { kernels.unary(.log, $0.baseAddress!, &out, values.count, noticing: &signs) }
        #expect(outcome == .finished)
        return signs
    }
    let n = 100_003  // three blocks of 32 768 and a few, not a whole number of lanes
    var values = [Double](repeating: 2, count: n)
    #expect(signs(values) == Signs())
    values[n - 1] = 0
    #expect(signs(values).zero && !signs(values).negative)
    values[n - 1] = 2
    values[40_000] = -1
    #expect(signs(values).negative && !signs(values).zero)
    values[40_000] = .nan
    #expect(signs(values) == Signs())
}

/// A few elements take a plain loop instead of the kernels (`Matrix.formSmall`): its results
/// must be the kernels' to the bit, on every level, for every shape pair it takes, with IEEE
/// specials, and it must leave a shared operand alone.
@Test(arguments: Kernels.available) func smallOperationsMatchTheKernelsBitForBit(level: CPULevel) throws {
    let kernels = Kernels.kernels(for: level)!
    let specials: [Double] = [1.5, -0.0, .nan, .infinity, -.infinity, 5e-324, -3, 1e308, 0.1, 7, -2.5e-300, 2]
    func matrix(_ rows: Int, _ cols: Int, from start: Int) -> Matrix {
        Matrix(rows: rows, cols: cols, columnMajor: (0..<rows * cols).map { specials[($0 + start) % specials.count] })
    }
    let shapes = [((1, 1), (1, 1)), ((4, 1), (4, 1)), ((4, 1), (1, 1)), ((1, 1), (1, 4)), ((4, 4), (1, 1)),
                  ((1, 1), (2, 8)), ((0, 3), (1, 1)), ((1, 1), (0, 0))]
    for op in [BinaryOp.add, .subtract, .multiply, .divide, .power] {
        for ((ar, ac), (br, bc)) in shapes {
            for start in 0..<specials.count {
                let b = op == .power ? Matrix(scalar: 2) : matrix(br, bc, from: start + 5)
                let a = matrix(ar, ac, from: start)
                var small = a, viaKernels = a
                try Matrix.formElementwise(op, &small, b)
                try Matrix.formElementwise(op, &viaKernels, b, kernels: kernels)
                #expect(small.rows == viaKernels.rows && small.cols == viaKernels.cols)
                #expect(small.elements.map(\.bitPattern) == viaKernels.elements.map(\.bitPattern), "\(op) \(ar)×\(ac) \(br)×\(bc)")
                #expect(a.elements.map(\.bitPattern) == matrix(ar, ac, from: start).elements.map(\.bitPattern))
                // The form for operands that stay as they are (two variables): the same bits, in a new matrix.
                let fresh = try #require(try Matrix.small(op, a, b))
                #expect(fresh.rows == viaKernels.rows && fresh.cols == viaKernels.cols)
                #expect(fresh.elements.map(\.bitPattern) == viaKernels.elements.map(\.bitPattern), "small \(op) \(ar)×\(ac) \(br)×\(bc)")
            }
        }
    }
}
