import Foundation
import NNLMatrix

/// Functions applied to every element, and the activations of the course with their derivatives.
extension Builtins {
    static let elementwise: [Builtin] = [
        map("abs", aliases: ["np.abs"], .abs, "The absolute value of each element.", "abs([-2 3])"),
        map("sqrt", aliases: ["np.sqrt"], .sqrt, "The square root of each element (NaN for negatives).", "sqrt([4 9])", domain: true),
        map("exp", aliases: ["np.exp"], .exp, "e raised to each element.", "exp(1)"),
        map("log", aliases: ["np.log"], .log, "The natural logarithm of each element (-Inf at 0, NaN below).", "log([1 exp(2)])", domain: true),
        map("log2", aliases: ["np.log2"], .log2, "The base-2 logarithm of each element.", "log2(8)", domain: true),
        map("log10", aliases: ["np.log10"], .log10, "The base-10 logarithm of each element.", "log10(1000)", domain: true),
        map("sign", aliases: ["np.sign"], .sign, "-1, 0 or 1 for each element's sign.", "sign([-3 0 2])"),
        map("round", .round, "Rounds to the nearest whole number, halves away from zero.", "round([2.5 -2.5 1.4])"),
        map("floor", aliases: ["np.floor"], .floor, "Rounds down.", "floor([1.7 -1.2])"),
        map("ceil", aliases: ["np.ceil"], .ceil, "Rounds up.", "ceil([1.2 -1.7])"),
        map("fix", .fix, "Rounds toward zero.", "fix([1.7 -1.7])"),
        map("sin", aliases: ["np.sin"], .sin, "The sine of each element (radians).", "sin(pi/2)"),
        map("cos", aliases: ["np.cos"], .cos, "The cosine of each element (radians).", "cos(0)"),
        map("tanh", aliases: ["np.tanh"], .tanh, "The hyperbolic tangent: the hidden layer's activation in the course.", "A1 = tanh([-1 0 1])"),
        map("sigmoid", .sigmoid, "1 ./ (1 + exp(-z)): the output activation for a yes/no answer.", "sigmoid([-1 0 1])"),
        map("relu", .relu, "max(0, z) for each element.", "relu([-2 0 3])"),
        map("leaky_relu", .leakyRelu, "max(0.01*z, z) for each element.", "leaky_relu([-2 0 3])"),
        map("sigmoid_grad", .sigmoidGrad, "The derivative of sigmoid at z: s .* (1 - s) with s = sigmoid(z).", "sigmoid_grad(0)"),
        map("tanh_grad", .tanhGrad, "The derivative of tanh at z: 1 - tanh(z).^2.", "tanh_grad([0 1])"),
        map("relu_grad", .reluGrad, "The derivative of relu at z: 1 where z > 0, else 0.", "relu_grad([-1 0 2])"),
        map("leaky_relu_grad", .leakyReluGrad, "The derivative of leaky_relu at z: 1 where z > 0, else 0.01.", "leaky_relu_grad([-1 2])"),
        map("isnan", aliases: ["np.isnan"], .isnan, "1 where an element is NaN.", "isnan([1 NaN])", logical: true),
        map("isinf", aliases: ["np.isinf"], .isinf, "1 where an element is ±Inf.", "isinf([1 Inf -Inf])", logical: true),
        map("isfinite", aliases: ["np.isfinite"], .isfinite, "1 where an element is neither NaN nor ±Inf.", "isfinite([1 Inf NaN])", logical: true),
        map("np.square", .square, "Each element squared.", "np.square([1 2 3])"),
        Builtin(name: "log1p", aliases: ["np.log1p"], help: "log1p(X)\nlog(1 + x) for each element, exact even for tiny x.", example: "log1p(1e-10)",
                elementwise: { x, _, _ in
                    var m = x
                    m.isLogical = false
                    let n = m.count
                    m.withUnsafeMutableElements { p in for i in 0..<n { p[i] = Foundation.log1p(p[i]) } }
                    return m
                }),
        Builtin(name: "np.round", help: "np.round(X), np.round(X, decimals=n)\nnumpy's round: halves go to the even neighbour (np.round(2.5) is 2), unlike Octave's round; with decimals, rounds to n places as numpy does.",
                example: "np.round([0.5 1.5 2.5 2.675], decimals=0)", arity: 1...2, keywords: ["decimals"], body: { c throws(Diagnostic) in
                    let x = try c.matrix(0)
                    let places = c.args.count == 2 ? try c.scalar(1) : try c.keyword("decimals").map { v throws(Diagnostic) in
                        guard case .matrix(let m) = v, m.count == 1 else { throw Diagnostic("decimals= must be a whole number", at: c.range) }
                        return m.scalar
                    } ?? 0
                    let n = try c.integer(places, what: "decimals", minimum: -300)
                    // numpy scales by 10^n, rounds half to even, and scales back.
                    let scale = Foundation.pow(10.0, Double(abs(n)))
                    var r = try c.allocate(x.rows, x.cols)
                    for i in 0..<x.count {
                        r[i] = n >= 0 ? (x[i] * scale).rounded(.toNearestOrEven) / scale
                                      : (x[i] / scale).rounded(.toNearestOrEven) * scale
                    }
                    return [.matrix(r)]
                }),
        pairwise("times", aliases: ["np.multiply"], .multiply, "Element-wise product, the same as a .* b.", "times([1 2], [3 4])"),
        pairwise("plus", aliases: ["np.add"], .add, "Element-wise sum, the same as a + b.", "plus([1 2], 1)"),
        pairwise("minus", aliases: ["np.subtract"], .subtract, "Element-wise difference, the same as a - b.", "minus([1 2], 1)"),
        pairwise("rdivide", aliases: ["np.divide"], .divide, "Element-wise quotient, the same as a ./ b.", "rdivide([1 2], 2)"),
        combine("np.maximum", "The larger of x and y, element by element; NaN if either is NaN (numpy's rule; Octave's max ignores NaN).",
                "np.maximum(0, [-1 2 NaN])") { x, y in x.isNaN || y.isNaN ? .nan : Swift.max(x, y) },
        combine("np.minimum", "The smaller of x and y, element by element; NaN if either is NaN (numpy's rule; Octave's min ignores NaN).",
                "np.minimum(0, [-1 2 NaN])") { x, y in x.isNaN || y.isNaN ? .nan : Swift.min(x, y) },
        pairwise("power", aliases: ["np.power"], .power, "Element-wise power, the same as a .^ b.", "power(2, [1 2 3])"),
        combine("mod", "The remainder of floor division: x - floor(x./y).*y, with the sign of y; mod(x, 0) is x.",
                "mod([5 -5], 3)") { x, y in octaveRemainder(x, y, rounding: .down) },
        combine("rem", "The remainder of truncating division: x - fix(x./y).*y, with the sign of x; rem(x, 0) is NaN (as C's fmod and numpy's np.fmod).",
                "rem([5 -5], 3)") { x, y in octaveRemainder(x, y, rounding: .towardZero) },
    ]

