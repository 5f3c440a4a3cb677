import Foundation

/// How big a figure is drawn in the terminal, and whether in colour.
public struct TerminalPlotOptions: Sendable, Equatable {
    /// Columns and lines of the whole figure, labels and legend included.
    public var width: Int
    public var height: Int
    public var colour: Bool

    public init(width: Int = 72, height: Int = 20, colour: Bool = false) {
        self.width = width
        self.height = height
        self.colour = colour
    }
}

/// Draws a figure as text: braille lines, marked points, shaded regions, axes with tick
/// labels, title, axis labels and a legend. The same figure and options give the same text.
public struct TerminalPlotRenderer: Sendable {
    public var options: TerminalPlotOptions

    public init(options: TerminalPlotOptions) { self.options = options }

    public func render(_ figure: Figure) -> String {
        let width = max(options.width, 24)
        var out: [String] = []
        if !figure.title.isEmpty { out.append(centred(figure.title, in: width)) }
        if !figure.ylabel.isEmpty { out.append(figure.ylabel) }
        let legend = legendText(figure)
        let footer = 2 + (figure.xlabel.isEmpty ? 0 : 1) + (legend == nil ? 0 : 1)
        let plotHeight = max(4, options.height - out.count - footer)
        let axes = FigureAxes(figure, xTickCount: max(2, (width - 10) / 12), yTickCount: max(2, plotHeight / 3))
        let yLabels = axes.y.tickLabels
        let margin = (yLabels.map(\.count).max() ?? 0) + 1
        var canvas = TerminalCanvas(width: max(8, width - margin - 1), height: plotHeight)
        draw(figure, axes, on: &canvas)

        let yTickRows = Dictionary(zip(axes.y.ticks, yLabels).compactMap { tick, label in
            axes.y.fraction(tick).map { (row(for: $0, canvas), label) }
        }, uniquingKeysWith: { first, _ in first })
        for y in 0..<plotHeight {
            let label = yTickRows[y]
            out.append(padLeft(label ?? "", margin - 1) + " " + (label == nil ? "│" : "┤") + canvas.row(y, colour: options.colour))
        }
        let xTicks = zip(axes.x.ticks, axes.x.tickLabels).compactMap { tick, label in
            axes.x.fraction(tick).map { (column: Int(($0 * Double(canvas.dotWidth - 1)).rounded()) / 2, label: label) }
        }
        out.append(String(repeating: " ", count: margin) + "└" + String((0..<canvas.width).map { x in
            xTicks.contains { $0.column == x } ? "┬" : "─"
        }))
        out.append(tickLabelLine(xTicks, offset: margin + 1, width: margin + 1 + canvas.width))
        if !figure.xlabel.isEmpty {
            out.append(String(repeating: " ", count: margin + 1) + centred(figure.xlabel, in: canvas.width))
        }
        if let legend { out.append(legend) }
        return out.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n") + "\n"
    }

    private func draw(_ figure: Figure, _ axes: FigureAxes, on canvas: inout TerminalCanvas) {
        let classes = figure.classes
        if let regions = figure.regions {
            for y in 0..<canvas.height {
                let yValue = value(1 - (Double(y) + 0.5) / Double(canvas.height), on: axes.y)
                for x in 0..<canvas.width {
                    let xValue = value((Double(x) + 0.5) / Double(canvas.width), on: axes.x)
                    if let index = classes.firstIndex(of: regions.label(atX: xValue, y: yValue)) {
                        canvas.shade(x: x, y: y, class: index)
                    }
                }
            }
        }
        for (index, line) in figure.lines.enumerated() {
            var previous: (x: Int, y: Int)?
            for (x, y) in zip(line.x, line.y) {
                let here = dot(x, y, axes, canvas)
                if let here, let previous { canvas.line(from: previous, to: here, line: index) }
                else if let here { canvas.dot(x: here.x, y: here.y, line: index) }
                previous = here
            }
        }
        for set in figure.points {
            for ((x, y), label) in zip(zip(set.x, set.y), set.labels) {
                guard let d = dot(x, y, axes, canvas), let index = classes.firstIndex(of: label) else { continue }
                canvas.point(x: d.x / 2, y: d.y / 4, class: index)
            }
        }
    }

    private func dot(_ x: Double, _ y: Double, _ axes: FigureAxes, _ canvas: TerminalCanvas) -> (x: Int, y: Int)? {
        guard let fx = axes.x.fraction(x), let fy = axes.y.fraction(y) else { return nil }
        return (Int((fx * Double(canvas.dotWidth - 1)).rounded()), Int(((1 - fy) * Double(canvas.dotHeight - 1)).rounded()))
    }

    private func row(for fraction: Double, _ canvas: TerminalCanvas) -> Int {
        Int(((1 - fraction) * Double(canvas.dotHeight - 1)).rounded()) / 4
    }

    /// The data value at a fraction of an axis.
    private func value(_ fraction: Double, on axis: Axis) -> Double {
        let v = axis.low + fraction * (axis.high - axis.low)
        return axis.isLog ? pow(10, v) : v
    }

    /// Labels centred under their ticks, dropping any that would touch the one before.
    private func tickLabelLine(_ ticks: [(column: Int, label: String)], offset: Int, width: Int) -> String {
        var line = Array(repeating: Character(" "), count: width)
        var free = 0
        for (column, label) in ticks {
            let start = min(max(offset + column - label.count / 2, free), width - label.count)
            guard start >= free else { continue }
            line.replaceSubrange(start..<start + label.count, with: label)
            free = start + label.count + 1
        }
        return String(line)
    }

    /// Line names when there are several (or any is named), and one marker per class.
    private func legendText(_ figure: Figure) -> String? {
        var entries: [String] = []
        if figure.lines.count > 1 || figure.lines.contains(where: { !$0.name.isEmpty }) {
            for (i, line) in figure.lines.enumerated() {
                entries.append(styled("━━", Palette.line(i).ansi) + " " + (line.name.isEmpty ? "y\(i + 1)" : line.name))
            }
        }
        for (i, label) in figure.classes.enumerated() {
            entries.append(styled(String(Palette.marker(i)), Palette.class(i).ansi) + " class " + String(format: "%g", label))
        }
        return entries.isEmpty ? nil : "  " + entries.joined(separator: "   ")
    }

    private func styled(_ text: String, _ code: String) -> String {
        ansi(text, code, if: options.colour)
    }

    private func centred(_ text: String, in width: Int) -> String {
        String(repeating: " ", count: max(0, (width - text.count) / 2)) + text
    }

    private func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
