import Foundation
import NNL
import NNLMatrix

/// For a failed `check(allclose(found, expected))` or `check(isequal(found, expected))`: what
/// was expected and what was found — the very values the check compared, nothing run again.
struct CheckExplanation {
    let comparison: Comparison

    init(_ comparison: Comparison) { self.comparison = comparison }

    var text: String {
        let (got, expected) = (comparison.found, comparison.expected)
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
        case .structure(let s):
            let more = s.fields.count > Self.maxElements ? ", …" : ""
            return "(struct) with fields \(s.fields.keys.prefix(Self.maxElements).joined(separator: ", "))\(more)"
        case .function: return "(function handle)"
        }
    }

    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(format: "%.6g", x)
    }
}
