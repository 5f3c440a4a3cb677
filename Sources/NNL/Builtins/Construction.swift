import NNLMatrix

/// Making matrices: zeros, ones, eye, linspace, repmat, reshape, and the constants.
extension Builtins {
    static let construction: [Builtin] = [
        Builtin(name: "zeros", help: "zeros(n), zeros(r, c), np.zeros((r, c))\nA matrix of zeros; zeros(n) is n×n.",
                example: "b1 = zeros(4, 1)", body: { c throws(Diagnostic) in [.matrix(try filled(&c, 0))] }),
        Builtin(name: "ones", help: "ones(n), ones(r, c)\nA matrix of ones; ones(n) is n×n.",
                example: "ones(2, 3)", body: { c throws(Diagnostic) in [.matrix(try filled(&c, 1))] }),
        Builtin(name: "eye", aliases: ["np.eye"], help: "eye(n), eye(r, c)\nThe identity matrix.",
                example: "eye(3)", body: { c throws(Diagnostic) in
                    var m = try filled(&c, 0)
                    for i in 0..<min(m.rows, m.cols) { m[i, i] = 1 }
                    return [.matrix(m)]
                }),
        Builtin(name: "linspace", help: "linspace(a, b, n)\nn evenly spaced points from a to b (n defaults to 100), as numpy computes them.",
                example: "linspace(0, 1, 5)", arity: 2...3, body: { c throws(Diagnostic) in
                    let a = try c.scalar(0), b = try c.scalar(1)
                    let n = c.args.count == 3 ? try c.integer(2) : 100
                    var m = try c.allocate(1, n)
                    let step = n > 1 ? (b - a) / Double(n - 1) : 0
                    for i in 0..<n { m[i] = a + Double(i) * step }
                    if n > 1 { m[n - 1] = b }
                    return [.matrix(m)]
                }),
        Builtin(name: "repmat", help: "repmat(A, r, c)\nTiles A r times down and c times across.",
                example: "repmat([1 2], 2, 3)", arity: 2...3, body: { c throws(Diagnostic) in
                    let a = try c.matrix(0)
                    let (r, k) = try sizeArguments(c, from: 1)
                    var m = try c.allocate(try c.sizeProduct(a.rows, r), try c.sizeProduct(a.cols, k))
                    for j in 0..<m.cols { for i in 0..<m.rows { m[i, j] = a[i % a.rows, j % a.cols] } }
                    m.isLogical = a.isLogical
                    if case .string = c.args[0] {
                        guard m.rows <= 1 else { throw charMatrixError(at: c.range) }
                        return [.string(NNL.text(fromCodes: m))]
                    }
                    return [.matrix(m)]
                }),
        Builtin(name: "reshape", help: "reshape(A, r, c)\nThe same elements, column by column, in an r×c matrix. One size may be [] to infer it.",
                example: "reshape(1:6, 2, 3)", arity: 2...3, body: { c throws(Diagnostic) in
                    let a = try c.matrix(0)
                    var dims: [Int?] = []
                    if c.args.count == 2 {
                        let d = try c.matrix(1)
                        guard d.count == 2 else { throw Diagnostic("reshape needs two sizes, as in reshape(A, 2, 3)", at: c.range) }
                        dims = [try c.integer(d[0], what: "a size"), try c.integer(d[1], what: "a size")]
                    } else {
                        for i in 1...2 { dims.append(try c.matrix(i).isEmpty ? nil : try c.integer(i)) }
                    }
                    if dims[0] == nil, let k = dims[1], k > 0 { dims[0] = a.count / k }
                    if dims[1] == nil, let r = dims[0], r > 0 { dims[1] = a.count / r }
                    guard let r = dims[0], let k = dims[1], try c.sizeProduct(r, k) == a.count else {
                        throw Diagnostic("reshape cannot turn \(a.rows)×\(a.cols) (\(a.count) elements) into \(dims.map { $0.map(String.init) ?? "[]" }.joined(separator: "×"))",
                                         at: c.range, hint: "the number of elements must stay the same")
                    }
                    return [.matrix(a.reshaped(rows: r, cols: k))]
                }),
        Builtin(name: "np.zeros", help: "np.zeros((r, c)), np.zeros(n)\nnumpy's zeros: a shape tuple gives r×c; one number n gives a 1×n row (numpy's 1-D array).",
                example: "np.zeros((4, 1))", body: { c throws(Diagnostic) in [.matrix(try filled(&c, 0, numpy: true))] }),
        Builtin(name: "np.ones", help: "np.ones((r, c)), np.ones(n)\nnumpy's ones, shaped as np.zeros.",
                example: "np.ones((2, 3))", body: { c throws(Diagnostic) in [.matrix(try filled(&c, 1, numpy: true))] }),
        constant("pi", aliases: ["np.pi"], Double.pi, "The number π."),
        constant("e", aliases: ["np.e"], eulersNumber, "Euler's number e = exp(1)."),
        constant("Inf", aliases: ["inf", "np.inf"], .infinity, "Infinity, as 1/0 gives."),
        constant("NaN", aliases: ["nan", "np.nan"], .nan, "Not a number, as 0/0 gives."),
        constant("eps", .ulpOfOne, "The spacing of doubles at 1: 2^-52."),
        constant("realmax", .greatestFiniteMagnitude, "The largest finite double, about 1.7977e+308."),
        constant("realmin", .leastNormalMagnitude, "The smallest normalised positive double, about 2.2251e-308."),
        constant("flintmax", 9007199254740992, "2^53: past it, not every whole number is a double."),
        logical("true", aliases: ["True"], true), logical("false", aliases: ["False"], false),
    ]

