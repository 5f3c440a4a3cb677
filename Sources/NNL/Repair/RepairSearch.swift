import Foundation

/// Breadth first over edits of one text: every single edit, then pairs of edits while time is
/// left; a candidate is kept when it runs in the sandbox and the goal accepts the workspace it
/// leaves. The search stops at the first level (single, pair) that has fixes.
public struct RepairSearch {
    public var enumerator: EditEnumerator
    public var sandbox: RepairSandbox
    /// Seconds the whole search may take (a learner waits for at most about half a second).
    public var budget: Double
    /// Fixes wanted at most.
    public var limit: Int
    /// Whether pairs of edits are tried when no single edit works.
    public var pairs: Bool
    /// Which edits may be tried (a lesson's answer is edited, not the call that probes it).
    public var editable: (RepairEdit) -> Bool = { _ in true }
    /// The order edits are tried in, lowest first (ties keep the walk's order): the fixes a
    /// caller would rather name come first when more than `limit` work.
    public var rank: (RepairEdit.Kind) -> Int = { _ in 0 }

    public init(enumerator: EditEnumerator, sandbox: RepairSandbox, budget: Double = 0.5, limit: Int = 3,
                pairs: Bool = true) {
        self.enumerator = enumerator
        self.sandbox = sandbox
        self.budget = budget
        self.limit = limit
        self.pairs = pairs
    }

    /// A candidate that reached the goal: its edits, its text, and the workspace it left.
    public struct Fix {
        public let edits: [RepairEdit]
        public let text: String
        public let workspace: Workspace
    }

    /// What the search found, and whether it tried everything it meant to.
    public struct Outcome {
        public var fixes: [Fix] = []
        public var candidatesTried = 0
        /// True when time ran out before every candidate was tried.
        public var timedOut = false
    }

    /// The fixes of `text`: edits with which it runs and `goal` holds afterwards.
    public func search(_ text: String, goal: (Workspace) -> Bool) -> Outcome {
        let deadline = Date().addingTimeInterval(budget)
        let singles = enumerator.edits(of: text).filter(editable).enumerated()
            .sorted { (rank($0.element.kind), $0.offset) < (rank($1.element.kind), $1.offset) }.map(\.element)
        var outcome = Outcome()
        var tried: Set<String> = [text]
        func attempt(_ edits: [RepairEdit]) -> Bool {
            if Date() > deadline { outcome.timedOut = true; return false }
            guard let candidate = RepairEdit.apply(edits, to: text), tried.insert(candidate).inserted else { return true }
            outcome.candidatesTried += 1
            if case .success(let workspace) = sandbox.run(candidate), goal(workspace) {
                outcome.fixes.append(Fix(edits: edits, text: candidate, workspace: workspace))
            }
            return outcome.fixes.count < limit
        }
        for e in singles where !outcome.timedOut {
            if !attempt([e]) { break }
        }
        guard pairs, outcome.fixes.isEmpty, !outcome.timedOut else { return outcome }
        outer: for i in singles.indices {
            for j in singles.indices where j > i && !singles[i].overlaps(singles[j]) {
                if !attempt([singles[i], singles[j]]) { break outer }
            }
            if outcome.timedOut { break }
        }
        return outcome
    }
}
