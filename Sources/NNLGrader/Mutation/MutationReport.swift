import Foundation

/// What mutation testing found: for each mutant, the test that killed it or why it survived,
/// and the lines `--check-tests` prints.
public struct MutationReport: Sendable {
    enum Verdict: Sendable, Equatable {
        case killed(by: String)
        case survived(Survival)
    }

    /// Why a mutant still earns every point.
    enum Survival: Sendable, Equatable {
        /// A pin to the one value every call the tests make passes.
        case onlyValue
        /// No test calls its function.
        case notCalled
        /// Its results differ from the solution's at some call, and no check notices.
        case unchecked
        /// Its results equal the solution's at every call the tests make.
        case possiblyEquivalent
        /// Run beside the solution, a test ran out of time before any difference showed.
        case notCompared
    }

    public struct Survivor: Sendable {
        public var function: String
        public var line: Int
        /// "`learning_rate` pinned to 1.2", "`>` → `>=`".
        public var change: String
        public var possiblyEquivalent: Bool
        public var why: String
    }

    public var solution: String
    public var tried: Int
    public var killed: Int
    public var notRun: Int
    public var survivors: [Survivor]
    public var maxScore: Double
    public var jobs: Int
    public var budget: Double
    public var seconds: Double

    /// Survivors that are not possibly equivalent: the holes in the tests.
    public var holes: [Survivor] { survivors.filter { !$0.possiblyEquivalent } }

    init(solution: String, mutants: [Mutant], verdicts: [Verdict?], maxScore: Double, jobs: Int, budget: Double, seconds: Double) {
        self.solution = solution
        self.maxScore = maxScore
        self.jobs = jobs
        self.budget = budget
        self.seconds = seconds
        tried = verdicts.compactMap { $0 }.count
        notRun = verdicts.count - tried
        killed = verdicts.filter { if case .killed? = $0 { true } else { false } }.count
        survivors = zip(mutants, verdicts).compactMap { mutant, verdict in
            guard case .survived(let survival)? = verdict else { return nil }
            return Survivor(function: mutant.function.name, line: mutant.edit.line, change: mutant.change,
                            possiblyEquivalent: survival == .possiblyEquivalent, why: Self.why(survival, mutant))
        }
    }

    private static func why(_ survival: Survival, _ mutant: Mutant) -> String {
        switch survival {
        case .onlyValue:
            guard case .nameToLiteral(let name, let literal) = mutant.edit.kind else { return "every call passes that value" }
            return "every call the tests make passes \(literal) for `\(name)`"
        case .notCalled: return "no test calls \(mutant.function.name)"
        case .unchecked: return "its results differ from the solution's, and no check notices"
        case .possiblyEquivalent: return "possibly equivalent: its results equal the solution's at every call the tests make"
        case .notCompared: return "run beside the solution, a test ran out of time before its results could be compared"
        }
    }

    private static func score(_ killed: Int, of total: Int) -> String {
        "\(killed)/\(total) (\(total == 0 ? 100 : Int((Double(killed) / Double(total) * 100).rounded(.down))) %)"
    }

    /// The mutation score, the survivors by function and line, and what was not run.
    public var text: String {
        let full = points(maxScore)
        let equivalent = survivors.count - holes.count
        var text = "mutants of \(solution): \(tried) graded in \(String(format: "%.1f", seconds)) s (\(jobs) job\(jobs == 1 ? "" : "s")), "
            + "\(killed) killed: mutation score \(Self.score(killed, of: tried))"
            + (equivalent > 0 ? ", \(Self.score(killed, of: tried - equivalent)) without the \(equivalent) possibly equivalent" : "") + "\n"
        for s in survivors.sorted(by: { ($0.possiblyEquivalent ? 1 : 0, $0.line) < ($1.possiblyEquivalent ? 1 : 0, $1.line) }) {
            text += "  \(s.possiblyEquivalent ? "≈" : "✗") \(s.function), line \(s.line): \(s.change) still scores \(full)/\(full) (\(s.why))\n"
        }
        if notRun > 0 {
            text += "  \(notRun) mutant\(notRun == 1 ? " was" : "s were") not graded: the time budget (\(points(budget)) s) ran out; give more with --mutation-budget\n"
        }
        text += holes.isEmpty
            ? "no mutant gets past the tests\(equivalent > 0 ? " but \(equivalent) possibly equivalent one\(equivalent == 1 ? "" : "s")" : "")\n"
            : "\(holes.count) mutant\(holes.count == 1 ? " gets" : "s get") past the tests\(equivalent > 0 ? " (and \(equivalent) possibly equivalent)" : "")\n"
        return text
    }
}
