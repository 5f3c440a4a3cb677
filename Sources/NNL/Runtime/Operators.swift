import NNLMatrix

/// Operators on values, with the shape checks and hints a learner needs.
extension Interpreter {
    /// `a op b`. The operands are consumed so that a temporary (`(1 - Y) .* log(1 - A2)`) is
    /// uniquely referenced and the kernel can write the result over it.
    func binary(_ op: BinaryOperator, _ a: consuming Value, _ b: consuming Value, left: Expr, right: Expr,
                at range: SourceRange) throws(Diagnostic) -> Value {
        if let (x, y) = Self.scalars(a, b), let result = Self.scalarOperation(op, x, y) {
            a.recycle()
            b.recycle()
            return .matrix(result)
        }
        checkTextArithmetic(op, a, b, at: range)
        var x = try numeric(a, for: op.rawValue, at: left.range)
        let y = try numeric(b, for: op.rawValue, at: right.range)
        try apply(op, to: &x, y, left: left, right: right, at: range)
        return .matrix(x)
    }

    /// x = x op y, the one place operators are dispatched (also for `W = W - alpha*dW`, which
    /// passes the variable's own matrix). Every check runs before anything is written, so when
    /// this throws `x` is unchanged.
    func apply(_ op: BinaryOperator, to x: inout Matrix, _ y: consuming Matrix, left: Expr, right: Expr,
               at range: SourceRange) throws(Diagnostic) {
        switch op {
        case .matrixMultiply, .matmul:
            if x.isScalar || y.isScalar { return try elementwise(.multiply, &x, y, op, left, right, at: range) }
            guard x.cols == y.rows else { throw innerSizeError(op, x, y, left, right, at: range) }
            x = try product(x, y, range)
        case .divide:
            if y.isScalar { return try elementwise(.divide, &x, y, op, left, right, at: range) }
            x = try rightDivide(x, y, left, right, at: range)
        case .leftDivide:
            if x.isScalar {
                var z = y
                try elementwise(.divide, &z, x, op, right, left, at: range)
                x = z
                return
            }
            x = try leftDivide(x, y, left, right, at: range)
        case .matrixPower:
            x = try matrixPower(x, y, left, right, at: range)
        case .starPower:
            // One spelling, one meaning: only numpy users write `**`, so it is numpy's element-wise
            // power for every shape (in Octave it is `^`, which differs for a square matrix).
            if !x.isScalar || !y.isScalar {
                warnOnce("**.^", Diagnostic("`**` is numpy's spelling of the element-wise power; nnl writes it `.^`", at: range,
                                            hint: "\(operandName(left)).^\(operandName(right)) says the same and works in Octave too (where `**` is the matrix power `^`)",
                                            severity: .warning))
            }
            try elementwise(.power, &x, y, op, left, right, at: range)
        default:
            try elementwise(elementwiseOp(op), &x, y, op, left, right, at: range)
        }
    }

    /// `x op y` without writing over either operand (two variables' values): numbers, a
    /// product, or a few elements of + − .* ./ `.^2`, as `binary` computes them. Nil for the
    /// rest, which takes `binary` with its checks and messages.
    func combined(_ op: BinaryOperator, _ x: Matrix, _ y: Matrix,
                  at range: SourceRange) throws(Diagnostic) -> Value? {
        if x.isScalar, y.isScalar, let result = Self.scalarOperation(op, x.scalar, y.scalar) { return .matrix(result) }
        let kernelOp: BinaryOp
        switch op {
        case .matrixMultiply, .matmul:
            if !x.isScalar && !y.isScalar {
                guard x.cols == y.rows else { return nil }
                return .matrix(try product(x, y, range))
            }
            kernelOp = .multiply
        case .divide where y.isScalar: kernelOp = .divide
        case .add, .subtract, .elementMultiply, .elementDivide, .elementPower: kernelOp = elementwiseOp(op)
        default: return nil
        }
        return try kernel(range) { () throws(MatrixError) in try Matrix.small(kernelOp, x, y) }.map { .matrix($0) }
    }

