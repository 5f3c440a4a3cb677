import NNLMatrix

/// Comparing values, and `check`, which lessons and tests are built on.
extension Builtins {
    static let comparison: [Builtin] = [
        Builtin(name: "isequal", help: "isequal(a, b, ...)\n1 if all arguments have the same shape and the same values.",
                example: "isequal([1 2], [1 2])", arity: 2...Int.max, body: { c throws(Diagnostic) in
                    c.interpreter.noteComparison(c.name, found: c.args[0], expected: c.args[1], at: c.range)
                    return [.bool(c.args.dropFirst().allSatisfy { valuesEqual(c.args[0], $0) })]
                }),
        Builtin(name: "allclose", aliases: ["np.allclose"], help: "allclose(a, b), allclose(a, b, tol), allclose(a, b, rtol=1e-5, atol=1e-8, broadcast=false)\n1 if a and b have the same shape and every |a - b| <= atol + rtol*|b| (numpy's rule). A third argument sets both tolerances; broadcast=true compares shapes that broadcast, as numpy does (a scalar against a vector).",
                example: "allclose([0.50021 0.4998], [0.5002 0.4998], 1e-4)", arity: 2...3, keywords: ["rtol", "atol", "broadcast"],
                body: { c throws(Diagnostic) in
                    c.interpreter.noteComparison(c.name, found: c.args[0], expected: c.args[1], at: c.range)
                    let a = try c.matrix(0), b = try c.matrix(1)
                    var rtol = 1e-5, atol = 1e-8
                    if c.args.count == 3 { rtol = try c.scalar(2); atol = rtol }
                    if let r = c.keyword("rtol") { rtol = try tolerance(r, c) }
                    if let t = c.keyword("atol") { atol = try tolerance(t, c) }
                    let broadcast = try c.keyword("broadcast").map { v throws(Diagnostic) in try checkPasses(v, c) } ?? false
                    guard broadcast || (a.rows == b.rows && a.cols == b.cols) else { return [.bool(false)] }
                    return [.bool(allClose(a, b, rtol: rtol, atol: atol))]
                }),
        Builtin(name: "xor", aliases: ["np.logical_xor"], help: "xor(a, b)\n1 where exactly one of a and b is nonzero, element by element.",
                example: "xor([1 0 1], [1 1 0])", arity: 2...2, body: { c throws(Diagnostic) in
                    // not(a) ≠ not(b) is true exactly where one of them is nonzero.
                    let a = try c.matrix(0), b = try c.matrix(1)
                    c.args = [.matrix(try c.interpreter.kernel(c.range) { () throws(MatrixError) in try a.map(.not) }),
                              .matrix(try c.interpreter.kernel(c.range) { () throws(MatrixError) in try b.map(.not) })]
                    var m = try broadcast(&c, .notEqual)
                    m.isLogical = true
                    return [.matrix(m)]
                }),
        Builtin(name: "check", help: "check(cond, message)\nPasses when cond is non-empty and all nonzero. In a lesson or a test this is an exercise check; elsewhere a failed check stops with the message.",
                example: "check(size(zeros(4, 1)) == [4, 1], \"b1 is 4×1\")", arity: 1...2, body: { c throws(Diagnostic) in
                    let message = c.args.count == 2 ? try c.string(1) : "check failed"
                    let passed = try checkPasses(c.args[0], c)
                    try c.interpreter.check(passed, message, at: c.range)
                    return []
                }),
    ]

    static func tolerance(_ v: Value, _ c: BuiltinCall) throws(Diagnostic) -> Double {
        guard case .matrix(let m) = v, m.count == 1 else { throw Diagnostic("a tolerance must be one number", at: c.range) }
        return m.scalar
    }

    static func checkPasses(_ v: Value, _ c: BuiltinCall) throws(Diagnostic) -> Bool {
        switch v {
        case .matrix(let m): return !m.isEmpty && (0..<m.count).allSatisfy { m[$0] != 0 && !m[$0].isNaN }
        case .string(let s): return !s.isEmpty
        default: throw Diagnostic("check needs a condition such as `size(Z1) == [4, 400]`, not a \(v.className)", at: c.range)
        }
    }
}

/// Same kind, same shape, same values (NaN is never equal).
func valuesEqual(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.matrix(let x), .matrix(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.string, .matrix), (.matrix, .string):
        guard case .string(let s) = (a.className == "char" ? a : b), case .matrix(let m) = (a.className == "char" ? b : a) else { return false }
        return m == Matrix(row: s.unicodeScalars.map { Double($0.value) })
    case (.structure(let x), .structure(let y)):
        return x.fields.keys == y.fields.keys && x.fields.keys.allSatisfy { valuesEqual(x.fields[$0]!, y.fields[$0]!) }
    case (.function(let x), .function(let y)): return x.text == y.text
    default: return false
    }
}

/// numpy's allclose: broadcastable shapes, |a - b| <= atol + rtol*|b|, NaN never close.
public func allClose(_ a: Matrix, _ b: Matrix, rtol: Double, atol: Double) -> Bool {
    guard let shape = broadcastShape(a, b) else { return false }
    for j in 0..<shape.cols {
        for i in 0..<shape.rows {
            let x = a[a.rows == 1 ? 0 : i, a.cols == 1 ? 0 : j], y = b[b.rows == 1 ? 0 : i, b.cols == 1 ? 0 : j]
            if x == y { continue }
            if !(abs(x - y) <= atol + rtol * abs(y)) { return false }
        }
    }
    return true
}