    static let eulersNumber = 2.718281828459045

    static func constant(_ name: String, aliases: [String] = [], _ x: Double, _ help: String) -> Builtin {
        Builtin(name: name, aliases: aliases, help: "\(name)\n\(help)", example: "\(name)", body: { c throws(Diagnostic) in
            if c.args.isEmpty { return [.scalar(x)] }
            return [.matrix(try filled(&c, x))]
        })
    }

    static func logical(_ name: String, aliases: [String], _ b: Bool) -> Builtin {
        Builtin(name: name, aliases: aliases, help: "\(name)\nThe logical value \(b ? 1 : 0).", example: "x = \(name)",
                body: { c throws(Diagnostic) in
                    var m = c.args.isEmpty ? Matrix(scalar: b ? 1 : 0) : try filled(&c, b ? 1 : 0)
                    m.isLogical = true
                    return [.matrix(m)]
                })
    }

    /// Sizes as Octave takes them: (n), (r, c), ([r c]) or numpy's ((r, c)).
    static func sizeArguments(_ c: BuiltinCall, from start: Int) throws(Diagnostic) -> (Int, Int) {
        let rest = c.args.count - start
        if rest == 0 { return (1, 1) }
        if rest == 1 {
            let d = try c.matrix(start)
            if d.count == 1 {
                let n = try c.integer(d[0], what: "a size")
                return (n, n)
            }
            guard d.count == 2 else { throw Diagnostic("a size is [rows, columns], not \(d.count) numbers", at: c.range) }
            return (try c.integer(d[0], what: "a size"), try c.integer(d[1], what: "a size"))
        }
        for i in (start + 2)..<max(start + 2, c.args.count) where try c.scalar(i) != 1 {
            throw Diagnostic("nnl matrices have two dimensions", at: c.range)
        }
        return (try c.integer(start), try c.integer(start + 1))
    }

    static func filled(_ c: inout BuiltinCall, _ x: Double, numpy: Bool = false) throws(Diagnostic) -> Matrix {
        var (r, k) = try sizeArguments(c, from: 0)
        if numpy, c.args.count == 1, try c.matrix(0).count == 1 { r = 1 }
        return try filled(&c, rows: r, cols: k, x)
    }

    static func filled(_ c: inout BuiltinCall, rows: Int, cols: Int, _ x: Double) throws(Diagnostic) -> Matrix {
        var m = try c.allocate(rows, cols)
        m.withUnsafeMutableElements { $0.initialize(repeating: x, count: rows * cols) }
        return m
    }
}

/// Namespace for the builtin groups; `BuiltinTable.standard` joins them.
enum Builtins {}
