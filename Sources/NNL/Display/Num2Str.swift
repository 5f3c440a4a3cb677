import Foundation
import NNLMatrix

/// Octave 7.3's `num2str` (scripts/general/num2str.m): integers with `%{d+3}.0f`, others with
/// at least 5 significant digits (`%{p+7}.{p}g`), a precision `n` as `%{n+7}.{n}g`, or a given
/// printf format applied to each row. Common leading and trailing blank columns are trimmed;
/// the rows of a matrix are joined with newlines.
public func num2str(_ value: Value, precisionOrFormat: Value? = nil) throws(FormatError) -> String {
    let m: Matrix
    switch value {
    case .string(let s): return s
    case .matrix(let matrix): m = matrix
    case .structure, .function:
        throw FormatError(message: "X must be a numeric, logical, or character array")
    }
    if m.isEmpty { return "" }
    let format = try precisionOrFormat.map { v throws(FormatError) in try givenFormat(v) } ?? defaultFormat(m)
    let rowMajor = (0..<m.rows).flatMap { r in (0..<m.cols).map { m[r, $0] } }
    let text = try formatPrintf(rowTemplate(format, columns: m.cols), [.matrix(Matrix(row: rowMajor))])
    let rows = text.split(separator: "\n").map { Array($0) }
    return trimBlankColumns(rows).joined(separator: "\n")
}

/// A format string as given, or a precision `n` as `%{n+7}.{n}g`.
private func givenFormat(_ option: Value) throws(FormatError) -> String {
    switch option {
    case .string(let format):
        return format
    case .matrix(let m) where m.isScalar && m.scalar >= 0 && m.scalar.rounded() == m.scalar && m.scalar < 1000:
        let n = Int(m.scalar)
        return "%\(n + 7).\(n)g"
    default:
        throw FormatError(message: "PRECISION must be a scalar integer >= 0")
    }
}

/// num2str's own choice from the largest finite magnitude; Inf and NaN are ignored.
private func defaultFormat(_ m: Matrix) -> String {
    let finite = m.elements.filter(\.isFinite)
    let largest = finite.map(abs).max() ?? 0
    let digits = largest > 0 ? Int(log10(largest).rounded(.down)) : 0
    if digits > 15 || finite.contains(where: { $0.rounded(.towardZero) != $0 }) {
        let significant = min(max(digits + 5, 5), 16)
        return "%\(significant + 7).\(significant)g"
    }
    let width = finite.count < m.count ? max(digits + 3, 5) : digits + 3
    return "%\(width).0f"
}

/// A one-conversion format repeated across a row and ended with a newline, as num2str does;
/// formats with several conversions, `%s` and `%c` are used as they are.
private func rowTemplate(_ format: String, columns: Int) -> String {
    let conversions = format.replacingOccurrences(of: "%%", with: "").filter { $0 == "%" }.count
    if conversions > 1 || format == "%s" || format == "%c" { return format }
    let row = String(repeating: format, count: columns)
    return String(row.reversed().drop { $0.isWhitespace || $0 == "\0" }.reversed()) + "\n"
}

/// Octave's `strtrim` of a char matrix: rows padded to one length, then the blank columns
/// at both ends that every row shares are removed.
private func trimBlankColumns(_ rows: [[Character]]) -> [String] {
    let length = rows.map(\.count).max() ?? 0
    let padded = rows.map { $0 + Array(repeating: " ", count: length - $0.count) }
    let used = (0..<length).filter { c in padded.contains { !$0[c].isWhitespace } }
    guard let first = used.first, let last = used.last else { return rows.map { _ in "" } }
    return padded.map { String($0[first...last]) }
}
