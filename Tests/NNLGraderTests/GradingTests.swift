import Foundation
import Testing
@testable import NNLGrader

/// Golden grading: variants of the homework's solution and the score each test must give.
/// Tests, in order: layer_sizes 1, initialize_parameters 1, forward_propagation 2, compute_cost 1,
/// backward_propagation 2 (partial, 8 checks), update_parameters 1, predict 1 (hidden), nn_model 1 (hidden).
struct GradingCase: CustomTestStringConvertible, Sendable {
    var name: String
    var submission: @Sendable () -> String
    var scores: [Double]
    var testDescription: String { name }

    /// The solution with one typical mistake.
    static func mistake(_ name: String, _ right: String, _ wrong: String, _ scores: [Double]) -> GradingCase {
        GradingCase(name: name, submission: {
            precondition(Homework.solution.contains(right), "the solution no longer holds `\(right)`")
            return Homework.solution.replacingOccurrences(of: right, with: wrong)
        }, scores: scores)
    }

    /// The solution followed by a hostile fixture.
    static func appended(_ fixture: String, _ scores: [Double]) -> GradingCase {
        GradingCase(name: fixture, submission: { Homework.solution + "\n" + Homework.fixture(fixture) }, scores: scores)
    }
}

let gradingCases: [GradingCase] = [
    GradingCase(name: "reference solution", submission: { Homework.solution }, scores: [1, 1, 2, 1, 2, 1, 1, 1]),
    GradingCase(name: "starter", submission: { Homework.starter }, scores: [0, 0, 0, 0, 0, 0, 0, 0]),
    .mistake("missing transpose in dW2", "grads.dW2 = 1/m * dZ2 * cache.A1';", "grads.dW2 = 1/m * dZ2 * cache.A1;", [1, 1, 2, 1, 0, 1, 1, 0]),
    .mistake("missing 1/m in the cost", "cost = -1/m * sum(", "cost = -sum(", [1, 1, 2, 0, 2, 1, 1, 0]),
    .mistake("tanh derivative without the square", "(1 - cache.A1.^2)", "(1 - cache.A1)", [1, 1, 2, 1, 1, 1, 1, 0]),
    .mistake("missing 1/m in dW1", "grads.dW1 = 1/m * dZ1 * X';", "grads.dW1 = dZ1 * X';", [1, 1, 2, 1, 1.5, 1, 1, 0]),
    .mistake("no seed in initialize_parameters", "  seed(2);\n", "", [1, 0, 2, 1, 2, 1, 1, 0]),
    .mistake("sigmoid in the hidden layer", "A1 = tanh(Z1);", "A1 = sigmoid(Z1);", [1, 1, 0, 1, 2, 1, 0, 0]),
    .mistake("update with a plus", "p.W1 - learning_rate", "p.W1 + learning_rate", [1, 1, 2, 1, 2, 0, 1, 0]),
    // Sizes and numbers of the lesson's inputs written into a function: the second network catches each.
    .mistake("learning rate hard-coded as 1.2", "learning_rate * grads", "1.2 * grads", [1, 1, 2, 1, 2, 0, 1, 1]),
    .mistake("m = 3 in the cost", "m = size(Y, 2);", "m = 3;", [1, 1, 2, 0, 2, 1, 1, 0]),
    .mistake("m = 3 in the gradients", "m = size(X, 2);", "m = 3;", [1, 1, 2, 1, 1, 1, 1, 0]),
    .mistake("randn(4, 2) for randn(n_h, n_x)", "randn(n_h, n_x)", "randn(4, 2)", [1, 0, 2, 1, 2, 1, 1, 0]),
    .mistake("randn(1, 4) for randn(n_y, n_h)", "randn(n_y, n_h)", "randn(1, 4)", [1, 0, 2, 1, 2, 1, 1, 0]),
    .mistake("nn_model with 4 hidden units whatever n_h", "initialize_parameters(n_x, n_h, n_y);", "initialize_parameters(n_x, 4, n_y);", [1, 1, 2, 1, 2, 1, 1, 0]),
    .mistake("nn_model with 1000 iterations whatever num_iterations", "0:num_iterations-1", "0:999", [1, 1, 2, 1, 2, 1, 1, 0]),
    .appended("infinite_loop", [1, 1, 0, 1, 2, 1, 0, 0]),
    .appended("huge_matrix", [1, 1, 2, 0, 2, 1, 1, 0]),
    .appended("read_tests", [0, 1, 2, 1, 2, 1, 1, 0]),
    .appended("redefine_check", [0, 0, 0, 0, 0, 0, 0, 0]),
    .appended("flood", [1, 1, 2, 1, 2, 1, 1, 1]),
    .appended("own_sigmoid", [1, 1, 0, 1, 2, 1, 0, 0]),
    GradingCase(name: "syntax errors", submission: { Homework.fixture("syntax_error") }, scores: [0, 0, 0, 0, 0, 0, 0, 0]),
]

