import Foundation
import Testing
@testable import NNLGrader

/// A failed check is explained from the values it compared: nothing is evaluated twice, so
/// a student function that prints (or draws random numbers) runs once, and "found" is what
/// was checked.
@Suite struct CheckOperandTests {
    static let tests = """
        %% noisy answer [points=1]
        check(allclose(noisy(), [1 2 3]), "noisy gives 1 2 3")

        %% random answer [points=1]
        check(isequal(draw(), 0), "draw gives 0")
        """

    static let submission = """
        function y = noisy()
          printf("computing noisy\\n");
          y = [1 2 4];
        end
        function r = draw()
          r = rand();
        end
        """

    func grade() throws -> [TestResult] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-operands-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = try TestSuite.parse(Self.tests, file: folder.appendingPathComponent("tests.nnl").path)
        var results: [TestResult] = []
        SubmissionGrader(suite: suite, root: folder).grade(submission: "s.nnl", text: Self.submission) { event in
            if case .test(let t) = event { results.append(t) }
        }
        return results
    }

    @Test func aPrintingOperandPrintsOnce() throws {
        let noisy = try grade()[0]
        #expect(!noisy.passed)
        #expect(noisy.output.components(separatedBy: "computing noisy").count - 1 == 1, "\(noisy.output)")
        let detail = try #require(noisy.checks.first?.detail)
        #expect(detail.contains("found (1×3) [1 2 4]"), "\(detail)")
        #expect(detail.contains("largest difference: 1"), "\(detail)")
    }

    /// A second evaluation would draw the next random number and show a different value.
    @Test func foundIsTheValueThatWasChecked() throws {
        let results = try grade()
        let detail = try #require(results[1].checks.first?.detail)
        // seed(0) before each test: numpy's first rand() after seed 0 is 0.5488135039273248.
        #expect(detail.contains("found (1×1) [0.548814]"), "\(detail)")
    }
}
