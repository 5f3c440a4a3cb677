import Testing
@testable import NNLMatrix

/// A chain evaluated in one pass equals its operators applied one at a time, bit for bit, on every
/// level: random operands of a size that leaves a partial block, scalars on either side, x.^2.
@Test(arguments: Kernels.available) func chainsEqualTheirOperatorsOneAtATime(level: CPULevel) throws {
    let kernels = Kernels.kernels(for: level)!
    var generator = SystemRandomNumberGenerator()
    func random(_ rows: Int, _ cols: Int) -> Matrix {
        Matrix(rows: rows, cols: cols, columnMajor: (0..<rows * cols).map { _ in Double.random(in: -3...3, using: &generator) })
    }
    func step(_ op: BinaryOp, _ a: Matrix, _ b: Matrix) throws -> Matrix {
        var x = a
        try Matrix.formElementwise(op, &x, b, kernels: kernels)
        return x
    }
    for (rows, cols) in [(4, 401), (1, 3), (0, 5), (257, 2)] {
        let (p, a, y) = (random(rows, cols), random(rows, cols), random(rows, cols))
        let (one, two) = (Matrix(scalar: 1), Matrix(scalar: 2))
        // p .* (1 - a.^2) - y ./ (a + 2)
        let steps: [ElementwiseChain.Step] = [.operand(0), .operand(1), .operand(2), .operand(3), .operation(.power),
                                               .operation(.subtract), .operation(.multiply), .operand(4), .operand(2),
                                               .operand(3), .operation(.add), .operation(.divide), .operation(.subtract)]
        let fused = try ElementwiseChain.evaluate(steps[...], [p, one, a, two, y], rows: rows, cols: cols, kernels: kernels)
        let left = try step(.multiply, p, step(.subtract, one, step(.power, a, two)))
        let expected = try step(.subtract, left, step(.divide, y, step(.add, a, two)))
        #expect(fused.rows == rows && fused.cols == cols)
        #expect((0..<fused.count).allSatisfy { fused[$0].bitPattern == expected[$0].bitPattern }, "\(level) \(rows)×\(cols)")
    }
}
