import Foundation
import Testing
@testable import NNLGrader

/// A submission stopped by its time limit in the middle of updating a matrix leaves the tests a
/// whole matrix: every element from before the interrupted statement or from after it.
@Suite struct DeadlineTests {
    @Test(arguments: [0.05, 0.1, 0.15, 0.2, 0.3, 0.4])
    func aDeadlineInsideAnUpdateLeavesTheTestsAWholeMatrix(timeout: Double) throws {
        let submission = "W = ones(400); dW = ones(400) / 8;\nwhile true\n  W = W - dW;\n  W = -W;\n  W = tanh(W) * 2;\nend\n"
        let tests = "%% W is whole\ncheck(all(W(:) == W(1)), \"every element of W is the same\")\n"
        let result = try Homework.grade(submission, tests: tests, timeout: timeout)
        #expect(result.run.stop == .timeout, "\(result.run)")
        #expect(result.tests[0].passed, "\(result.tests[0].checks)")
    }
}
