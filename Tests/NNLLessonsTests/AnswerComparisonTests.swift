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

    /// A workspace holding what `code` assigns.
    func workspace(_ code: String) throws -> Workspace {
        let session = Session()
        try session.run(SourceFile(name: "<test>", text: code))
        return session.workspace
    }

    @Test func missingOneOverM() throws {
        let m = AnswerComparison.compare("dW2", expected: row([0.5, 1]), got: row([2, 4]), context: try workspace("m = 4;"))
        #expect(m == .factor(name: "dW2", factor: 4, missingOverM: true))
        #expect(m?.message.contains("4 times the expected value (m times)") == true)
        #expect(AnswerComparison.compare("x", expected: row([2, 4]), got: row([1, 2]))?.message.contains("1/2 of") == true)
    }

    @Test func factorsShareOneNumberFormat() {
        #expect(AnswerComparison.compare("x", expected: row([1, 2]), got: row([400, 800]))?.message.contains("400 times") == true)
        #expect(AnswerComparison.compare("x", expected: row([2, 4]), got: row([5, 10]))?.message.contains("2.5 times") == true)
        #expect(AnswerComparison.compare("x", expected: row([5, 10]), got: row([2, 4]))?.message.contains("0.4 times") == true)
    }

    /// db1 is about 1e-7: zeros are not "within 1e-6" of it, and the message says why.
    @Test func zerosDoNotMatchATinyGradient() {
        let db1 = column([1.2e-7, -3.4e-7, 5.6e-8, -7.8e-8])
        let m = AnswerComparison.compare("db1", expected: db1, got: column([0, 0, 0, 0]))
        #expect(m == .zeros(name: "db1", scale: 3.4e-7))
        #expect(m?.message.contains("all zeros") == true)
        #expect(m?.message.contains("inf") == false)
        #expect(AnswerComparison.compare("db1", expected: db1, got: column([1.2e-7, -3.4e-7, 5.6e-8, -7.9e-8])) != nil)
        #expect(AnswerComparison.compare("db1", expected: db1, got: column([1.2e-7 + 1e-20, -3.4e-7, 5.6e-8, -7.8e-8])) == nil)
    }

    @Test func relativeToTheExpectedScale() {
        #expect(AnswerComparison.compare("W", expected: row([1000, 2000]), got: row([1000.0001, 2000])) == nil)
        #expect(AnswerComparison.compare("W", expected: row([1, 2]), got: row([1.0001, 2])) != nil)
    }

    @Test func notFiniteIsNamed() {
        #expect(AnswerComparison.compare("J", expected: row([0.69]), got: row([.nan])) == .notFinite(name: "J"))
        #expect(AnswerComparison.compare("J", expected: row([.infinity]), got: row([.infinity])) == nil)
    }

    @Test func recognisedMistakes() throws {
        let sigmoid = AnswerComparison.compare("a", expected: row([0.2, 0.7]), got: row([0.8, 0.3]))
        #expect(sigmoid?.message.contains("minus in the exponent") == true)
        let halfH = AnswerComparison.compare("g", expected: row([2, 4]), got: row([2e-8, 4e-8]), context: try workspace("h = 1e-4;"))
        #expect(halfH?.message.contains("`/(2*h)`") == true)
        let ws = try workspace("X = [1 2 3; 4 5 6];")
        let column0 = AnswerComparison.compare("x", expected: column([2, 5]), got: column([1, 4]), context: ws)
        #expect(column0?.message.contains("nnl counts from 1") == true)
        let summedAll = AnswerComparison.compare("db", expected: column([1, 2]), got: row([3]))
        #expect(summedAll?.message.contains("sum(·, 2)") == true)
        let perExample = AnswerComparison.compare("db", expected: column([1, 2]), got: row([1, 1, 1]), context: try workspace("m = 3;"))
        #expect(perExample?.message.contains("keepdims") == true)
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
