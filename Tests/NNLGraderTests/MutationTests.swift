import Foundation
import Testing
import NNL
@testable import NNLGrader

/// `--check-tests`' mutants: a weak test file lets some through and the report names each by
/// function, line and edit; a strong one kills all but the possibly equivalent.
@Suite struct MutationTests {
    static let solution = """
        function x = gd_step(x, grad, alpha)
          x = x - alpha * grad;
        end

        function y = above(x, t)
          y = x > t;
        end
        """

    /// One call each, always with the same numbers.
    static let weakTests = """
        %% gd_step
        check(allclose(gd_step(1, 2, 0.1), 0.8), "one step")

        %% above
        check(isequal(above([0.2 0.9], 0.5), [0 1]), "0/1")
        """

    /// Other values, vectors, and a point on each side of the threshold.
    static let strongTests = """
        %% gd_step
        check(allclose(gd_step(1, 2, 0.1), 0.8), "one step")
        check(allclose(gd_step([3; -1], [0.5; 4], 0.25), [2.875; -2]), "another rate, on vectors")

        %% above
        check(isequal(above([0.2 0.9], 0.5), [0 1]), "0/1")
        check(isequal(above([0.3 0.1 2], 0.2), [1 0 1]), "another threshold")
        """

    static func report(_ tests: String, budget: Double = 60) throws -> MutationReport {
        let suite = try TestSuite.parse(tests, file: "tests.nnl")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-mutation-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return MutationTesting(suite: suite, jobs: 2, budget: budget, root: root).run(solution: solution, named: "sol.nnl")
    }

    @Test func weakTestsLetPinnedParametersThrough() throws {
        let report = try Self.report(Self.weakTests)
        let lines = report.text.split(separator: "\n").map(String.init)
        #expect(lines.contains("  ✗ gd_step, line 2: `alpha` pinned to 0.1 still scores 2/2 (every call the tests make passes 0.1 for `alpha`)"), "\(report.text)")
        #expect(lines.contains("  ✗ above, line 6: `t` pinned to 0.5 still scores 2/2 (every call the tests make passes 0.5 for `t`)"), "\(report.text)")
        #expect(report.holes.count >= 4, "x and grad are pinned too: \(report.text)")
        #expect(report.killed + report.survivors.count == report.tried && report.notRun == 0)
        #expect(report.text.hasSuffix("mutants get past the tests (and \(report.survivors.count - report.holes.count) possibly equivalent)\n"), "\(report.text)")
    }

    @Test func strongTestsKillAllButTheEquivalent() throws {
        let report = try Self.report(Self.strongTests)
        #expect(report.holes.isEmpty, "\(report.text)")
        #expect(report.killed > 10 && report.killed < report.tried, "\(report.text)")
        // A scalar times a vector is the same with `.*`; no test stands on the threshold itself.
        let equivalent = report.survivors.map { "\($0.function), line \($0.line): \($0.change)" }
        #expect(equivalent.contains("gd_step, line 2: `*` → `.*`"), "\(report.text)")
        #expect(equivalent.contains("above, line 6: `>` → `>=`"), "\(report.text)")
        #expect(report.text.contains("possibly equivalent: its results equal the solution's at every call the tests make"))
        #expect(report.text.contains("mutation score \(report.killed)/\(report.tried) ("), "\(report.text)")
    }

    @Test func uncalledFunctionsAndUncheckedResultsAreHoles() throws {
        let tests = """
            %% gd_step, looked at only for its size
            check(isequal(size(gd_step([1; 2], [3; 4], 0.5)), [2 1]), "a column")
            check(isequal(size(gd_step([1; 2], [3; 4], 0.25)), [2 1]), "a column")
            """
        let report = try Self.report(tests)
        let whys = Set(report.holes.map(\.why))
        #expect(whys.contains("no test calls above"), "\(report.text)")
        #expect(whys.contains("its results differ from the solution's, and no check notices"), "\(report.text)")
        #expect(!report.holes.contains { $0.change == "`alpha` pinned to 0.5" && $0.why.hasPrefix("every call") })
    }

    @Test func aSpentBudgetSaysSo() throws {
        let report = try Self.report(Self.strongTests, budget: 0.000_001)
        #expect(report.notRun > 0)
        #expect(report.text.contains("not graded: the time budget (0 s) ran out; give more with --mutation-budget"), "\(report.text)")
    }

    @Test func mutationEditsSwapComparisonsRemoveCallsAndPin() throws {
        let text = "function y = f(x, n)\n  seed(2);\n  y = x(1:n) >= 0.5;\nend\n"
        let edits = MutationEdits.edits(of: text).map(\.description)
        #expect(edits == ["seed(2); → ", ">= → >", ">= → <="], "\(edits)")
        let f = try #require(MutationEdits.functions(in: text).first)
        #expect(f.name == "f" && f.parameters == ["x", "n"] && f.outputs == ["y"] && f.lines == 1...4)
        let pin = try #require(MutationEdits.pin("n", to: "3", in: f))
        #expect(RepairEdit.apply([pin], to: text) == "function y = f(x, n)\n  n = 3; seed(2);\n  y = x(1:n) >= 0.5;\nend\n")
        #expect(MutationEdits.literalArguments(calling: ["f"], in: "a = f(v, 3) + f(w, -1);\nf(1, k)")["f"]!
            .map { $0.map { $0 ?? "·" } } == [["·", "3"], ["·", "-1"], ["1", "·"]])
    }
}
