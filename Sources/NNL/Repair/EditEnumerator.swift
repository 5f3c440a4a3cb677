/// Finds the small edits of a program's text (issue 19's list): each is one change of its
/// syntax tree, kept as a replacement of the user's own text. The enumerator only proposes;
/// `RepairSearch` tries them in a `RepairSandbox`.
public struct EditEnumerator {
    /// Which kinds of edit to propose: an error hint wants only shape edits (a renamed variable
    /// would "fix" any shape error), a lesson diagnosis and a mutant want all.
    public struct Families: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Transposes, `*`/`.*`, swapped operands, axes and `keepdims`, `x(0)`, keyword spellings.
        public static let shape = Families(rawValue: 1)
        /// A variable replaced by a similar one in scope (A1 ↔ Z1, W1 ↔ W2, i ↔ n).
        public static let names = Families(rawValue: 2)
        /// The right-hand side times 2, ½, 10, 1/10, 100, 1/100, m, 1/m, or negated.
        public static let factors = Families(rawValue: 4)
        /// A term into or out of a call, dropped, or added (the bias).
        public static let terms = Families(rawValue: 8)
        /// A literal replaced by a scalar in scope, and a scalar by its value.
        public static let literals = Families(rawValue: 16)
        /// `0:n-1` ↔ `1:n`.
        public static let ranges = Families(rawValue: 32)
        public static let all: Families = [.shape, .names, .factors, .terms, .literals, .ranges]
    }

    /// The variables the code can see (a workspace's, a function's parameters: the enumerator
    /// adds the names a function assigns), and their values where known.
    public var names: [String]
    public var value: (String) -> Value?
    public var families: Families

    public init(names: [String], value: @escaping (String) -> Value? = { _ in nil }, families: Families = .all) {
        self.names = names
        self.value = value
        self.families = families
    }

    /// Variables and values from a workspace.
    public init(workspace: Workspace, families: Families = .all) {
        self.init(names: workspace.variableNames, value: { workspace[$0] }, families: families)
    }

    /// Every edit of `text`, in the order the tree is walked (outer statements first, then left
    /// to right). Text that does not parse has none.
    public func edits(of text: String) -> [RepairEdit] {
        withExtendedLifetime(SourceFile(name: "", text: text)) { file in
            guard let statements = try? Parser.parse(file) else { return [] }
            var walk = EditWalk(enumerator: self, numpyStyle: text.contains("np.") || text.contains(".T"),
                                scope: Set(names))
            walk.visit(statements)
            var seen: Set<RepairEdit> = []
            return walk.edits.filter { seen.insert($0).inserted }
        }
    }

    /// Names one edit away: the same length and one character different (`A1`/`Z1`, `W1`/`W2`).
    static func similar(_ a: String, _ b: String) -> Bool {
        guard a != b, a.count == b.count else { return false }
        return zip(a, b).filter { $0 != $1 }.count == 1
    }
}
