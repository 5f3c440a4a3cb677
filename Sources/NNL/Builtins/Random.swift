import NNLMatrix

/// Random numbers, bit for bit numpy's legacy generator, and the course's data set.
extension Builtins {
    static let random: [Builtin] = [
        seedBuiltin("seed", aliases: ["np.random.seed"]),
        draw("rand", aliases: ["np.random.rand"], "Uniform numbers in [0, 1), numpy's np.random.rand.", "seed(1); rand(2, 3)") { rng, r, c throws(MatrixError) in try rng.rand(rows: r, cols: c) },
        draw("randn", aliases: ["np.random.randn"], "Standard normal numbers, numpy's np.random.randn: seed(1); randn(2, 3) equals numpy's.", "seed(2); W1 = randn(4, 2) * 0.01") { rng, r, c throws(MatrixError) in try rng.randn(rows: r, cols: c) },
        Builtin(name: "np.random.randint", help: "np.random.randint(low, high, size=(r, c)), np.random.randint(high)\nWhole numbers drawn uniformly from low…high-1 (0…high-1 with one bound), exactly as numpy's; without size, one number.",
                example: "np.random.seed(0); np.random.randint(0, 10, size=(2, 3))", arity: 1...3, keywords: ["high", "size"],
                body: { c throws(Diagnostic) in
                    let first = try c.integer(try c.scalar(0), what: "low", minimum: Int(Int32.min))
                    let second = c.args.count >= 2 ? c.args[1] : c.keyword("high")
                    let (low, high) = try second.map { v throws(Diagnostic) in
                        guard case .matrix(let m) = v, m.count == 1 else { throw Diagnostic("high= must be one number", at: c.range) }
                        return (first, try c.integer(m.scalar, what: "high", minimum: Int(Int32.min)))
                    } ?? (0, first)
                    guard low < high, high - low <= Int(UInt32.max) else {
                        throw Diagnostic("np.random.randint needs low < high (and a range that fits 32 bits): low is \(low), high \(high)", at: c.range)
                    }
                    var (r, k) = (1, 1)
                    if let size = c.args.count == 3 ? c.args[2] : c.keyword("size") {
                        guard case .matrix(let d) = size, d.count == 1 || d.count == 2 else {
                            throw Diagnostic("size= is a number n or a shape (r, c)", at: c.range)
                        }
                        (r, k) = d.count == 1 ? (1, try c.integer(d[0], what: "size")) : (try c.integer(d[0], what: "size"), try c.integer(d[1], what: "size"))
                    }
                    return [try c.kernel { () throws(MatrixError) in try c.interpreter.rng.randint(low: low, high: high, rows: r, cols: k) }]
                }),
        Builtin(name: "randi", help: "randi(imax), randi(imax, r, c), randi([lo hi], r, c)\nWhole numbers drawn uniformly from 1…imax (or lo…hi), as numpy's randint(lo, hi+1).",
                example: "seed(0); randi(6, 1, 5)", arity: 1...3, body: { c throws(Diagnostic) in
                    let bounds = try c.matrix(0)
                    let (lo, hi) = bounds.count >= 2 ? (bounds[0], bounds[1]) : (1, bounds[0])
                    let low = try c.integer(lo, what: "the lowest value", minimum: Int.min / 2)
                    let high = try c.integer(hi, what: "the highest value", minimum: low)
                    let (r, k) = try sizeArguments(c, from: 1)
                    return [try c.kernel { () throws(MatrixError) in try c.interpreter.rng.randint(low: low, high: high + 1, rows: r, cols: k) }]
                }),
        Builtin(name: "np.random.permutation", help: "np.random.permutation(n)\nThe numbers 0…n-1 shuffled, as numpy does (0-based).",
                example: "np.random.seed(0); np.random.permutation(5)", arity: 1...1, body: { c throws(Diagnostic) in
                    let n = try c.integer(0)
                    _ = try c.allocate(1, n)
                    return [.matrix(Matrix(row: c.interpreter.rng.permutation(n).map(Double.init)))]
                }),
        Builtin(name: "randperm", help: "randperm(n)\nThe numbers 1…n shuffled (numpy's permutation, plus one).",
                example: "seed(0); randperm(5)", arity: 1...1, body: { c throws(Diagnostic) in
                    let n = try c.integer(0)
                    _ = try c.allocate(1, n)
                    return [.matrix(Matrix(row: c.interpreter.rng.permutation(n).map { Double($0 + 1) }))]
                }),
        Builtin(name: "planar_dataset", help: "[X, Y] = planar_dataset()\nThe course's 2-class \"flower\" data set: X is 2×400 (one column per point), Y is 1×400 labels 0/1. Exactly numpy's load_planar_dataset().",
                example: "[X, Y] = planar_dataset(); size(X)", arity: 0...0, body: { c throws(Diagnostic) in
                    let (x, y) = planarDataset()
                    return [.matrix(x), .matrix(y)]
                }),
    ]

    static func seedBuiltin(_ name: String, aliases: [String]) -> Builtin {
        Builtin(name: name, aliases: aliases, help: "\(name)(s)\nRestarts the random numbers from seed s (a whole number 0…2^32-1), as np.random.seed(s).",
                example: "\(name)(1); randn(1, 3)", arity: 1...1, body: { c throws(Diagnostic) in
                    let s = try c.scalar(0)
                    guard s == s.rounded(), s >= 0, s <= 4_294_967_295 else {
                        throw Diagnostic("a seed must be a whole number from 0 to 2^32-1, not \(formatNumberForMessage(s))", at: c.range)
                    }
                    c.interpreter.seed(UInt32(s))
                    return []
                })
    }

    static func draw(_ name: String, aliases: [String], _ help: String, _ example: String,
                     _ f: @escaping @Sendable (inout NumpyRandom, Int, Int) throws(MatrixError) -> Matrix) -> Builtin {
        Builtin(name: name, aliases: aliases, help: "\(name)(n), \(name)(r, c)\n\(help) Filled in numpy's (row-major) order.",
                example: example, body: { c throws(Diagnostic) in
                    var (r, k) = try sizeArguments(c, from: 0)
                    // numpy's randn(n) is 1-D, which behaves as a row here; Octave's randn(n) is n×n.
                    if c.name.hasPrefix("np."), c.args.count == 1, try c.matrix(0).count == 1 { r = 1 }
                    let interpreter = c.interpreter
                    return [try c.kernel { () throws(MatrixError) in try f(&interpreter.rng, r, k) }]
                })
    }
}
