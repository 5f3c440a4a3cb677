import NNLMatrix

/// The one-liners of the course's Python notebooks that have a meaning here: `float(...)` and
/// `int(...)` of one number (`cost = float(np.squeeze(cost))`), and `assert`, which Octave has too.
extension Builtins {
    static let python: [Builtin] = [
        Builtin(name: "float", help: "float(x)\nPython's float: the one number in x (a 1×1 matrix, or text such as \"0.5\"). nnl's numbers are already doubles, so the notebook's cost = float(np.squeeze(cost)) keeps cost as it is.",
                example: "cost = float(np.squeeze(0.6931))", arity: 0...1, body: { c throws(Diagnostic) in
                    [.scalar(try oneNumber(c))]
                }),
        Builtin(name: "int", help: "int(x)\nPython's int: the one number in x with its fraction cut off, toward zero (int(-2.7) is -2), as fix(x).",
                example: "int(3.7)", arity: 0...1, body: { c throws(Diagnostic) in
                    let x = try oneNumber(c)
                    guard x.isFinite else { throw Diagnostic("int cannot make a whole number of \(formatNumberForMessage(x))", at: c.range) }
                    return [.scalar(x.rounded(.towardZero))]
                }),
        Builtin(name: "assert", help: "assert(cond), assert(cond, message), assert(observed, expected), assert(observed, expected, tol)\nStops with an error unless cond is true (every element nonzero), or unless observed equals expected (within tol: |observed - expected| <= tol, or a relative tolerance when tol < 0), as Octave's.",
                example: "assert(size(zeros(4, 400)) == [4 400])", arity: 1...3, body: { c throws(Diagnostic) in
                    try checkAssertion(c)
                    return []
                }),
    ]

    /// Python's conversions take exactly one number, or text that spells one.
    private static func oneNumber(_ c: BuiltinCall) throws(Diagnostic) -> Double {
        // `isinstance(cost, float)`: the name of Python's type, not a call.
        guard let value = c.args.first else {
            throw Diagnostic("`\(c.name)` converts a number, as \(c.name)(x); as Python's type it has no meaning here", at: c.range,
                             hint: "isinstance(x, \(c.name)) is isnumeric(x) && isscalar(x) in nnl; class(x) names what x is")
        }
        switch value {
        case .string(let s):
            guard let x = Double(s.trimmingCharacters(in: .whitespaces)) else {
                throw Diagnostic("\(c.name) cannot read a number from the text \"\(s)\"", at: c.range, hint: "str2double(s) gives NaN for text that is no number")
            }
            return x
        case .matrix(let m) where m.count == 1:
            return m.scalar
        case let other:
            throw Diagnostic("\(c.name) needs one number, but this is a \(other.shapeText) \(other.className)", at: c.range,
                             hint: "as in numpy, only one number converts: pick one, as x(1), or reduce, as sum(x) or mean(x)")
        }
    }

    private static func checkAssertion(_ c: BuiltinCall) throws(Diagnostic) {
        let written = c.syntax.positional(0)?.range.text
        if c.args.count == 1 || (c.args.count == 2 && c.args[1].className == "char" && c.args[0].className != "char") {
            guard try checkPasses(c.args[0], c) else {
                if c.args.count == 2 { throw Diagnostic(try c.string(1), at: c.range) }
                throw Diagnostic("assert failed: \(written ?? "the condition") is not true", at: c.range)
            }
            return
        }
        let observed = c.args[0], expected = c.args[1]
        if c.args.count == 3, case .matrix(let a) = observed, case .matrix(let b) = expected, a.rows == b.rows, a.cols == b.cols {
            let tol = try c.scalar(2)
            let close = (0..<a.count).allSatisfy { i in
                a[i] == b[i] || abs(a[i] - b[i]) <= (tol < 0 ? -tol * abs(b[i]) : tol)
            }
            if close { return }
        } else if valuesEqual(observed, expected) {
            return
        }
        throw Diagnostic("assert failed: \(written ?? "the value") is not the expected value", at: c.range,
                         hint: "observed \(observed.shapeText) \(observed.className), expected \(expected.shapeText) \(expected.className)")
    }
}
