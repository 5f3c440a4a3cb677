import Foundation
import NNLMatrix

/// Figures: the builtins build a `Figure`; drawing it is the renderers' job (Sources/NNL/Plot).
extension Builtins {
    private static let figureKeywords: Set<String> = ["title", "xlabel", "ylabel", "logy", "file"]

    static let plots: [Builtin] = [
        Builtin(name: "plot", help: """
                plot(y), plot(x, y), plot(x, [y1; y2]), plot(..., legend="a, b", title=, xlabel=, ylabel=, logy=true, file="cost.svg")
                Draws y against x (1, 2, 3, … when x is left out). Each row of a matrix y is a line (or each column, when
                the columns match x). With `hold on` the lines join the figure already drawn. file= writes the figure as SVG.
                """,
                example: "z = linspace(-4, 4, 81);\nplot(z, [sigmoid(z); tanh(z)], legend=\"sigmoid, tanh\", title=\"Activations\")",
                arity: 1...2, keywords: figureKeywords.union(["legend"]), body: { c throws(Diagnostic) in
                    var lines = try lineSeries(x: c.args.count == 2 ? try c.matrix(0) : nil, y: try c.matrix(c.args.count - 1), c)
                    if let names = try keywordString(c, "legend") {
                        for (k, name) in names.split(separator: ",").enumerated() where k < lines.count {
                            lines[k].name = name.trimmingCharacters(in: .whitespaces)
                        }
                    }
                    return try draw(c) { $0.lines += lines }
                }),
        Builtin(name: "scatter", help: """
                scatter(x, y), scatter(x, y, labels), scatter(X, labels), with title=, xlabel=, ylabel=, logy=, file=
                Draws points, coloured and marked by class when labels are given; X may be 2×m, one point a column.
                """,
                example: "[X, Y] = planar_dataset();\nscatter(X(1, :), X(2, :), Y, title=\"The flower\")",
                arity: 2...3, keywords: figureKeywords, body: { c throws(Diagnostic) in
                    let first = try c.matrix(0)
                    let points: LabelledPoints
                    if c.args.count == 2 && first.rows == 2 && first.cols > 1 {
                        points = try labelledPoints(first, labels: try c.matrix(1), c)
                    } else {
                        let x = try c.matrix(0), y = try c.matrix(1)
                        guard x.count == y.count else {
                            throw Diagnostic("`scatter` needs as many x as y: x has \(x.count) values but y has \(y.count)", at: c.range)
                        }
                        points = try labelledPoints(Matrix(rows: 2, cols: x.count, columnMajor: zip(x.elements, y.elements).flatMap { [$0, $1] }),
                                                    labels: c.args.count == 3 ? try c.matrix(2) : nil, c)
                    }
                    return try draw(c) { $0.points.append(points) }
                }),
        Builtin(name: "boundary", help: """
                boundary(f, X), boundary(f, X, labels), with title=, xlabel=, ylabel=, file=
                A classifier's decision boundary: calls f on a grid of points over the range of X (2×m, one point a
                column), as f(P) with P 2×k, and shades the classes it answers (labels, or probabilities split at 0.5);
                then draws the points of X coloured by their labels.
                """,
                example: "[X, Y] = planar_dataset();\nboundary(@(P) P(1, :) > 0, X, Y, title=\"x > 0\")",
                arity: 2...3, keywords: figureKeywords, body: { c throws(Diagnostic) in
                    let data = try c.matrix(1)
                    guard data.rows == 2, data.cols >= 1 else {
                        throw Diagnostic("`boundary` needs the points as a 2×m matrix, one point a column, but X is \(data.rows)×\(data.cols)", at: c.range)
                    }
                    let regions = try classifierRegions(c.args[0], over: data, c)
                    let points = c.args.count == 3 ? try labelledPoints(data, labels: try c.matrix(2), c) : nil
                    return try draw(c) { figure in
                        figure.regions = regions
                        if let points { figure.points.append(points) }
                    }
                }),
        Builtin(name: "hold", help: "hold on, hold off, hold\nWith hold on, plot, scatter and boundary add to the figure instead of starting a new one; hold alone toggles.",
                example: "plot([3 2 1]); hold on; plot([1 2 3]); hold off", arity: 0...1, body: { c throws(Diagnostic) in
                    let p = c.interpreter
                    switch c.args.isEmpty ? "toggle" : try c.string(0).lowercased() {
                    case "on": p.plotting.hold = true
                    case "off": p.plotting.hold = false
                    case "toggle": p.plotting.hold.toggle()
                    case let other: throw Diagnostic("`hold` takes on or off, not `\(other)`", at: c.range)
                    }
                    return []
                }),
        Builtin(name: "savefig", help: "savefig(file)\nWrites the current figure as a standalone SVG file, which any browser shows.",
                example: "% plot([1 4 9]); savefig(\"squares.svg\")", arity: 1...1, body: { c throws(Diagnostic) in
                    guard let figure = c.interpreter.plotting.figure else {
                        throw Diagnostic("there is no figure to save yet", at: c.range, hint: "draw one first with plot, scatter or boundary")
                    }
                    try writeSVG(figure, to: try c.string(0), c)
                    return []
                }),
        Builtin(name: "progress", help: "progress(false), progress off, progress on\nTurns the progress bar of long for loops off or on (it shows on a terminal only; NO_PROGRESS=1 turns it off too).",
                example: "progress(false)", arity: 1...1, body: { c throws(Diagnostic) in
                    if case .string(let s) = c.args[0], ["on", "off"].contains(s.lowercased()) {
                        c.interpreter.plotting.progressEnabled = s.lowercased() == "on"
                    } else {
                        c.interpreter.plotting.progressEnabled = try c.scalar(0) != 0
                    }
                    return []
                }),
    ]

