import NNLMatrix

/// Octave's `switch`: the subject is evaluated once; the first case with a matching label runs.
extension Interpreter {
    func executeSwitch(_ subject: Expr, _ cases: [(labels: [Expr], body: [Stmt])], otherwise: [Stmt]?,
                       _ frame: Frame) throws(Diagnostic) -> Flow {
        let value = try eval(subject, frame)
        for c in cases {
            for label in c.labels where switchMatches(value, try eval(label, frame)) {
                return try executeBlock(c.body, frame)
            }
        }
        return try otherwise.map { (body: [Stmt]) throws(Diagnostic) in try executeBlock(body, frame) } ?? .normal
    }

    /// Octave's rule (`octave_value::is_equal`): the same shape and every element equal, text
    /// compared by its character codes (`'relu'` matches `'relu'` only; `'a'` matches 97); two
    /// empty values match.
    private func switchMatches(_ value: Value, _ label: Value) -> Bool {
        guard let a = switchOperand(value), let b = switchOperand(label), a.rows == b.rows, a.cols == b.cols else {
            return false
        }
        return (0..<a.count).allSatisfy { a[$0] == b[$0] }
    }

    private func switchOperand(_ v: Value) -> Matrix? {
        switch v {
        case .matrix(let m): m
        case .string(let s): s.isEmpty ? Matrix.empty() : Matrix(row: s.unicodeScalars.map { Double($0.value) })
        case .structure, .function: nil
        }
    }
}
