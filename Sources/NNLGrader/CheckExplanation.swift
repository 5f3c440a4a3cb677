import Foundation
import NNL
import NNLMatrix

/// For a failed `check(allclose(GOT, EXPECTED, ...), msg)` or `check(isequal(GOT, EXPECTED), msg)`:
/// evaluates both arguments again and says what was expected and what was found.
struct CheckExplanation {
    let interpreter: Interpreter
    /// Name under which the re-evaluated text runs, so protected names stay protected.
    let sourceName: String

    func explain(_ range: SourceRange) -> String? {
        guard let line = range.file?.line(range.line) else { return nil }
        let text = String(line.dropFirst(range.column - 1).prefix(range.length))
        var parser = Parser(SourceFile(name: sourceName, text: text))
        guard let call = try? parser.parseExpression(),
              case .call(let callee, let args) = call.kind, case .name(let check) = callee.kind, check.name == "check",
              let condition = args.first?.value, case .call(let f, let fargs) = condition.kind,
              case .name(let comparison) = f.kind, ["allclose", "isequal"].contains(comparison.name), fargs.count >= 2,
              let got = evaluate(fargs[0].value, in: text), let expected = evaluate(fargs[1].value, in: text)
        else { return nil }
        var out = "expected \(ValueSummary(expected))\n   found \(ValueSummary(got))"
        if case .matrix(let a) = got, case .matrix(let b) = expected {
            if a.rows == b.cols, a.cols == b.rows, a.rows != a.cols { out += "\n   (the shapes are transposed: is a `'` missing or extra?)" }
            if a.rows == b.rows, a.cols == b.cols, a.count > 0 {
                let gap = (0..<a.count).map { abs(a[$0] - b[$0]) }.max() ?? 0
                out += "\n   largest difference: \(ValueSummary.number(gap))"
            }
        }
        return out
    }

    /// One argument's text, evaluated with output muted; nil when it fails.
    private func evaluate(_ e: Expr, in text: String) -> Value? {
        let start = text.index(text.startIndex, offsetBy: max(e.range.column - 1, 0), limitedBy: text.endIndex) ?? text.endIndex
        let argument = String(text[start...].prefix(e.range.length))
        let output = interpreter.output, errorOutput = interpreter.errorOutput
        interpreter.output = { _ in }
        interpreter.errorOutput = { _ in }
        defer { interpreter.output = output; interpreter.errorOutput = errorOutput }
        return try? interpreter.evaluate(argument, name: sourceName)
    }
}

/// A short description of a value for a report: its shape and its first elements.
struct ValueSummary: CustomStringConvertible {
    static let maxElements = 12
    let value: Value

    init(_ value: Value) { self.value = value }

    var description: String {
        switch value {
        case .matrix(let m):
            guard m.count > 0 else { return "(\(m.rows)×\(m.cols)) []" }
            var rows: [String] = []
            var shown = 0
            for r in 0..<m.rows where shown < Self.maxElements {
                let cols = min(m.cols, Self.maxElements - shown)
                rows.append((0..<cols).map { Self.number(m[r, $0]) }.joined(separator: " "))
                shown += cols
            }
            let more = m.count > shown ? " …" : ""
            return "(\(m.rows)×\(m.cols)) [\(rows.joined(separator: "; "))\(more)]"
        case .string(let s): return "(string) \"\(s.prefix(200))\""
        case .structure(let s): return "(struct) with fields \(s.fields.keys.joined(separator: ", "))"
        case .function: return "(function handle)"
        }
    }

    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(format: "%.6g", x)
    }
}
