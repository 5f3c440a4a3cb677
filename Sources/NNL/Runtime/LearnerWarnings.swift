import NNLMatrix

/// Warnings for the traps numpy warns about and Octave passes over in silence: a NaN from the
/// square root or logarithm of a negative number (nnl has no complex numbers), -Inf from log(0),
/// and text added to a number. Each is given once per session, at the first place it happens.
extension Interpreter {
    func warnOnce(_ key: String, _ diagnostic: @autoclosure () -> Diagnostic) {
        guard !warnedOnce.contains(key) else { return }
        warnedOnce.insert(key)
        warn(diagnostic())
    }

    /// `name(x)` for sqrt and the logarithms, warning that negatives give NaN and zero gives -Inf.
    func mapCheckingDomain(_ name: String, _ op: UnaryOp, _ x: consuming Matrix,
                           at range: SourceRange) throws(Diagnostic) -> Matrix {
        let keys = name.hasPrefix("log") ? [name + "<0", name + "=0"] : [name + "<0"]
        guard !keys.allSatisfy(warnedOnce.contains) else { return try unaryKernel(op, x, at: range) }
        let (result, signs): (Matrix, Signs)
        do { (result, signs) = try Matrix.mapNoticingSigns(op, x) } catch { throw Diagnostic(error, at: range) }
        if signs.negative {
            warnOnce(name + "<0", Diagnostic("\(name) of a negative number gives NaN (nnl has no complex numbers)", at: range,
                                             severity: .warning))
        }
        if signs.zero && name.hasPrefix("log") {
            warnOnce(name + "=0", Diagnostic("\(name) of 0 gives -Inf", at: range,
                                             hint: "in a cost such as log(A2), an activation of exactly 0 or 1 makes the cost infinite",
                                             severity: .warning))
        }
        return result
    }

    /// Before `x .^ y`: a negative base with a fractional exponent gives NaN.
    func checkPowerDomain(_ x: Matrix, _ y: Matrix, at range: SourceRange) {
        guard !warnedOnce.contains("power<0") else { return }
        let fractional = (0..<y.count).contains { y[$0] != y[$0].rounded() && y[$0].isFinite }
        guard fractional, (0..<x.count).contains(where: { x[$0] < 0 }) else { return }
        warnOnce("power<0", Diagnostic("a negative number to a fractional power gives NaN (nnl has no complex numbers)",
                                       at: range, severity: .warning))
    }

    /// `'cost: ' + 0.5` adds character codes; the learner wanted text. (`'a' + 1`, one letter's
    /// code, is a deliberate Octave idiom and passes.)
    func checkTextArithmetic(_ op: BinaryOperator, _ a: Value, _ b: Value, at range: SourceRange) {
        guard op == .add else { return }
        switch (a, b) {
        case (.string(let s), .matrix), (.matrix, .string(let s)):
            guard s.count > 1 else { return }
            warnOnce("text+number", Diagnostic("`+` adds the character codes of the text to the number: the result is numbers, not text",
                                               at: range, hint: "to join text and a number write ['cost: ', num2str(x)] or sprintf('cost: %g', x)",
                                               severity: .warning))
        default: return
        }
    }
}