    /// Starts a figure (or adds to the held one), applies the keyword options, then shows it.
    private static func draw(_ c: BuiltinCall, _ add: (inout Figure) -> Void) throws(Diagnostic) -> [Value] {
        let p = c.interpreter
        var figure = p.plotting.hold ? p.plotting.figure ?? Figure() : Figure()
        add(&figure)
        if let t = try keywordString(c, "title") { figure.title = t }
        if let t = try keywordString(c, "xlabel") { figure.xlabel = t }
        if let t = try keywordString(c, "ylabel") { figure.ylabel = t }
        if let log = try c.keywordBool("logy") { figure.logY = log }
        p.plotting.figure = figure
        if let file = try keywordString(c, "file") { try writeSVG(figure, to: file, c) }
        p.environment.output(.figure(figure))
        return []
    }

    private static func writeSVG(_ figure: Figure, to path: String, _ c: BuiltinCall) throws(Diagnostic) {
        guard path.lowercased().hasSuffix(".svg") else {
            throw Diagnostic("figures are written as SVG, so the file name must end in .svg", at: c.range, hint: "for example \"cost.svg\"")
        }
        let url = try c.interpreter.environment.files.resolve(path, at: c.range)
        try c.interpreter.environment.files.write(SVGRenderer().render(figure), to: url, at: c.range)
    }

    private static func keywordString(_ c: BuiltinCall, _ name: String) throws(Diagnostic) -> String? {
        guard let value = c.keyword(name) else { return nil }
        guard case .string(let s) = value else { throw Diagnostic("`\(name)=` must be text, such as \(name)=\"…\"", at: c.range) }
        return s
    }

    /// One line per row of y — or per column, when the columns do not match x but the rows do.
    private static func lineSeries(x: Matrix?, y: Matrix, _ c: BuiltinCall) throws(Diagnostic) -> [LineSeries] {
        let n = x?.count ?? (y.isVector ? y.count : max(y.rows, y.cols) == y.cols ? y.cols : y.rows)
        let xs = x?.elements ?? (0..<n).map { Double($0 + 1) }
        if y.isVector && y.count == n { return [LineSeries(name: "", x: xs, y: y.elements)] }
        if y.cols == n { return (0..<y.rows).map { r in LineSeries(name: "", x: xs, y: (0..<n).map { y[r, $0] }) } }
        if y.rows == n { return (0..<y.cols).map { col in LineSeries(name: "", x: xs, y: (0..<n).map { y[$0, col] }) } }
        throw Diagnostic("`plot` needs one x for each y: x has \(n) values but y is \(y.rows)×\(y.cols)", at: c.range,
                         hint: "each row of y is a line as long as x")
    }

    private static func labelledPoints(_ points: Matrix, labels: Matrix?, _ c: BuiltinCall) throws(Diagnostic) -> LabelledPoints {
        let m = points.cols
        if let labels, labels.count != m {
            throw Diagnostic("there are \(m) points but \(labels.count) labels", at: c.range, hint: "give one label per point (a 1×\(m) row)")
        }
        return LabelledPoints(x: (0..<m).map { points[0, $0] }, y: (0..<m).map { points[1, $0] },
                              labels: labels?.elements ?? Array(repeating: 0, count: m))
    }

    /// The classifier's answers on a grid over the points' range and a tenth more on each side.
    private static func classifierRegions(_ f: Value, over data: Matrix, _ c: BuiltinCall) throws(Diagnostic) -> RegionGrid {
        func axis(_ row: Int, _ count: Int) -> [Double] {
            let values = (0..<data.cols).map { data[row, $0] }.filter(\.isFinite)
            let low = values.min() ?? 0, high = values.max() ?? 1
            let pad = max((high - low) * 0.1, 0.5)
            return (0..<count).map { low - pad + (high - low + 2 * pad) * Double($0) / Double(count - 1) }
        }
        let xs = axis(0, 160), ys = axis(1, 120)
        let grid = Matrix(rows: 2, cols: xs.count * ys.count, columnMajor: ys.flatMap { y in xs.flatMap { [$0, y] } })
        let answer = try c.interpreter.callHandle(f, [.matrix(grid)], nargout: 1, at: c.range)
        guard case .matrix(let out)? = answer.first, out.count == grid.cols else {
            throw Diagnostic("the classifier given to `boundary` must return one number per point: for a 2×\(grid.cols) input, a 1×\(grid.cols) row",
                             at: c.range)
        }
        let values = out.elements
        let areLabels = values.allSatisfy { $0 == $0.rounded() }
        return RegionGrid(xs: xs, ys: ys, labels: areLabels ? values : values.map { $0 >= 0.5 ? 1 : 0 })
    }
}
