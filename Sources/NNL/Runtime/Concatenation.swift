import NNLMatrix

/// Character codes back to text; codes that are no character are left out.
func text(fromCodes m: Matrix) -> String {
    var text = ""
    for i in 0..<m.count {
        guard m[i].isFinite, let scalar = Unicode.Scalar(UInt32(max(0, min(m[i], 0x10FFFF)))) else { continue }
        text.unicodeScalars.append(scalar)
    }
    return text
}

/// nnl's text is one row; Octave's char matrices (`['ab'; 'cd']`) are not part of it.
func charMatrixError(at range: SourceRange) -> Diagnostic {
    Diagnostic("text in nnl is a single row: char matrices such as ['ab'; 'cd'] are not supported", at: range,
               hint: "keep each line in its own variable, or join them side by side: ['ab', 'cd']")
}

/// `[a, b; c, d]`: each row joins side by side, then rows stack. Empty pieces
/// vanish; numbers next to text become characters, as in Octave.
extension Interpreter {
    func concatenate(_ rows: [[Expr]], _ frame: Frame, at range: SourceRange) throws(Diagnostic) -> Value {
        var joinedRows: [(value: Value, range: SourceRange)] = []
        for row in rows {
            var pieces: [(Value, SourceRange)] = []
            for e in row {
                // `[varargin{:}]`: every input picked becomes a piece of the row.
                let values = if case .variadicArgument(let picks) = e.kind { try variadicArguments(picks, frame, at: e.range) }
                             else { Array(try evalMulti(e, frame, nargout: 1).prefix(1)) }
                for v in values { pieces.append((v, e.range)) }
            }
            if let joined = try joinHorizontally(pieces, at: range) { joinedRows.append((joined, range)) }
        }
        return try joinVertically(joinedRows, at: range)
    }

    private func joinHorizontally(_ pieces: [(Value, SourceRange)], at range: SourceRange) throws(Diagnostic) -> Value? {
        if pieces.contains(where: { if case .string = $0.0 { true } else { false } }) {
            var text = ""
            for (v, r) in pieces { text += try characters(v, at: r) }
            return .string(text)
        }
        if pieces.count == 1, case .structure = pieces[0].0 { return pieces[0].0 }
        if pieces.count == 1, case .function = pieces[0].0 { return pieces[0].0 }
        let all = try pieces.map { p throws(Diagnostic) in (try numeric(p.0, for: "[...]", at: p.1), p.1) }
        // As Octave: the result is logical only when every piece is, empty ones too ([[], true] is double).
        let logical = all.allSatisfy { $0.0.isLogical }
        let matrices = droppingEmpties(all)
        if matrices.count == 1 {
            var only = matrices[0].0
            only.isLogical = logical
            return .matrix(only)
        }
        guard let first = matrices.first else { return pieces.isEmpty ? nil : .matrix(Matrix.empty()) }
        for (m, r) in matrices where m.rows != first.0.rows {
            throw Diagnostic("`[a, b]` puts values side by side, so they need the same number of rows: \(first.0.rows)×\(first.0.cols) next to \(m.rows)×\(m.cols)",
                             at: r, hint: "to stack them instead, use `;`: [a; b]")
        }
        let cols = matrices.reduce(0) { $0 + $1.0.cols }
        var result = try allocate(rows: first.0.rows, cols: cols, at: range)
        result.withUnsafeMutableElements { out in
            var offset = 0
            for (m, _) in matrices {
                m.withUnsafeElements { p in (out + offset).update(from: p, count: m.count) }
                offset += m.count
            }
        }
        result.isLogical = logical
        return .matrix(result)
    }

    private func joinVertically(_ rows: [(value: Value, range: SourceRange)], at range: SourceRange) throws(Diagnostic) -> Value {
        if rows.count == 1 { return rows[0].value }
        if rows.isEmpty { return .matrix(Matrix.empty()) }
        if rows.contains(where: { if case .string = $0.value { true } else { false } }) { throw charMatrixError(at: range) }
        let all = try rows.map { r throws(Diagnostic) in (try numeric(r.value, for: "[...]", at: r.range), r.range) }
        let logical = all.allSatisfy { $0.0.isLogical }
        let matrices = droppingEmpties(all)
        guard let first = matrices.first else { return .matrix(Matrix.empty()) }
        for (m, _) in matrices where m.cols != first.0.cols {
            throw Diagnostic("`[a; b]` stacks rows, so they need the same number of columns: \(first.0.rows)×\(first.0.cols) above \(m.rows)×\(m.cols)",
                             at: range, hint: "to put them side by side instead, use `,`: [a, b]")
        }
        let total = matrices.reduce(0) { $0 + $1.0.rows }
        var result = try allocate(rows: total, cols: first.0.cols, at: range)
        result.withUnsafeMutableElements { out in
            var rowOffset = 0
            for (m, _) in matrices {
                m.withUnsafeElements { p in
                    for c in 0..<m.cols { for r in 0..<m.rows { out[c * total + rowOffset + r] = p[c * m.rows + r] } }
                }
                rowOffset += m.rows
            }
        }
        result.isLogical = logical
        return .matrix(result)
    }

    /// Octave's rule (`dim_vector::hvcat`) for empty pieces: [] (0×0) and the 1×0 / 0×1 ones
    /// vanish; any other empty piece must agree in the kept size (`[ones(2, 0); [1 2]]` is an error).
    private func droppingEmpties(_ pieces: [(Matrix, SourceRange)]) -> [(Matrix, SourceRange)] {
        let allEmpty = pieces.allSatisfy { $0.0.isEmpty }
        return pieces.filter { m, _ in
            !(m.rows == 0 && m.cols == 0) && (m.rows + m.cols != 1 || allEmpty)
        }
    }

    /// A value as text inside `[...]`: numbers are character codes.
    func characters(_ v: Value, at range: SourceRange) throws(Diagnostic) -> String {
        switch v {
        case .string(let s): return s
        case .matrix(let m):
            return text(fromCodes: m)
        default:
            throw Diagnostic("a \(v.className) cannot be joined with text", at: range)
        }
    }
}
