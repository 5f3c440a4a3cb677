/// What a plot shows, independent of how it is drawn: the plotting builtins build it,
/// the terminal and SVG renderers draw it.
public struct Figure: Sendable, Equatable {
    public var title = ""
    public var xlabel = ""
    public var ylabel = ""
    public var logY = false
    public var lines: [LineSeries] = []
    public var points: [LabelledPoints] = []
    public var regions: RegionGrid?

    public init() {}

    /// Every class label among the points and regions, sorted: a class's colour and marker
    /// follow its place here, so the points and the region of one class match.
    public var classes: [Double] {
        var labels = Set<Double>()
        for p in points { labels.formUnion(p.labels) }
        if let regions { labels.formUnion(regions.labels) }
        return labels.sorted()
    }

    public var isEmpty: Bool { lines.isEmpty && points.isEmpty && regions == nil }
}

/// A curve through (x, y) in order; a non-finite value (or ≤ 0 on a log axis) breaks it.
public struct LineSeries: Sendable, Equatable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
}

/// Points coloured by class, as `scatter(x, y, labels)` draws them.
public struct LabelledPoints: Sendable, Equatable {
    public var x: [Double]
    public var y: [Double]
    public var labels: [Double]
}

/// A classifier's answer on a regular grid: `labels[row * xs.count + column]` at (xs[column], ys[row]).
public struct RegionGrid: Sendable, Equatable {
    public var xs: [Double]
    public var ys: [Double]
    public var labels: [Double]

    /// The label nearest to (x, y).
    public func label(atX x: Double, y: Double) -> Double {
        labels[nearest(y, in: ys) * xs.count + nearest(x, in: xs)]
    }

    private func nearest(_ v: Double, in axis: [Double]) -> Int {
        guard axis.count > 1, let first = axis.first, let last = axis.last else { return 0 }
        let t = (v - first) / (last - first) * Double(axis.count - 1)
        return min(max(Int(t.rounded()), 0), axis.count - 1)
    }
}