    /// `a * b'` without making the transpose: the product reads b's rows in place. Anything
    /// but a plain product of a matrix by a transposed matrix takes the general path, so
    /// values and messages are the same as `binary(.matrixMultiply, a, transpose(b))`.
    func productWithTranspose(_ a: consuming Value, _ b: consuming Value, left: Expr, right: Expr,
                              at range: SourceRange) throws(Diagnostic) -> Value {
        if case .matrix(let x) = a, case .matrix(let y) = b, !x.isScalar, y.rows > 1, y.cols > 1, x.cols == y.cols {
            return .matrix(try kernel(range) { () throws(MatrixError) in try Matrix.product(x, transposeOf: y) })
        }
        return try binary(.matrixMultiply, a, transpose(b, at: right.range), left: left, right: right, at: range)
    }

    private static func scalars(_ a: Value, _ b: Value) -> (Double, Double)? {
        guard case .matrix(let x) = a, case .matrix(let y) = b, x.isScalar, y.isScalar else { return nil }
        return (x.scalar, y.scalar)
    }

    /// `a op b` for two numbers, without the kernels' set-up (a scalar operation cost ~600
    /// instructions there): arithmetic and comparisons, which IEEE 754 defines to the bit, so
    /// the kernels give the same result. nil for the rest (powers, `&`, `|`, `\`).
    private static func scalarOperation(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Matrix? {
        let result: Double
        switch op {
        case .add: result = a + b
        case .subtract: result = a - b
        case .elementMultiply, .matrixMultiply, .matmul: result = a * b
        case .elementDivide, .divide: result = a / b
        case .equal: return .logical(a == b)
        case .notEqual: return .logical(a != b)
        case .less: return .logical(a < b)
        case .lessEqual: return .logical(a <= b)
        case .greater: return .logical(a > b)
        case .greaterEqual: return .logical(a >= b)
        case .leftDivide, .matrixPower, .elementPower, .starPower, .and, .or: return nil
        }
        return Matrix(scalar: result)
    }

    private func elementwiseOp(_ op: BinaryOperator) -> BinaryOp {
        switch op {
        case .add: .add
        case .subtract: .subtract
        case .elementMultiply, .matrixMultiply, .matmul: .multiply
        case .elementDivide, .divide, .leftDivide: .divide
        case .elementPower, .matrixPower, .starPower: .power
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        case .and: .and
        case .or: .or
        }
    }

    func elementwise(_ kernelOp: BinaryOp, _ x: inout Matrix, _ y: consuming Matrix, _ op: BinaryOperator,
                     _ left: Expr, _ right: Expr, at range: SourceRange) throws(Diagnostic) {
        guard let shape = broadcastShape(x, y) else {
            throw Diagnostic.fixable("`\(op.rawValue)` needs matching sizes: \(operandName(left)) is \(x.rows)×\(x.cols) but \(operandName(right)) is \(y.rows)×\(y.cols)",
                                   at: range)
        }
        if shape.rows > 1, shape.cols > 1, x.isVector, y.isVector, !x.isScalar, !y.isScalar {
            // Once per place: a loop repeating the statement does not repeat the warning.
            warnOnce("broadcast at \(range.file.map { "\($0.serial)" } ?? ""):\(range.line):\(range.column)", Diagnostic("`\(op.rawValue)` broadcasts \(operandName(left)) (\(x.rows)×\(x.cols)) against \(operandName(right)) (\(y.rows)×\(y.cols)) into a \(shape.rows)×\(shape.cols) matrix",
                            at: range, hint: "this is almost always a bug: did you mean \(transposedText(right))?",
                            severity: .warning))
        }
        if kernelOp == .power { checkPowerDomain(x, y, at: range) }
        do { try Matrix.formElementwise(kernelOp, &x, y) } catch { throw Diagnostic(error, at: range) }
        x.isLogical = kernelOp.isLogical
    }

    func kernel<R>(_ range: SourceRange, _ body: () throws(MatrixError) -> R) throws(Diagnostic) -> R {
        do { return try body() } catch { throw Diagnostic(error, at: range) }
    }

    /// Converts an operand to a matrix: strings become their character codes, as in Octave.
    func numeric(_ v: consuming Value, for op: @autoclosure () -> String, at range: SourceRange) throws(Diagnostic) -> Matrix {
        switch consume v {
        case .matrix(let m): return m
        case .string(let s): return Matrix(row: s.unicodeScalars.map { Double($0.value) })
        case let other:
            throw Diagnostic("`\(op())` cannot be applied to a \(other.className)", at: range,
                             hint: other.className == "function_handle" ? "call the function first, e.g. f(x)" : nil)
        }
    }

    // MARK: - Messages

    /// How an operand is named in a message: its source text when short.
    func operandName(_ e: Expr) -> String {
        if case .name(let id) = e.kind { return id.name }
        let text = e.range.text ?? ""
        return text.isEmpty || text.count > 24 ? "the operand" : text
    }

    private func isSimple(_ e: Expr) -> Bool {
        switch e.kind {
        case .name, .number, .call, .field, .qualifiedName, .matrix: true
        default: false
        }
    }

    func transposedText(_ e: Expr) -> String {
        if let inner = withoutTranspose(e) { return operandName(inner) }
        let text = operandName(e)
        let bracketed = text.hasPrefix("(") && text.hasSuffix(")")
        return isSimple(e) || bracketed ? text + "'" : "(" + text + ")'"
    }

    /// The operand of `A'` or numpy's `A.T`.
    private func withoutTranspose(_ e: Expr) -> Expr? {
        switch e.kind {
        case .transpose(let inner), .field(let inner, "T"): inner
        default: nil
        }
    }

    private func innerSizeError(_ op: BinaryOperator, _ x: Matrix, _ y: Matrix, _ left: Expr, _ right: Expr,
                                at range: SourceRange) -> Diagnostic {
        .fixable("`\(op.rawValue)` needs the inner sizes to agree: \(operandName(left)) is \(x.rows)×\(x.cols) but \(operandName(right)) is \(y.rows)×\(y.cols)",
               at: range)
    }

    // MARK: - Matrix division and power

    private func rightDivide(_ x: Matrix, _ y: Matrix, _ left: Expr, _ right: Expr,
                             at range: SourceRange) throws(Diagnostic) -> Matrix {
        // x / y solves z*y = x, i.e. z' = y' \ x'.
        guard x.cols == y.cols else {
            throw Diagnostic.fixable("`/` needs the same number of columns: \(operandName(left)) is \(x.rows)×\(x.cols) but \(operandName(right)) is \(y.rows)×\(y.cols)",
                                   at: range)
        }
        let solved = try solve(transposeMatrix(y, range), transposeMatrix(x, range), at: range)
        return try transposeMatrix(solved, range)
    }

    private func leftDivide(_ x: Matrix, _ y: Matrix, _ left: Expr, _ right: Expr,
                            at range: SourceRange) throws(Diagnostic) -> Matrix {
        guard x.rows == y.rows else {
            throw Diagnostic("`\\` needs the same number of rows: \(operandName(left)) is \(x.rows)×\(x.cols) but \(operandName(right)) is \(y.rows)×\(y.cols)", at: range)
        }
        return try solve(x, y, at: range)
    }

    func solve(_ a: Matrix, _ b: Matrix, at range: SourceRange) throws(Diagnostic) -> Matrix {
        guard a.rows == a.cols else {
            throw Diagnostic.fixable("matrix division needs a square matrix here (this one is \(a.rows)×\(a.cols))", at: range,
                                     hint: "to divide element by element use `./`")
        }
        let result: Matrix?
        do { result = try Matrix.solve(a, b) } catch { throw Diagnostic(error, at: range) }
        guard let result else {
            throw Diagnostic("the matrix is singular, so the division has no unique answer", at: range)
        }
        return result
    }

    func transposeMatrix(_ m: Matrix, _ range: SourceRange) throws(Diagnostic) -> Matrix {
        if m.isVector { return m.reshaped(rows: m.cols, cols: m.rows) }
        do {
            var t = try m.transposed()
            t.isLogical = m.isLogical
            return t
        } catch { throw Diagnostic(error, at: range) }
    }

    private func matrixPower(_ x: Matrix, _ y: Matrix, _ left: Expr, _ right: Expr,
                             at range: SourceRange) throws(Diagnostic) -> Matrix {
        if x.isScalar && y.isScalar {
            var z = x
            try elementwise(.power, &z, y, .matrixPower, left, right, at: range)
            return z
        }
        let elementwiseHint = "for element-wise powers use `.^`, as in \(operandName(left)).^\(operandName(right))"
        if x.isScalar {
            throw Diagnostic.fixable("a number to the power of a matrix (the matrix exponential) is not supported", at: range,
                             hint: elementwiseHint)
        }
        guard x.rows == x.cols, y.isScalar else {
            throw Diagnostic.fixable("`^` is the matrix power: it needs a square matrix and a whole exponent (here \(operandName(left)) is \(x.rows)×\(x.cols))",
                             at: range, hint: elementwiseHint)
        }
        guard abs(y.scalar) < 1e6 || y.scalar != y.scalar.rounded() else {
            throw Diagnostic.fixable("the exponent \(formatNumberForMessage(y.scalar)) is too large for a matrix power", at: range,
                             hint: elementwiseHint)
        }
        guard y.scalar == y.scalar.rounded(), abs(y.scalar) < 1e6 else {
            throw Diagnostic.fixable("a matrix to a fractional power (such as a matrix square root) is not supported: the exponent must be a whole number",
                             at: range, hint: elementwiseHint)
        }
        let identity = try identityMatrix(x.rows, at: range)
        var result = identity
        var base = y.scalar < 0 ? try solve(x, identity, at: range) : x
        var n = Int(abs(y.scalar))
        while n > 0 {
            if n & 1 == 1 { result = try product(result, base, range) }
            n >>= 1
            if n > 0 { base = try product(base, base, range) }
        }
        return result
    }

    func identityMatrix(_ n: Int, at range: SourceRange) throws(Diagnostic) -> Matrix {
        var result = try allocate(rows: n, cols: n, at: range)
        result.withUnsafeMutableElements { p in
            for i in 0..<n * n { p[i] = i % (n + 1) == 0 ? 1 : 0 }
        }
        return result
    }

    private func product(_ a: Matrix, _ b: Matrix, _ range: SourceRange) throws(Diagnostic) -> Matrix {
        do { return try Matrix.product(a, b) } catch { throw Diagnostic(error, at: range) }
    }

    // MARK: - Unary

    func unary(_ op: UnaryOperator, _ v: Value, operand: Expr, at range: SourceRange) throws(Diagnostic) -> Value {
        let m = try numeric(v, for: op.rawValue, at: operand.range)
        switch op {
        case .plus: return .matrix(m)
        case .negate: return .matrix(try kernel(range) { () throws(MatrixError) in try m.map(.negate) })
        case .not:
            var result = try kernel(range) { () throws(MatrixError) in try m.map(.not) }
            result.isLogical = true
            return .matrix(result)
        }
    }

    func transpose(_ v: Value, at range: SourceRange) throws(Diagnostic) -> Value {
        switch v {
        case .matrix(let m): return .matrix(try transposeMatrix(m, range))
        case .string(let s) where s.count <= 1: return v
        default: throw Diagnostic("a \(v.className) cannot be transposed", at: range)
        }
    }
}

extension BinaryOp {
    /// Comparisons and logic give logical results, which index as masks.
    var isLogical: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .and, .or: true
        default: false
        }
    }
}

private extension Matrix {
    /// 1 or 0, shown as a logical.
    static func logical(_ value: Bool) -> Matrix {
        var m = Matrix(scalar: value ? 1 : 0)
        m.isLogical = true
        return m
    }
}
