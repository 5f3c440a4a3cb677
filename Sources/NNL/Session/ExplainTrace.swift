/// `:explain`: a statement run with every sub-expression's value recorded, in evaluation
/// order, so a learner sees `1/m → 1×1`, `1/m * dZ2 → 1×400`, `A1' → 400×4`, `→ 1×4`.
public struct ExplainTrace {
    public struct Step {
        /// The sub-expression as typed.
        public var text: String
        public var value: Value
    }

    public private(set) var steps: [Step] = []
    /// How many steps were left out beyond `limit` (a loop repeats its expressions).
    public private(set) var omitted = 0
    public static let limit = 200

    /// Runs `source` in `interpreter`, recording the sub-expressions written in it (not those
    /// inside the functions it calls). The error, if any, comes back with the steps before it.
    public static func run(_ source: SourceFile, in interpreter: Interpreter) -> (ExplainTrace, Error?) {
        var trace = ExplainTrace()
        let previous = interpreter.observer
        interpreter.observer = { expr, value in
            guard expr.range.file === source, let text = Self.isWorthShowing(expr) ? Self.text(of: expr.range) : nil else { return }
            if trace.steps.count < limit { trace.steps.append(Step(text: text, value: value)) } else { trace.omitted += 1 }
        }
        defer { interpreter.observer = previous }
        do {
            try interpreter.run(source)
            return (trace, nil)
        } catch {
            return (trace, error)
        }
    }

    /// Number and string literals say nothing new.
    private static func isWorthShowing(_ e: Expr) -> Bool {
        switch e.kind {
        case .number, .string, .colon, .end: false
        default: true
        }
    }

    /// The expression as typed. A node's range leaves out the parentheses that closed its
    /// last operand (`W2' * dZ2 .* (1 - A1.^2`), so they are taken back from the line.
    private static func text(of range: SourceRange) -> String? {
        guard let line = range.file?.line(range.line) else { return nil }
        var text = String(line.dropFirst(range.column - 1).prefix(range.length))
        var rest = line.dropFirst(range.column - 1 + range.length)
        while text.filter({ $0 == "(" }).count > text.filter({ $0 == ")" }).count,
              let close = rest.firstIndex(where: { $0 != " " }), rest[close] == ")" {
            text += rest[...close]
            rest = rest[rest.index(after: close)...]
        }
        return text
    }

    /// One aligned line a step: `  1/m * dZ2  → 1×400  [0.001 -0.002 0.0005 …]`, shapes dim
    /// when `color` is on.
    public func render(color: Bool) -> String {
        let textWidth = min(steps.map(\.text.count).max() ?? 0, 40)
        let shapeWidth = steps.map(\.value.shapeText.count).max() ?? 0
        var out = steps.map { step in
            let text = step.text.count > textWidth ? String(step.text.prefix(textWidth - 1)) + "…" : step.text
            let shape = step.value.shapeText.padding(toLength: shapeWidth, withPad: " ", startingAt: 0)
            let paintedShape = color ? "\u{1B}[2m\(shape)\u{1B}[0m" : shape
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
