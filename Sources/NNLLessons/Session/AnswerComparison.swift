import Foundation
import NNL
import NNLMatrix

/// Why a learner's variable differs from the hidden solution's, in the learner's terms.
public enum Mismatch: Sendable, Equatable {
    case notAssigned(name: String)
    /// Assigned before the exercise and still holding that value.
    case unchanged(name: String)
    case wrongKind(name: String, expected: String, got: String)
    case wrongShape(name: String, expected: String, got: String)
    case transposed(name: String, expected: String)
    /// Every element is `factor` times the expected one.
    case factor(name: String, factor: Double, missingOverM: Bool)
    case sign(name: String)
    /// All zeros where the expected values are not.
    case zeros(name: String, scale: Double)
    case notFinite(name: String)
    /// A mistake recognised from the values (`MistakeFinder`), with what to do about it.
    case recognised(name: String, advice: String)
    case values(name: String, shape: String, largestDifference: Double, row: Int, col: Int)
    case text(name: String, expected: String)

    public var message: String {
        switch self {
        case .notAssigned(let name):
            return "`\(name)` is not assigned yet."
        case .unchanged(let name):
            return "`\(name)` still has the value it had before this exercise."
        case .wrongKind(let name, let expected, let got):
            return "`\(name)` should be a \(expected), but yours is a \(got)."
        case .wrongShape(let name, let expected, let got):
            return "`\(name)` has the wrong shape: yours is \(got), it should be \(expected)."
        case .transposed(let name, let expected):
            return "`\(name)` is transposed: the values are right but it should be \(expected)."
        case .factor(let name, let k, let missingOverM):
            return "`\(name)` is off by a constant factor: yours is \(Self.times(k)) the expected value"
                + (missingOverM ? " (m times)." : ".")
        case .sign(let name):
            return "`\(name)` has the wrong sign: yours is the negative of the expected value."
        case .zeros(let name, let scale):
            return "`\(name)` is all zeros, but the expected values are not (they are up to \(formatted(scale)) in size)."
        case .notFinite(let name):
            return "`\(name)` holds Inf or NaN where the expected values are finite numbers: a division by zero, or log of 0?"
        case .recognised(let name, let advice):
            return "`\(name)` is not right: \(advice)"
        case .values(let name, let shape, let d, let row, let col):
            if shape == "1×1" { return "`\(name)` is not the expected number: yours differs from it by \(formatted(d))." }
            return "`\(name)` has the right shape (\(shape)) but not the right values: the largest difference is \(formatted(d)) at (\(row), \(col))."
        case .text(let name, let expected):
            return "`\(name)` should be \"\(expected)\"."
        }
    }

    /// `400 times`, `1/400 of`, `2.5 times`: a fraction only where its inverse is a whole number.
    private static func times(_ k: Double) -> String {
        let inverse = 1 / k
        if k.magnitude < 1 && (inverse - inverse.rounded()).magnitude < 1e-9 * inverse.magnitude {
            return "1/\(formatted(inverse)) of"
        }
        return "\(formatted(k)) times"
    }
}

/// Compares by value, as numpy's `allclose` with a tolerance relative to the expected values'
/// scale: shape first, then finiteness, then every element within `relativeTolerance` times the
/// largest expected magnitude. So any correct spelling of a formula passes, and zeros do not
/// pass for a gradient whose entries are all about 1e-7.
public enum AnswerComparison {
    public static let relativeTolerance = 1e-6

    /// nil when `got` matches `expected`. `context` is the learner's workspace, where
    /// recognised mistakes look for clues (`m`, `h`, the matrices an answer came from).
    public static func compare(_ name: String, expected: Value, got: Value?, context: Workspace? = nil) -> Mismatch? {
        guard let got else { return .notAssigned(name: name) }
        switch (expected, got) {
        case (.matrix(let e), .matrix(let g)):
            return compareMatrices(name, e, g, context: context)
        case (.string(let e), .string(let g)):
            return e == g ? nil : .text(name: name, expected: e)
        case (.structure(let e), .structure(let g)):
            for (field, value) in e.fields {
                if let mismatch = compare("\(name).\(field)", expected: value, got: g.fields[field], context: context) { return mismatch }
            }
            return nil
        case (.function, .function):
            return nil  // a handle is judged by the checks that call it
        default:
            return .wrongKind(name: name, expected: kindName(expected), got: kindName(got))
        }
    }

    /// Equal values (within the tolerance), for "is this variable unchanged?".
    public static func equal(_ a: Value, _ b: Value) -> Bool {
        compare("", expected: a, got: b) == nil
    }

