import NNL
import NNLMatrix

/// What went wrong in a wrong answer, said only once it is verified. First the repair engine:
/// the small edit of the learner's own statements that gives the expected values (`repair`).
/// Then facts read from the values alone, named before the generic "largest difference": the
/// sigmoid's complement, a 0-based column, `/2*h` for `/(2*h)`, a sum of everything or a row.
enum MistakeFinder {
    /// Seconds a diagnosis may take: the learner is waiting.
    static let budget = 0.5
    /// Advice for an answer of the wrong shape, when its shape says what happened.
    static func shape(expected e: Matrix, got g: Matrix, context: Workspace?) -> String? {
        guard e.cols == 1 && e.rows > 1 else { return nil }
        let tolerance = AnswerComparison.tolerance(for: e)
        if g.isScalar && (g.scalar - (0..<e.count).reduce(0) { $0 + e[$1] }).magnitude <= tolerance * Double(e.count) {
            return "yours is the sum of every element, a single number; it should be \(e.rows)×1, one sum per row: `sum(·, 2)` (numpy: `np.sum(·, axis=1, keepdims=True)`)."
        }
        if g.rows == 1, let m = AnswerComparison.scalar(context?["m"]), Double(g.cols) == m {
            return "yours is 1×\(g.cols), one entry per example; it should be \(e.rows)×1, one sum per row over the examples: `sum(·, 2)` (numpy: `axis=1, keepdims=True`)."
        }
        return nil
    }

    /// Advice for an answer of the right shape but the wrong values.
    static func values(expected e: Matrix, got g: Matrix, context: Workspace?) -> String? {
        sigmoidSign(e, g) ?? halfTimesH(e, g, context) ?? zeroBasedColumn(e, g, context)
    }

    /// sigmoid(−z) = 1 − sigmoid(z): every value is 1 minus the expected one.
    private static func sigmoidSign(_ e: Matrix, _ g: Matrix) -> String? {
        guard (0..<e.count).allSatisfy({ e[$0] > 0 && e[$0] < 1 }) else { return nil }
        let complement = Matrix(rows: e.rows, cols: e.cols, columnMajor: (0..<e.count).map { 1 - e[$0] })
        guard AnswerComparison.close(g, complement, 1e-9) else { return nil }
        return "every value is 1 minus the expected one, as sigmoid(−z) would give: the sigmoid is `1 ./ (1 + exp(-z))`, with a minus in the exponent."
    }

    /// `(f(x+h) - f(x-h))/2*h` divides by 2 and then multiplies by h: h² times the answer.
    private static func halfTimesH(_ e: Matrix, _ g: Matrix, _ context: Workspace?) -> String? {
        guard let h = AnswerComparison.scalar(context?["h"]), h != 0, h.magnitude < 1,
              let k = AnswerComparison.constantRatio(g, e, AnswerComparison.tolerance(for: e)),
              AnswerComparison.closeScalars(k, h * h) else { return nil }
        return "yours is h² times the expected value: `/2*h` divides by 2 and then multiplies by h. Write `/(2*h)`."
    }

    /// A column of a workspace matrix, one to the left of the expected column (0-based habit).
    private static func zeroBasedColumn(_ e: Matrix, _ g: Matrix, _ context: Workspace?) -> String? {
        guard e.cols == 1, e.rows > 1, let context else { return nil }
        for name in context.variableNames {
            guard case .matrix(let source)? = context[name], source.rows == e.rows, source.cols > 1 else { continue }
            for j in 0..<(source.cols - 1) where isColumn(j, of: source, g) && isColumn(j + 1, of: source, e) {
                return "yours is column \(j + 1) of `\(name)`; the expected one is column \(j + 2). nnl counts from 1: numpy's `\(name)[:, \(j + 1)]` is `\(name)(:, \(j + 2))`."
            }
        }
        return nil
    }

    private static func isColumn(_ j: Int, of source: Matrix, _ v: Matrix) -> Bool {
        (0..<source.rows).allSatisfy { source[$0, j] == v[$0] }
    }
}
