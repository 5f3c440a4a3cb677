import NNLMatrix

/// Expression evaluation: one case per syntax node.
extension Interpreter {
    func eval(_ e: Expr, _ frame: Frame) throws(Diagnostic) -> Value {
        let value = try evalNode(e, frame)
        if let observer { observer(e, value) }
        return value
    }

    /// The frequent forms from the node's stored parts; the rest from its kind.
    private func evalNode(_ e: Expr, _ frame: Frame) throws(Diagnostic) -> Value {
        switch e.form {
        case .number:
            return e.constant!
        case .name:
            if let v = frame[e.identifier!.slot] { return v }
            return try evalKind(e, frame)
        case .binary:
            return try evalBinary(e.binaryOperator!, e.left!, e.right!, frame, at: e.operatorRange)
        case .transpose:
            return try transpose(eval(e.left!, frame), at: e.range)
        case .call:
            return try evalCallValue(e, e.left!, e.arguments, frame)
        case .other:
            return try evalKind(e, frame)
        }
    }

    private func evalBinary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, _ frame: Frame,
                            at opRange: SourceRange) throws(Diagnostic) -> Value {
        if observer == nil, let result = try binaryOfStoredValues(op, left, right, frame, at: opRange) {
            try pollAfterKernel(at: opRange)
            return result
        }
        let a = try eval(left, frame)
        // `A * B'` reads B's rows instead of making B' (unless `:explain` wants to see B').
        if op == .matrixMultiply, observer == nil, right.form == .transpose {
            let b = try eval(right.left!, frame)
            let product = try productWithTranspose(consume a, consume b, left: left, right: right, at: opRange)
            try pollAfterKernel(at: opRange)
            return product
        }
        let b = try eval(right, frame)
        let result = try binary(op, consume a, consume b, left: left, right: right, at: opRange)
        try pollAfterKernel(at: opRange)
        return result
    }

    /// `W1*x`, `a2 - y`, `0.05*dW1`, `a1.^2`: when both operands are variables or numbers,
    /// neither may be written over, so `combined` computes into a new matrix without `binary`'s
    /// steps for temporaries. Nil when an operand is anything else or `combined` leaves the
    /// operation to the general path.
    private func binaryOfStoredValues(_ op: BinaryOperator, _ left: Expr, _ right: Expr, _ frame: Frame,
                                      at range: SourceRange) throws(Diagnostic) -> Value? {
        guard case .matrix(let x)? = storedValue(left, frame), case .matrix(let y)? = storedValue(right, frame) else { return nil }
        return try combined(op, x, y, at: range)
    }

    /// The value of a number literal or a variable, read without evaluating anything.
    private func storedValue(_ e: Expr, _ frame: Frame) -> Value? {
        switch e.form {
        case .number: e.constant
        case .name: frame[e.identifier!.slot]
        default: nil
        }
    }

    /// Every other form, and a name that is not a variable.
    private func evalKind(_ e: Expr, _ frame: Frame) throws(Diagnostic) -> Value {
        switch e.kind {
        case .number, .binary, .transpose, .call:
            return try evalNode(e, frame)
        case .string(let s):
            return .string(s)
        case .name(let id):  // not a variable (`evalNode` looked): a call without arguments
            return try single(call(named: id.name, args: [], keywords: [:], nargout: 1, at: id.range, frame: frame, site: e), e)
        case .qualifiedName(let name):
            return try single(call(named: name, args: [], keywords: [:], nargout: 1, at: e.range, site: e), e)
        case .unary(let op, let operand):
            return try unary(op, eval(operand, frame), operand: operand, at: e.range)
        case .shortCircuit(let isAnd, let left, let right):
            let a = try logicalScalar(eval(left, frame), isAnd ? "&&" : "||", at: left.range)
            if isAnd ? !a : a { return .bool(a) }
            return .bool(try logicalScalar(eval(right, frame), isAnd ? "&&" : "||", at: right.range))
        case .range(let start, let step, let stop):
            return try range(start, step, stop, frame, at: e.range)
        case .field(let base, let name):
            return try field(name, of: eval(base, frame), at: e.range)
        case .variadicArgument(let args):
            let picked = try variadicArguments(args, frame, at: e.range)
            guard picked.count == 1 else {
                throw Diagnostic("varargin{...} here must name one input, but it names \(picked.count)", at: e.range,
                                 hint: "varargin{k} is the k-th extra input; varargin{:} passes them all on, as in f(varargin{:})")
            }
            return picked[0]
        case .dynamicField(let base, let name):
            let object = try eval(base, frame)
            return try field(fieldName(eval(name, frame), at: name.range), of: object, at: e.range)
        case .matrix(let rows):
            return try concatenate(rows, frame, at: e.range)
        case .colon:
            throw Diagnostic("`:` alone only works inside an index, as in `X(:, 1)`", at: e.range)
        case .end:
            guard let context = endContext.last else {
                throw Diagnostic("`end` only works inside an index, as in `X(end)`", at: e.range)
            }
            return .scalar(Double(endValue(context)))
        case .anonymousFunction(let decl):
            let captured = decl.captures.compactMap { c in frame[c.outer.slot].map { (c.inner, $0) } }
            return .function(FunctionValue(target: .anonymous(AnonymousFunction(decl: decl, captured: captured)),
                                           text: decl.text))
        case .functionHandle(let name):
            guard functions[name] != nil || builtins[name] != nil else {
                throw undefined(name, at: e.range, frame)
            }
            // A handle is a use: one made by student code could be called from a test's.
            if functions[name] == nil, isForbidden(name, in: e.range.file) { throw Self.forbidden(name, at: e.range) }
            return .function(FunctionValue(target: .named(name), text: "@" + name))
        }
    }

    /// Evaluates an expression that may produce several values (`[a, b] = f(x)`).
    func evalMulti(_ e: Expr, _ frame: Frame, nargout: Int) throws(Diagnostic) -> [Value] {
        switch e.kind {
        case .call(let callee, let args):
            let values = try evalCall(callee, args, frame, nargout: nargout, at: e.range)
            if let observer, let first = values.first { observer(e, first) }
            return values
        case .name(let id) where frame[id.slot] == nil:
            let values = try call(named: id.name, args: [], keywords: [:], nargout: nargout, at: id.range, frame: frame, site: e)
            if let observer, let first = values.first { observer(e, first) }
            return values
        case .qualifiedName(let name):
            return try call(named: name, args: [], keywords: [:], nargout: nargout, at: e.range, site: e)
        default:
            return [try eval(e, frame)]
        }
    }

    func single(_ values: [Value], _ e: Expr) throws(Diagnostic) -> Value {
        guard let v = values.first else {
            throw Diagnostic("this call returns no value, so it cannot be used in an expression", at: e.range)
        }
        return v
    }

    private func endValue(_ context: (value: Value, position: Int, count: Int)) -> Int {
        let (rows, cols) = context.value.shape
        if context.count == 1 { return rows * cols }
        return context.position == 0 ? rows : (context.position == 1 ? cols : 1)
    }

    private func logicalScalar(_ v: Value, _ op: String, at range: SourceRange) throws(Diagnostic) -> Bool {
        guard case .matrix(let m) = v, !m.isEmpty else {
            throw Diagnostic("`\(op)` needs a logical scalar here, but this is \(v.className == "double" ? "empty" : "a \(v.className)")", at: range)
        }
        if m.count > 1 {
            throw Diagnostic("`\(op)` needs a scalar, but this is \(m.rows)×\(m.cols)", at: range,
                             hint: "use `\(op == "&&" ? "&" : "|")` for element-wise logic, or all(...) / any(...)")
        }
        if m.scalar.isNaN { throw Diagnostic("`\(op)` cannot use NaN as a truth value", at: range) }
        return m.scalar != 0
    }

    /// `a:b` and `a:s:b` as Octave computes them: n = floor((b-a)/s + tolerance) + 1.
    private func range(_ startExpr: Expr, _ stepExpr: Expr?, _ stopExpr: Expr, _ frame: Frame,
                       at range: SourceRange) throws(Diagnostic) -> Value {
        let first = try eval(startExpr, frame), last = try eval(stopExpr, frame)
        let start = try rangeBound(first, at: startExpr.range)
        let step = try stepExpr.map { e throws(Diagnostic) in try rangeBound(eval(e, frame), at: e.range) } ?? 1
        let stop = try rangeBound(last, at: stopExpr.range)
        // 'a':'e' is text, as in Octave.
        if case .string = first, case .string = last, case .matrix(let codes) = try numericRange(start, step, stop, at: range) {
            return .string(text(fromCodes: codes))
        }
        return try numericRange(start, step, stop, at: range)
    }

    private func numericRange(_ start: Double, _ step: Double, _ stop: Double, at range: SourceRange) throws(Diagnostic) -> Value {
        guard !start.isNaN, !step.isNaN, !stop.isNaN else { return .scalar(.nan) }
        if step == 0 || (step > 0 && start > stop) || (step < 0 && start < stop) {
            return .matrix(try allocate(rows: 1, cols: 0, at: range))
        }
        let span = (stop - start) / step
        guard span.isFinite, span < 1e10 else {
            throw Diagnostic("the range \(formatNumberForMessage(start)):\(formatNumberForMessage(stop)) has too many elements", at: range)
        }
        let n = Int((span + span * .ulpOfOne * 3).rounded(.down)) + 1
        var m = try allocate(rows: 1, cols: n, at: range)
        m.withUnsafeMutableElements { p in
            // The first element is start itself: 0 * Inf would make 1:Inf:5 NaN (Octave: 1).
            for i in 0..<n { p[i] = i == 0 ? start : start + Double(i) * step }
        }
        return .matrix(m)
    }

    private func rangeBound(_ v: Value, at range: SourceRange) throws(Diagnostic) -> Double {
        if case .string(let s) = v, let c = s.unicodeScalars.first { return Double(c.value) }
        guard case .matrix(let m) = v, !m.isEmpty else {
            throw Diagnostic("a range needs numbers at its ends", at: range)
        }
        return m[0]
    }

    /// The text of `s.(name)`, `getfield(s, name)`: a field name must be a valid name.
    func fieldName(_ value: Value, at range: SourceRange) throws(Diagnostic) -> String {
        guard case .string(let name) = value else {
            throw Diagnostic("a field name must be text, but this is a \(value.className)", at: range,
                             hint: "build the name as text: p.(['W' num2str(l)])")
        }
        let letter = { (c: Unicode.Scalar) in ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        guard let first = name.unicodeScalars.first, letter(first),
              name.unicodeScalars.allSatisfy({ letter($0) || $0 == "_" || ("0"..."9").contains($0) }) else {
            throw Diagnostic("\"\(name)\" is not a valid field name: it must start with a letter and hold only letters, digits and _",
                             at: range)
        }
        return name
    }

    func field(_ name: String, of value: Value, at range: SourceRange) throws(Diagnostic) -> Value {
        switch value {
        case .structure(let s):
            if let v = s.fields[name] { return v }
            let hint = closestName(to: name, in: Array(s.fields.keys)).map { "did you mean .\($0)?" }
            throw Diagnostic("this struct has no field `\(name)`", at: range,
                             hint: hint ?? "its fields are: \(s.fields.keys.joined(separator: ", "))")
        case .matrix(let m) where name == "T":
            return try transpose(.matrix(m), at: range)
        case .matrix(let m) where name == "shape":
            return .matrix(Matrix(row: [Double(m.rows), Double(m.cols)]))
        case .matrix(let m) where name == "size":
            return .scalar(Double(m.count))
        default:
            throw Diagnostic("a \(value.className) has no fields; `.\(name)` needs a struct", at: range)
        }
    }
}
