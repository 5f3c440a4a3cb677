import Foundation
import NNL
import Synchronization

/// `--check-tests`' mutation testing: every mutant of the reference solution is graded, and
/// one that still earns every point is a hole in the tests, unless it is possibly equivalent
/// (its results equal the solution's at every call the tests make). Mutants are graded in this
/// process, `jobs` at a time, until the time budget runs out; a mutant is killed by the first
/// test that takes points from it, so tests that call its function run first.
public struct MutationTesting: Sendable {
    public var suite: TestSuite
    public var jobs: Int
    /// Seconds for the whole run; mutants not started by then are counted as not run.
    public var budget: Double
    /// The folder the solution's `load`/`save` may use.
    public var root: URL

    public init(suite: TestSuite, jobs: Int, budget: Double, root: URL) {
        self.suite = suite
        self.jobs = max(1, jobs)
        self.budget = budget
        self.root = root
    }

    /// Grades the mutants of `solution` (which must earn every point: see `TestCheck`).
    public func run(solution text: String, named name: String) -> MutationReport {
        let started = Date()
        let deadline = started.addingTimeInterval(budget)
        let mutants = MutantCatalog.mutants(of: text, testCode: testCode)
        let seconds = testSeconds(text)
        let verdicts = Mutex<[MutationReport.Verdict?]>(Array(repeating: nil, count: mutants.count))
        let coverage = Coverage()
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(mutants.count, 1))) { _ in
            while case let i = next.add(1, ordering: .relaxed).oldValue, i < mutants.count, Date() < deadline {
                let verdict = judge(mutants[i], solution: text, seconds: seconds, coverage: coverage)
                verdicts.withLock { $0[i] = verdict }
            }
        }
        let judged = verdicts.withLock { $0 }
        return MutationReport(solution: name, mutants: mutants, verdicts: judged, maxScore: suite.maxScore, jobs: jobs, budget: budget,
                              seconds: Date().timeIntervalSince(started))
    }

    /// The setup's and the tests' code, where the literal arguments to pin are found.
    private var testCode: String {
        ([suite.setup].compactMap { $0 } + suite.tests.map(\.code)).map(\.text).joined(separator: "\n")
    }

    /// How long each test takes on the solution; a mutant's test may take ten times as long
    /// (and a second more) before it counts as killed by the time limit.
    private func testSeconds(_ solution: String) -> [Double] {
        let results = grade(solution, tests: suite.tests)
        return suite.tests.indices.map { i in i < results.count ? results[i].executionTime : suite.tests[i].timeout ?? 10 }
    }

    private func judge(_ mutant: Mutant, solution: String, seconds: [Double], coverage: Coverage) -> MutationReport.Verdict {
        // Neither can be killed: no test reaches the function, or every call passes the pinned value.
        if !coverage.isCalled(mutant.function, by: { grade(Probe.called(mutant.function, in: solution), tests: suite.tests, stopAtAnswer: true) }) {
            return .survived(.notCalled)
        }
        if mutant.pinnedToTheOnlyValue { return .survived(.onlyValue) }
        let name = mutant.function.name
        let order = suite.tests.indices.sorted { a, b in
            let (ca, cb) = (suite.tests[a].code.text.contains(name), suite.tests[b].code.text.contains(name))
            return ca != cb ? ca : seconds[a] < seconds[b]
        }
        // Beside the solution first: the same results at every call can only earn every point
        // (and spare grading it); at the first difference, grading tells whether a check sees it.
        let probe = grade(Probe.comparing(mutant, in: solution), tests: order.map { limited(suite.tests[$0], seconds[$0] * 2) },
                          stopAtAnswer: true)
        if !probe.contains(where: Probe.answered) {
            if probe.contains(where: { $0.stop == .timeout }) { return .survived(.notCompared) }
            // A pin whose value no test changes is a hole, not an equivalent.
            if let other = Probe.passingOther(than: mutant, in: solution),
               !grade(other, tests: suite.tests, stopAtAnswer: true).contains(where: Probe.answered) {
                return .survived(.onlyValue)
            }
            return .survived(.possiblyEquivalent)
        }
        for i in order {
            guard let result = grade(mutant.text, tests: [limited(suite.tests[i], seconds[i])]).first else { continue }
            if result.score < result.maxScore { return .killed(by: suite.tests[i].name) }
        }
        return .survived(.unchecked)
    }

    /// `test` with ten times the solution's time for it and a second more, within its own limit.
    private func limited(_ test: TestSuite.Test, _ seconds: Double) -> TestSuite.Test {
        var test = test
        test.timeout = min(test.timeout ?? 10, 10 * seconds + 1)
        return test
    }

    /// Grades `text` on `tests` in this process, stopping after a probe's answer when asked.
    private func grade(_ text: String, tests: [TestSuite.Test], stopAtAnswer: Bool = false) -> [TestResult] {
        var results: [TestResult] = []
        for test in tests {
            var one = suite
            one.tests = [test]
            var grader = SubmissionGrader(suite: one, timeout: test.timeout ?? 10, root: root)
            grader.stopsAtFirstFailedCheck = true
            grader.grade(submission: "solution", text: text) { event in
                if case .test(let t) = event { results.append(t) }
            }
            if stopAtAnswer, let last = results.last, Probe.answered(last) { break }
        }
        return results
    }
}

/// Which functions the tests call, found once per function by its `called` probe.
private final class Coverage: Sendable {
    private let known = Mutex<[String: Bool]>([:])

    func isCalled(_ f: FunctionOutline, by probe: () -> [TestResult]) -> Bool {
        if let answer = known.withLock({ $0[f.name] }) { return answer }
        let answer = probe().contains(where: Probe.answered)
        known.withLock { $0[f.name] = answer }
        return answer
    }
}
