import Foundation
import Testing
@testable import NNLGrader

/// The real path: `nnl grade-worker` child processes. Needs the `nnl` program built
/// (`swift build`); skipped when it is not there.
@Suite(.serialized) struct IsolationTests {
    static let nnl = Homework.packageRoot.appendingPathComponent(".build/debug/nnl")

    func grader(timeout: Double) throws -> (IsolatedGrader, URL, String) {
        let (tests, root) = try Homework.sandbox()
        let suite = try TestSuite.parse(Homework.testsText, file: tests)
        var grader = IsolatedGrader(executable: Self.nnl, suite: suite, timeout: timeout)
        grader.margin = 1
        return (grader, root, tests)
    }

    func submit(_ text: String, to root: URL) throws -> String {
        let path = root.appendingPathComponent("planar_classifier.nnl").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: nnl.path)))
    func solutionScoresTenInAWorker() throws {
        let (grader, root, _) = try grader(timeout: 10)
        let result = grader.grade(try submit(Homework.solution, to: root), name: "solution", root: root)
        #expect(result.score == 10, "\(TextReport.render(result))")
    }

    /// A builtin that runs far past the limit never polls the deadline: the worker is
    /// killed, that test fails, and a new worker grades the tests after it.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: nnl.path)))
    func slowBuiltinIsKilledAndTheRestGraded() throws {
        let (grader, root, _) = try grader(timeout: 8)
        let slow = Homework.solution + """

            function cost = compute_cost(A2, Y)
              % About 1.5e12 flops in one expression: minutes of work that never polls the deadline.
              A = ones(4000, 4000) / 4000;
              cost = sum(sum(A * A * A * A * A * A * A * A * A * A * A * A * A));
            end
            """
        let result = grader.grade(try submit(slow, to: root), name: "slow", root: root)
        #expect(result.tests[3].error?.contains("time limit") == true, "\(TextReport.render(result))")
        #expect(result.tests.map(\.score) == [1, 1, 2, 0, 2, 1, 1, 0])  // nn_model calls compute_cost too
    }

    /// Strings are not matrices: the worker's address-space cap ends them (or, on a loaded
    /// machine, the time limit comes first); either way only that test fails.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: nnl.path)))
    func memoryExhaustionCrashesOnlyItsTest() throws {
        let (grader, root, _) = try grader(timeout: 10)
        let greedy = Homework.solution + """

            function [n_x, n_h, n_y] = layer_sizes(X, Y)
              s = "ab";
              while true
                s = [s s];
              end
            end
            """
        let result = grader.grade(try submit(greedy, to: root), name: "greedy", root: root)
        let error = try #require(result.tests[0].error)
        #expect(error.contains("crashed") || error.contains("time limit"), "\(error)")
        #expect(result.tests.map(\.score) == [0, 1, 2, 1, 2, 1, 1, 0])  // nn_model calls layer_sizes too
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: nnl.path)))
    func batchGradesPrivateCopiesInParallel() throws {
        let (grader, root, _) = try grader(timeout: 10)
        let paths = try (0..<6).map { i in
            let path = root.appendingPathComponent("student\(i).nnl").path
            try (i % 2 == 0 ? Homework.solution : Homework.starter + "\nsave(\"student0.nnl\")\n")
                .write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let results = BatchGrader(grader: grader, parallelism: 2).grade(paths.map { .file($0) })
        #expect(results.map(\.score) == [10, 0, 10, 0, 10, 0])
        #expect(Homework.read(URL(fileURLWithPath: paths[0])) == Homework.solution)
    }
}
