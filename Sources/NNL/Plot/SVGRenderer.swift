import Foundation

/// Draws a figure as a standalone SVG document: regions, grid, axes with ticks and labels,
/// lines, points and a legend. Any browser shows it; no scripts or external files.
public struct SVGRenderer: Sendable {
    public var width: Double
    public var height: Double

    public init(width: Double = 640, height: Double = 420) {
        self.width = width
        self.height = height
    }

    /// The plotting area inside the margins left for labels.
    private struct PlotArea {
        let left, top, right, bottom: Double
        var width: Double { right - left }
        var height: Double { bottom - top }
    }

    public func render(_ figure: Figure) -> String {
        let frame = PlotArea(left: figure.ylabel.isEmpty ? 60 : 78, top: figure.title.isEmpty ? 20 : 44,
                          right: width - 20, bottom: height - (figure.xlabel.isEmpty ? 36 : 56))
        let axes = FigureAxes(figure, xTickCount: Int(frame.width / 90), yTickCount: Int(frame.height / 60))
        let x = { (v: Double) in axes.x.fraction(v).map { frame.left + $0 * frame.width } }
        let y = { (v: Double) in axes.y.fraction(v).map { frame.bottom - $0 * frame.height } }

        var svg = [
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(n(width))" height="\#(n(height))" viewBox="0 0 \#(n(width)) \#(n(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">"#,
            #"<rect width="100%" height="100%" fill="white"/>"#,
            #"<defs><clipPath id="plot-area"><rect x="\#(n(frame.left))" y="\#(n(frame.top))" width="\#(n(frame.width))" height="\#(n(frame.height))"/></clipPath></defs>"#,
        ]
        if let regions = figure.regions { svg += regionRects(regions, classes: figure.classes, x: x, y: y) }
        svg += grid(axes, frame, x: x, y: y)
        svg.append(#"<g clip-path="url(#plot-area)" fill="none" stroke-width="2" stroke-linejoin="round">"#)
        for (i, line) in figure.lines.enumerated() {
            for piece in pieces(line, x: x, y: y) where !piece.isEmpty {
                let points = piece.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
                svg.append(#"<polyline stroke="\#(Palette.line(i).svg)" points="\#(points)"/>"#)
            }
        }
        svg.append("</g>")
        let classes = figure.classes
        for set in figure.points {
            for ((px, py), label) in zip(zip(set.x, set.y), set.labels) {
                guard let cx = x(px), let cy = y(py), let index = classes.firstIndex(of: label) else { continue }
                svg.append(#"<circle cx="\#(n(cx))" cy="\#(n(cy))" r="3.5" fill="\#(Palette.class(index).svg)" stroke="white" stroke-width="0.7"/>"#)
            }
        }
        svg += labels(figure, frame)
        svg += legend(figure, frame)
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    /// Each grid row as runs of one class, a rectangle a run, so the file stays small.
    private func regionRects(_ regions: RegionGrid, classes: [Double], x: (Double) -> Double?, y: (Double) -> Double?) -> [String] {
        let edgesX = cellEdges(regions.xs), edgesY = cellEdges(regions.ys)
        var rects = [#"<g clip-path="url(#plot-area)" shape-rendering="crispEdges">"#]
        for row in regions.ys.indices {
            guard let top = y(edgesY[row + 1]), let bottom = y(edgesY[row]) else { continue }
            var start = 0
            for column in 1...regions.xs.count {
                let label = regions.labels[row * regions.xs.count + start]
                if column < regions.xs.count && regions.labels[row * regions.xs.count + column] == label { continue }
                if let left = x(edgesX[start]), let right = x(edgesX[column]), let index = classes.firstIndex(of: label) {
                    rects.append(#"<rect x="\#(n(left))" y="\#(n(top))" width="\#(n(right - left))" height="\#(n(bottom - top))" fill="\#(Palette.class(index).svgTint)"/>"#)
                }
                start = column
            }
        }
        rects.append("</g>")
        return rects
    }

    /// Boundaries halfway between grid points, and half a step beyond the ends.
    private func cellEdges(_ centres: [Double]) -> [Double] {
        guard centres.count > 1 else { return [centres[0] - 0.5, centres[0] + 0.5] }
        let inner = zip(centres, centres.dropFirst()).map { ($0 + $1) / 2 }
        return [centres[0] - (inner[0] - centres[0])] + inner + [centres.last! + (centres.last! - inner.last!)]
    }

    private func grid(_ axes: FigureAxes, _ frame: PlotArea, x: (Double) -> Double?, y: (Double) -> Double?) -> [String] {
        var out: [String] = []
        for (tick, label) in zip(axes.x.ticks, axes.x.tickLabels) {
            guard let px = x(tick) else { continue }
            out.append(#"<line x1="\#(n(px))" y1="\#(n(frame.top))" x2="\#(n(px))" y2="\#(n(frame.bottom + 5))" stroke="rgb(221,221,221)"/>"#)
            out.append(#"<text x="\#(n(px))" y="\#(n(frame.bottom + 19))" text-anchor="middle">\#(label.xmlEscaped)</text>"#)
        }
        for (tick, label) in zip(axes.y.ticks, axes.y.tickLabels) {
            guard let py = y(tick) else { continue }
            out.append(#"<line x1="\#(n(frame.left - 5))" y1="\#(n(py))" x2="\#(n(frame.right))" y2="\#(n(py))" stroke="rgb(221,221,221)"/>"#)
            out.append(#"<text x="\#(n(frame.left - 8))" y="\#(n(py + 4))" text-anchor="end">\#(label.xmlEscaped)</text>"#)
        }
        out.append(#"<rect x="\#(n(frame.left))" y="\#(n(frame.top))" width="\#(n(frame.width))" height="\#(n(frame.height))" fill="none" stroke="rgb(51,51,51)"/>"#)
        return out
    }

    private func labels(_ figure: Figure, _ frame: PlotArea) -> [String] {
        var out: [String] = []
        let centreX = (frame.left + frame.right) / 2
        if !figure.title.isEmpty {
            out.append(#"<text x="\#(n(centreX))" y="28" text-anchor="middle" font-size="16" font-weight="bold">\#(figure.title.xmlEscaped)</text>"#)
        }
        if !figure.xlabel.isEmpty {
            out.append(#"<text x="\#(n(centreX))" y="\#(n(height - 14))" text-anchor="middle" font-size="13">\#(figure.xlabel.xmlEscaped)</text>"#)
        }
        if !figure.ylabel.isEmpty {
            let centreY = (frame.top + frame.bottom) / 2
            out.append(#"<text x="18" y="\#(n(centreY))" text-anchor="middle" font-size="13" transform="rotate(-90 18 \#(n(centreY)))">\#(figure.ylabel.xmlEscaped)</text>"#)
        }
        return out
    }

    /// A box in the top right corner: a swatch and a name per line, a dot per class.
    private func legend(_ figure: Figure, _ frame: PlotArea) -> [String] {
        var entries: [(swatch: (Double, Double) -> String, name: String)] = []
        if figure.lines.count > 1 || figure.lines.contains(where: { !$0.name.isEmpty }) {
            for (i, line) in figure.lines.enumerated() {
                let colour = Palette.line(i).svg
                entries.append(({ #"<line x1="\#(n($0))" y1="\#(n($1))" x2="\#(n($0 + 22))" y2="\#(n($1))" stroke="\#(colour)" stroke-width="2.5"/>"# },
                                line.name.isEmpty ? "y\(i + 1)" : line.name))
            }
        }
        for (i, label) in figure.classes.enumerated() {
            let colour = Palette.class(i).svg
            entries.append(({ #"<circle cx="\#(n($0 + 11))" cy="\#(n($1))" r="4" fill="\#(colour)"/>"# }, "class " + String(format: "%g", label)))
        }
        guard !entries.isEmpty else { return [] }
        let boxWidth = 44 + 7 * Double(entries.map(\.name.count).max() ?? 0)
        let boxLeft = frame.right - boxWidth - 8, boxTop = frame.top + 8
        var out = [#"<rect x="\#(n(boxLeft))" y="\#(n(boxTop))" width="\#(n(boxWidth))" height="\#(n(Double(entries.count) * 18 + 8))" fill="white" fill-opacity="0.85" stroke="rgb(153,153,153)"/>"#]
        for (i, entry) in entries.enumerated() {
            let rowY = boxTop + 13 + Double(i) * 18
            out.append(entry.swatch(boxLeft + 8, rowY))
            out.append(#"<text x="\#(n(boxLeft + 36))" y="\#(n(rowY + 4))">\#(entry.name.xmlEscaped)</text>"#)
        }
        return out
    }

    /// The drawable stretches of a line: a point that cannot be drawn breaks it.
    private func pieces(_ line: LineSeries, x: (Double) -> Double?, y: (Double) -> Double?) -> [[(Double, Double)]] {
        var result: [[(Double, Double)]] = [[]]
        for (vx, vy) in zip(line.x, line.y) {
            if let px = x(vx), let py = y(vy) { result[result.count - 1].append((px, py)) }
            else if !result[result.count - 1].isEmpty { result.append([]) }
        }
        return result
    }

    private func n(_ v: Double) -> String {
        let s = String(format: "%.1f", v)
        return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
    }
}

extension String {
    /// The text made safe inside XML or HTML elements and attributes.
    public var xmlEscaped: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