@Suite struct GradingTests {
    @Test(arguments: gradingCases)
    func scores(_ c: GradingCase) throws {
        let result = try Homework.grade(c.submission(), timeout: c.name == "infinite_loop" ? 1 : 10)
        #expect(result.tests.map(\.score) == c.scores, "\(TextReport.render(result))")
        #expect(result.score == c.scores.reduce(0, +))
        #expect(result.maxScore == 10)
        for format in ReportFormat.allCases { try ReportChecks.parse(format.render([result]), as: format, tests: 8) }
    }

    @Test func syntaxErrorsAreAllReported() throws {
        let result = try Homework.grade(Homework.fixture("syntax_error"))
        #expect(!result.run.parsed)
        let error = try #require(result.run.error)
        #expect(error.components(separatedBy: "error:").count - 1 >= 3, "\(error)")
        #expect(result.tests.allSatisfy { $0.error?.contains("syntax errors") == true })
    }

    @Test func timeoutsSayWhichTestAndWhy() throws {
        let result = try Homework.grade(Homework.solution + Homework.fixture("infinite_loop"), timeout: 0.5)
        let forward = result.tests[2]
        #expect(forward.error?.contains("time limit") == true)
        #expect(result.tests[3].passed)
    }

    @Test func memoryCapsBecomeMessages() throws {
        let result = try Homework.grade(Homework.solution + Homework.fixture("huge_matrix"))
        #expect(result.run.error?.contains("too large") == true)
        #expect(result.tests[3].error?.contains("too large") == true)
    }

    @Test func testFileIsOutOfReach() throws {
        let result = try Homework.grade(Homework.solution + Homework.fixture("read_tests"))
        #expect(result.run.error?.contains("outside the folder") == true, "\(result.run.error ?? "")")
        #expect(result.tests[0].error?.contains("file access is turned off") == true, "\(result.tests[0].error ?? "")")
    }

    @Test func floodsAreTruncated() throws {
        let result = try Homework.grade(Homework.solution + Homework.fixture("flood"))
        #expect(result.run.output.contains("[output truncated"))
        #expect(result.run.output.utf8.count < 11_000)
        #expect(result.tests[0].output.contains("[output truncated"))
    }

    @Test func failedAllcloseShowsExpectedAndFound() throws {
        let wrong = Homework.solution.replacingOccurrences(of: "A2 = sigmoid(Z2);", with: "A2 = sigmoid(Z2');")
        let result = try Homework.grade(wrong)
        let detail = try #require(result.tests[2].checks.first?.detail)
        #expect(detail.contains("expected (1×3)") && detail.contains("found (3×1)"), "\(detail)")
        #expect(detail.contains("found"), "\(detail)")
    }

    @Test func hiddenTestsAreRedacted() throws {
        let result = try Homework.grade(Homework.starter).redactingHidden()
        let hidden = result.tests.filter(\.hidden)
        #expect(hidden.count == 2)
        #expect(hidden.allSatisfy { $0.checks.isEmpty && $0.output.isEmpty })
        #expect(result.tests.filter { !$0.hidden }.allSatisfy { !$0.checks.isEmpty })
    }
}
