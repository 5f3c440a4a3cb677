import Foundation
import NNLMatrix

/// A value in a few characters, for one line of `:explain`: a scalar as `%.4g`, a small
/// matrix in full (`[1 2;3 4]`), a larger one by the start of its first row
/// (`[0.1 0.2 0.3 …; …]`), never cutting a number in half.
public func valueSummary(_ value: Value, maxLength: Int = 40) -> String {
    switch value {
    case .matrix(let m) where m.count <= 6:
        let text = mat2str(value, precision: 4)
        return text.count <= maxLength || m.rows == 1 ? text : rowStart(m, maxLength)
    case .matrix(let m):
        return rowStart(m, maxLength)
    case .string(let s):
        let text = mat2str(value)
        return text.count <= maxLength ? text : mat2str(.string(String(s.prefix(maxLength - 3)))) + "…"
    case .structure(let s):
        return "struct: " + s.fields.keys.joined(separator: ", ")
    case .function(let f):
        return f.text
    }
}

/// The first row's leading numbers that fit, then `…` and `; …` for what is left out.
private func rowStart(_ m: Matrix, _ maxLength: Int) -> String {
    var shown: [String] = []
    let tail = m.rows > 1 ? "; …]" : "]"
    for c in 0..<min(m.cols, 4) {
        let number = mat2str(.scalar(m[0, c]), precision: 4)
        let length = 1 + (shown + [number]).joined(separator: " ").count + 2 + tail.count
        if !shown.isEmpty && length > maxLength { break }
        shown.append(number)
    }
    let more = shown.count < m.cols ? " …" : ""
    return "[" + shown.joined(separator: " ") + more + tail
}
