/// `:explain`: a statement run with every sub-expression's value recorded, in evaluation
/// order, so a learner sees `1/m → 1×1`, `1/m * dZ2 → 1×400`, `A1' → 400×4`, `→ 1×4`.
public struct ExplainTrace: Sendable {
    public struct Step: Sendable {
        /// The sub-expression as typed.
        public var text: String
        public var value: Value
    }

    public private(set) var steps: [Step] = []
    /// How many steps were left out beyond `limit` (a loop repeats its expressions).
    public private(set) var omitted = 0
    public static let limit = 200

    /// Keeps a sub-expression written in `source` (not one inside a function it calls).
    mutating func record(_ expr: Expr, _ value: Value, in source: SourceFile) {
        guard expr.range.file === source, Self.isWorthShowing(expr), let text = expr.range.text else { return }
        if steps.count < Self.limit { steps.append(Step(text: text, value: value)) } else { omitted += 1 }
    }

    /// Number and string literals say nothing new.
    private static func isWorthShowing(_ e: Expr) -> Bool {
        switch e.kind {
        case .number, .string, .colon, .end: false
        default: true
        }
    }

    /// One aligned line a step: `  1/m * dZ2  → 1×400  [0.001 -0.002 0.0005 …]`, shapes dim
    /// when `color` is on.
    public func render(color: Bool) -> String {
        let textWidth = min(steps.map(\.text.count).max() ?? 0, 40)
        let shapeWidth = steps.map(\.value.shapeText.count).max() ?? 0
        var out = steps.map { step in
            let text = step.text.count > textWidth ? String(step.text.prefix(textWidth - 1)) + "…" : step.text
            let shape = step.value.shapeText.padding(toLength: shapeWidth, withPad: " ", startingAt: 0)
            let paintedShape = ansi(shape, "2", if: color)
            let line = "  " + text.padding(toLength: textWidth, withPad: " ", startingAt: 0) + "  → " + paintedShape + "  " + valueSummary(step.value)
            return line.trimmingTrailingSpaces() + "\n"
        }.joined()
        if omitted > 0 { out += "  … and \(omitted) more steps\n" }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
