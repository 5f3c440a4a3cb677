import Foundation
import NNL
import NNLGrader
import NNLMatrix

extension Grade {
    /// `--check-tests`' second half: the solution's mutants, graded in this process under the
    /// worker's memory caps, within `--mutation-budget`; nil when the budget is 0.
    func checkMutants(of solution: String, suite: TestSuite, jobs: Int) -> MutationReport? {
        guard mutationBudget > 0, let data = FileManager.default.contents(atPath: solution) else { return nil }
        MemoryGate.configure(maxElements: GradeWorker.maxElements, maxLiveBytes: GradeWorker.maxLiveBytes)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-mutants-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let testing = MutationTesting(suite: suite, jobs: jobs, budget: mutationBudget, root: root)
        return testing.run(solution: SourceText.decoding(data), named: solution)
    }
}
