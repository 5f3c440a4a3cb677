/// One small change of a program's text, found on its syntax tree and kept as text: the span
/// it replaces (in the user's own spelling) and what replaces it, so a hint can show the fixed
/// statement exactly as the user would type it.
public struct RepairEdit: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// `v` → `v'` (or `v.T` in numpy-style text).
        case addTranspose(operand: String)
        /// `W1'` → `W1`.
        case removeTranspose(operand: String)
        /// `*` ↔ `.*`, `/` ↔ `./`, `^` ↔ `.^`.
        case swapOperator(from: String, to: String)
        /// `X*W1` → `W1*X`.
        case swapOperands
        /// A variable replaced by another in scope: `Z1` → `A1`, a loop variable ↔ its bound.
        case replaceName(from: String, to: String)
        /// The whole right-hand side multiplied by `factor` (spelled `by`: `2`, `1/2`, `m`, `1/m`).
        case scale(by: String, factor: Double)
        /// The whole right-hand side negated.
        case negate
        /// A reduction over the other axis, or over an axis where it had none.
        case changeAxis(function: String)
        /// numpy's `keepdims=True` added to a reduction with an axis.
        case addKeepdims(function: String)
        /// `tanh(a) + b` → `tanh(a + b)`.
        case moveIntoCall(term: String, function: String)
        /// `tanh(a + b)` → `tanh(a) + b`.
        case moveOutOfCall(term: String, function: String)
        /// `a + b` → `a`: a term too many.
        case dropTerm(term: String)
        /// `W1*X` → `W1*X + b1`: a term missing.
        case addTerm(term: String)
        /// `1.2` → `learning_rate`.
        case literalToName(literal: String, name: String)
        /// `learning_rate` → `1.2` (constant pinning).
        case nameToLiteral(name: String, literal: String)
        /// A number replaced by 2, ½, 10 or 1/10 times itself (`1:100` → `1:50`).
        case replaceLiteral(from: String, to: String)
        /// `0:n-1` ↔ `1:n`.
        case shiftRange(to: String)
        /// `x(0)` → `x(1)`: nnl counts from 1.
        case indexFromOne(variable: String)
        /// Another spelling of the same intent: `sum(A, axis=1)` → `sum(A, 2)` or `np.sum(A, axis=1)`.
        case respell(to: String)
    }

    public let kind: Kind
    /// Where the replaced text stands in the enumerated text: 1-based line and column (in
    /// characters) and its length.
    public let line: Int
    public let column: Int
    public let length: Int
    public let original: String
    public let replacement: String

    public init(_ kind: Kind, line: Int, column: Int, length: Int, original: String, replacement: String) {
        self.kind = kind
        self.line = line
        self.column = column
        self.length = length
        self.original = original
        self.replacement = replacement
    }

    public var description: String { "\(original) → \(replacement)" }

    /// Whether two edits touch overlapping text (they cannot both be applied).
    public func overlaps(_ other: RepairEdit) -> Bool {
        line == other.line && column < other.column + other.length && other.column < column + length
    }

    /// `text` with every edit applied, or nil when two of them overlap.
    public static func apply(_ edits: [RepairEdit], to text: String) -> String? {
        for (i, a) in edits.enumerated() {
            for b in edits[(i + 1)...] where a.overlaps(b) { return nil }
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // From the end backwards, so the columns of the edits not yet applied stay right.
        for e in edits.sorted(by: { ($0.line, $0.column) > ($1.line, $1.column) }) {
            guard e.line >= 1, e.line <= lines.count else { return nil }
            var chars = Array(lines[e.line - 1])
            let start = e.column - 1
            guard start >= 0, start + e.length <= chars.count else { return nil }
            chars.replaceSubrange(start..<(start + e.length), with: Array(e.replacement))
            lines[e.line - 1] = String(chars)
        }
        return lines.joined(separator: "\n")
    }
}
