import Foundation
import NNL
import NNLMatrix

/// Why a learner's variable differs from the hidden solution's, in the learner's terms.
public enum Mismatch: Sendable, Equatable {
    case notAssigned(name: String)
    case wrongKind(name: String, expected: String, got: String)
    case wrongShape(name: String, expected: String, got: String)
    case transposed(name: String, expected: String)
    /// Every element is `factor` times the expected one.
    case factor(name: String, factor: Double, missingOverM: Bool)
    case sign(name: String)
    case values(name: String, shape: String, largestDifference: Double, row: Int, col: Int)
    case text(name: String, expected: String)

    public var message: String {
        switch self {
        case .notAssigned(let name):
            return "`\(name)` is not assigned yet."
        case .wrongKind(let name, let expected, let got):
            return "`\(name)` should be a \(expected), but yours is a \(got)."
        case .wrongShape(let name, let expected, let got):
            return "`\(name)` has the wrong shape: yours is \(got), it should be \(expected)."
        case .transposed(let name, let expected):
            return "`\(name)` is transposed: the values are right but it should be \(expected). A `'` too many or too few?"
        case .factor(let name, let k, let missingOverM):
            let times = k.magnitude >= 1 ? "\(number(k)) times" : "1/\(number(1 / k)) of"
            return "`\(name)` is off by a constant factor: yours is \(times) the expected value."
                + (missingOverM ? " Did you forget the 1/m?" : "")
        case .sign(let name):
            return "`\(name)` has the wrong sign: yours is the negative of the expected value."
        case .values(let name, let shape, let d, let row, let col):
            let place = shape == "1×1" ? "" : " at (\(row), \(col))"
            return "`\(name)` has the right shape (\(shape)) but not the right values: the largest difference is \(number(d))\(place)."
        case .text(let name, let expected):
            return "`\(name)` should be \"\(expected)\"."
        }
    }
}

/// Compares by value: shape first, then every element within a tolerance, so any
/// correct spelling of a formula passes.
public enum AnswerComparison {
    public static let tolerance = 1e-6

    /// nil when `got` matches `expected`. `m` is the workspace's `m`, to name a missing 1/m.
    public static func compare(_ name: String, expected: Value, got: Value?, m: Double? = nil) -> Mismatch? {
        guard let got else { return .notAssigned(name: name) }
        switch (expected, got) {
        case (.matrix(let e), .matrix(let g)):
            return compareMatrices(name, e, g, m: m)
        case (.string(let e), .string(let g)):
            return e == g ? nil : .text(name: name, expected: e)
        case (.structure(let e), .structure(let g)):
            for (field, value) in e.fields {
                if let mismatch = compare("\(name).\(field)", expected: value, got: g.fields[field], m: m) { return mismatch }
            }
            return nil
        case (.function, .function):
            return nil  // a handle is judged by the checks that call it
        default:
            return .wrongKind(name: name, expected: kindName(expected), got: kindName(got))
        }
    }

    private static func compareMatrices(_ name: String, _ e: Matrix, _ g: Matrix, m: Double?) -> Mismatch? {
        let expectedShape = "\(e.rows)×\(e.cols)"
        if e.rows != g.rows || e.cols != g.cols {
            if e.rows == g.cols && e.cols == g.rows && close(transpose(g), e) { return .transposed(name: name, expected: expectedShape) }
            return .wrongShape(name: name, expected: expectedShape, got: "\(g.rows)×\(g.cols)")
        }
        if close(g, e) { return nil }
        if e.rows == e.cols && e.rows > 1 && close(transpose(g), e) { return .transposed(name: name, expected: expectedShape) }
        if let k = constantRatio(g, e) {
            if close(k, -1) { return .sign(name: name) }
            return .factor(name: name, factor: k, missingOverM: m.map { close(k, $0) } ?? false)
        }
        var worst = (d: 0.0, i: 0)
        for i in 0..<e.count {
            let d = (g[i] - e[i]).magnitude
            if d > worst.d || (d.isNaN && !worst.d.isNaN) { worst = (d, i) }
        }
        return .values(name: name, shape: expectedShape, largestDifference: worst.d, row: worst.i % e.rows + 1, col: worst.i / e.rows + 1)
    }

    /// The k with got = k·expected for every element, when there is one (and it is not 1).
    private static func constantRatio(_ g: Matrix, _ e: Matrix) -> Double? {
        var k: Double?
        for i in 0..<e.count {
            if e[i] == 0 || e[i].magnitude < tolerance {
                guard g[i].magnitude < tolerance else { return nil }
                continue
            }
            let r = g[i] / e[i]
            guard r.isFinite else { return nil }
            if let k, !close(r, k) { return nil }
            if k == nil { k = r }
        }
        return k.flatMap { close($0, 1) ? nil : $0 }
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        (a.isNaN && b.isNaN) || a == b || (a - b).magnitude <= tolerance * max(1, b.magnitude)
    }

    private static func close(_ a: Matrix, _ b: Matrix) -> Bool {
        (0..<b.count).allSatisfy { close(a[$0], b[$0]) }
    }

    private static func transpose(_ a: Matrix) -> Matrix {
        var elements: [Double] = []
        elements.reserveCapacity(a.count)
        for r in 0..<a.rows { for c in 0..<a.cols { elements.append(a[r, c]) } }
        return Matrix(rows: a.cols, cols: a.rows, columnMajor: elements)
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

/// A number as a learner would write it: `400`, `0.5`, `2.5e-07`.
private func number(_ x: Double) -> String {
    if x == x.rounded() && x.magnitude < 1e15 { return String(Int(x)) }
    let text = String(format: "%.4g", x)
    return text
}
