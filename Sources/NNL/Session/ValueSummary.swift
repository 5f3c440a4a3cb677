import Foundation
import NNLMatrix

/// A value in a few characters, for one line of `:explain`: a scalar as `%.5g`, a small
/// matrix in full (`[1 2;3 4]`), a larger one by its first elements (`[0.1 0.2 0.3 …; …]`).
public func valueSummary(_ value: Value, maxLength: Int = 40) -> String {
    let text: String
    switch value {
    case .matrix(let m) where m.count <= 6:
        text = mat2str(value, precision: 4)
    case .matrix(let m):
        let cols = min(m.cols, 3), rows = min(m.rows, 2)
        let shown = (0..<rows).map { r in
            (0..<cols).map { shortNumber(m[r, $0]) }.joined(separator: " ") + (m.cols > cols ? " …" : "")
        }
        text = "[" + shown.joined(separator: "; ") + (m.rows > rows ? "; …" : "") + "]"
    case .string:
        text = mat2str(value)
    case .structure(let s):
        text = "struct: " + s.fields.keys.joined(separator: ", ")
    case .function(let f):
        text = f.text
    }
    return text.count <= maxLength ? text : String(text.prefix(maxLength - 1)) + "…"
}

private func shortNumber(_ x: Double) -> String {
    mat2str(.scalar(x), precision: 4)
}