    /// Octave's mod (rounding down) and rem (toward zero): a quotient within an ulp of a whole
    /// number counts as whole when y is fractional, and the result, zero included, carries the
    /// sign of y for mod and of x for rem.
    static func octaveRemainder(_ x: Double, _ y: Double, rounding: FloatingPointRoundingRule) -> Double {
        if y == 0 { return rounding == .down ? x : .nan }
        let q = x / y
        var r: Double
        if y.rounded() != y, abs((q - q.rounded()) / q.rounded()) < .ulpOfOne {
            r = 0
        } else {
            r = x - y * q.rounded(rounding)
        }
        if x != y { r = Double(signOf: rounding == .down ? y : x, magnitudeOf: r) }
        return r
    }

    /// A function of each element. `logical`: its results are 1 or 0 (isnan); `domain`: warn once
    /// when an element is outside the function's real domain (sqrt(-1), log(0)).
    static func map(_ name: String, aliases: [String] = [], _ op: UnaryOp, _ help: String, _ example: String,
                    logical: Bool = false, domain: Bool = false) -> Builtin {
        let exact = correctlyRounded[op]
        return Builtin(name: name, aliases: aliases, help: "\(name)(X)\n\(help)", example: example) { x, range, interpreter throws(Diagnostic) in
            let alone = x.count == 1 ? x[0] : nil
            var m = domain ? try interpreter.mapCheckingDomain(name, op, x, at: range)
                           : try interpreter.unaryKernel(op, x, at: range)
            if let alone, let exact { m[0] = exact(alone) }
            m.isLogical = logical
            return m
        }
    }

    /// glibc's exp, log and tanh, which Octave calls (and numpy, for exp and log, on x86-64),
    /// are correctly rounded but for rare arguments: a number alone gets their value, so that
    /// exp(1) == e and log(3) is Octave's and numpy's. A matrix goes through the vectorised
    /// kernels, ten times faster and within 1 ulp (exp, log) or 2 (tanh): see INTENDED.md.
    static let correctlyRounded: [UnaryOp: @Sendable (Double) -> Double] = [
        .exp: { Foundation.exp($0) }, .log: { Foundation.log($0) }, .tanh: { Foundation.tanh($0) },
    ]

    static func pairwise(_ name: String, aliases: [String] = [], _ op: BinaryOp, _ help: String, _ example: String) -> Builtin {
        Builtin(name: name, aliases: aliases, help: "\(name)(a, b)\n\(help)", example: example, arity: 2...2, body: { c throws(Diagnostic) in
            return [.matrix(try broadcast(&c, op))]
        })
    }

    /// A two-argument function of elements, broadcast like the operators.
    static func combine(_ name: String, _ help: String, _ example: String,
                        _ f: @escaping @Sendable (Double, Double) -> Double) -> Builtin {
        Builtin(name: name, help: "\(name)(x, y)\n\(help)", example: example, arity: 2...2, body: { c throws(Diagnostic) in
            let a = try c.matrix(0), b = try c.matrix(1)
            guard let shape = broadcastShape(a, b) else {
                throw Diagnostic("`\(name)` needs matching sizes: \(a.rows)×\(a.cols) and \(b.rows)×\(b.cols)", at: c.range)
            }
            var m = try c.allocate(shape.rows, shape.cols)
            for j in 0..<shape.cols {
                for i in 0..<shape.rows {
                    m[i, j] = f(a[a.rows == 1 ? 0 : i, a.cols == 1 ? 0 : j], b[b.rows == 1 ? 0 : i, b.cols == 1 ? 0 : j])
                }
            }
            return [.matrix(m)]
        })
    }

    static func broadcast(_ c: inout BuiltinCall, _ op: BinaryOp) throws(Diagnostic) -> Matrix {
        let a = try c.matrix(0), b = try c.matrix(1)
        guard broadcastShape(a, b) != nil else {
            throw Diagnostic("`\(c.name)` needs matching sizes: \(a.rows)×\(a.cols) and \(b.rows)×\(b.cols)", at: c.range)
        }
        do { return try Matrix.elementwise(op, a, b) } catch { throw Diagnostic(error, at: c.range) }
    }
}

extension Interpreter {
    func unaryKernel(_ op: UnaryOp, _ x: consuming Matrix, at range: SourceRange) throws(Diagnostic) -> Matrix {
        do { return try Matrix.map(op, x) } catch { throw Diagnostic(error, at: range) }
    }
}