    private static func compareMatrices(_ name: String, _ e: Matrix, _ g: Matrix, context: Workspace?) -> Mismatch? {
        let expectedShape = "\(e.rows)×\(e.cols)"
        let tolerance = tolerance(for: e)
        if e.rows != g.rows || e.cols != g.cols {
            if e.rows == g.cols && e.cols == g.rows && close(transpose(g), e, tolerance) { return .transposed(name: name, expected: expectedShape) }
            if let advice = MistakeFinder.shape(expected: e, got: g, context: context) { return .recognised(name: name, advice: advice) }
            return .wrongShape(name: name, expected: expectedShape, got: "\(g.rows)×\(g.cols)")
        }
        if close(g, e, tolerance) { return nil }
        if (0..<e.count).contains(where: { !g[$0].isFinite && e[$0].isFinite }) { return .notFinite(name: name) }
        if e.rows == e.cols && e.rows > 1 && close(transpose(g), e, tolerance) { return .transposed(name: name, expected: expectedShape) }
        if (0..<g.count).allSatisfy({ g[$0] == 0 }) { return .zeros(name: name, scale: scale(of: e)) }
        if let advice = MistakeFinder.values(expected: e, got: g, context: context) { return .recognised(name: name, advice: advice) }
        if let k = constantRatio(g, e, tolerance) {
            // Any two numbers have a ratio: for one number only -1 and m tell something.
            let m = context.flatMap { scalar($0["m"]) }
            let missingOverM = m.map { closeScalars(k, $0) } ?? false
            if closeScalars(k, -1) { return .sign(name: name) }
            if !e.isScalar || missingOverM { return .factor(name: name, factor: k, missingOverM: missingOverM) }
        }
        var worst = (d: 0.0, i: 0)
        for i in 0..<e.count {
            let d = (g[i] - e[i]).magnitude
            if d > worst.d || (d.isNaN && !worst.d.isNaN) { worst = (d, i) }
        }
        return .values(name: name, shape: expectedShape, largestDifference: worst.d, row: worst.i % e.rows + 1, col: worst.i / e.rows + 1)
    }

    /// What "equal" allows: relative to the largest expected value, and a hair above 0 for all zeros.
    static func tolerance(for e: Matrix) -> Double {
        let s = scale(of: e)
        return s == 0 ? 1e-12 : relativeTolerance * s
    }

    /// The largest finite magnitude among the expected values (0 for all zeros).
    static func scale(of e: Matrix) -> Double {
        var largest = 0.0
        for i in 0..<e.count where e[i].isFinite { largest = max(largest, e[i].magnitude) }
        return largest
    }

    /// The k with got = k·expected for every element, when there is one (and it is neither 1 nor 0).
    static func constantRatio(_ g: Matrix, _ e: Matrix, _ tolerance: Double) -> Double? {
        var k: Double?
        for i in 0..<e.count {
            if e[i].magnitude <= tolerance { continue }
            let r = g[i] / e[i]
            guard r.isFinite else { return nil }
            if let k, !closeScalars(r, k) { return nil }
            if k == nil { k = r }
        }
        guard let k, !closeScalars(k, 1), k != 0 else { return nil }
        return close(g, e.scaled(by: k), tolerance * max(1, k.magnitude)) ? k : nil
    }

    static func closeScalars(_ a: Double, _ b: Double) -> Bool {
        (a.isNaN && b.isNaN) || a == b || (a - b).magnitude <= relativeTolerance * max(a.magnitude, b.magnitude)
    }

    /// Every element within `tolerance`; NaN matches NaN and infinities match themselves.
    static func close(_ a: Matrix, _ b: Matrix, _ tolerance: Double) -> Bool {
        (0..<b.count).allSatisfy { i in
            a[i] == b[i] || (a[i].isNaN && b[i].isNaN) || (a[i] - b[i]).magnitude <= tolerance
        }
    }

    static func transpose(_ a: Matrix) -> Matrix {
        var elements: [Double] = []
        elements.reserveCapacity(a.count)
        for r in 0..<a.rows { for c in 0..<a.cols { elements.append(a[r, c]) } }
        return Matrix(rows: a.cols, cols: a.rows, columnMajor: elements)
    }

    static func scalar(_ value: Value?) -> Double? {
        if case .matrix(let x)? = value, x.isScalar { x.scalar } else { nil }
    }

    private static func kindName(_ v: Value) -> String {
        switch v {
        case .matrix: "matrix"
        case .string: "string"
        case .structure: "struct"
        case .function: "function handle"
        }
    }
}

extension Matrix {
    /// Each element times `k`.
    func scaled(by k: Double) -> Matrix {
        Matrix(rows: rows, cols: cols, columnMajor: (0..<count).map { self[$0] * k })
    }
}

/// One number format for every message: `400`, `0.5`, `2.5e-07` (four significant digits).
func formatted(_ x: Double) -> String {
    String(format: "%.4g", x)
}
