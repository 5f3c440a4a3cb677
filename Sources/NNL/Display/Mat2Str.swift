import Foundation
import NNLMatrix

/// Octave's `mat2str`: the value as source text, `%.{precision}g` per element, columns split
/// by spaces and rows by `;` (`[1 2;3 4]`), no brackets for a scalar, `[]` when empty.
/// Beyond Octave: a string gives a quoted literal, a handle its text, a struct a `struct(...)` call.
public func mat2str(_ value: Value, precision: Int = 15) -> String {
    switch value {
    case .matrix(let m):
        if m.isEmpty { return "[]" }
        // Past 17 digits a double has nothing more to say; the cap keeps huge requests cheap.
        let digits = Int32(min(max(precision, 1), 40))
        let number = { (x: Double) in m.isLogical ? (x != 0 ? "true" : "false") : nonFiniteText(x) ?? cFormat("%.*g", digits, x) }
        if m.isScalar { return number(m.scalar) }
        let rows = (0..<m.rows).map { r in (0..<m.cols).map { number(m[r, $0]) }.joined(separator: " ") }
        return "[" + rows.joined(separator: ";") + "]"
    case .string(let s):
        return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
    case .function(let f):
        return f.text
    case .structure(let s):
        let fields = s.fields.map { "'\($0.key)', \(mat2str($0.value, precision: precision))" }
        return "struct(" + fields.joined(separator: ", ") + ")"
    }
}
