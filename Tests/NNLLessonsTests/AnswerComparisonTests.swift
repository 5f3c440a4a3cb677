import NNL
import NNLMatrix
import Testing
@testable import NNLLessons

@Suite struct AnswerComparisonTests {
    func row(_ xs: [Double]) -> Value { .matrix(Matrix(row: xs)) }
    func column(_ xs: [Double]) -> Value { .matrix(Matrix(column: xs)) }

    @Test func equalWithinTolerance() {
        #expect(AnswerComparison.compare("a", expected: row([1, 2]), got: row([1 + 1e-9, 2])) == nil)
    }

    @Test func missing() {
        #expect(AnswerComparison.compare("a", expected: row([1]), got: nil) == .notAssigned(name: "a"))
    }

    @Test func wrongShape() {
        let m = AnswerComparison.compare("dW2", expected: row([1, 2, 3]), got: row([1, 2]))
        #expect(m == .wrongShape(name: "dW2", expected: "1×3", got: "1×2"))
        #expect(m?.message.contains("should be 1×3") == true)
    }

    @Test func transposed() {
        #expect(AnswerComparison.compare("v", expected: row([1, 2, 3]), got: column([1, 2, 3])) == .transposed(name: "v", expected: "1×3"))
        let square = Value.matrix(Matrix(rows: 2, cols: 2, columnMajor: [1, 2, 3, 4]))
        let flipped = Value.matrix(Matrix(rows: 2, cols: 2, columnMajor: [1, 3, 2, 4]))
        #expect(AnswerComparison.compare("S", expected: square, got: flipped) == .transposed(name: "S", expected: "2×2"))
    }

    @Test func missingOneOverM() {
        let m = AnswerComparison.compare("dW2", expected: row([0.5, 1]), got: row([2, 4]), m: 4)
        #expect(m == .factor(name: "dW2", factor: 4, missingOverM: true))
        #expect(m?.message.contains("1/m") == true)
        #expect(AnswerComparison.compare("x", expected: row([2, 4]), got: row([1, 2]))?.message.contains("1/2 of") == true)
    }

    @Test func sign() {
        #expect(AnswerComparison.compare("d", expected: row([1, -2]), got: row([-1, 2])) == .sign(name: "d"))
    }

    @Test func otherValues() {
        let m = AnswerComparison.compare("a", expected: row([1, 2]), got: row([1, 3]))
        #expect(m == .values(name: "a", shape: "1×2", largestDifference: 1, row: 1, col: 2))
    }

    @Test func kinds() {
        #expect(AnswerComparison.compare("s", expected: .string("hi"), got: row([1])) == .wrongKind(name: "s", expected: "string", got: "matrix"))
    }
}
