import Foundation

/// One axis of a figure: the range it spans, linear or logarithmic, and its tick values.
struct Axis: Equatable {
    /// The ends of the range in plotted units (log10 of the value on a log axis).
    let low: Double
    let high: Double
    let isLog: Bool
    /// Tick values in data units, inside the range.
    let ticks: [Double]

    /// `widen` moves a linear axis's ends out to the ticks around them, so the extremes are labelled.
    init(values: [Double], log isLog: Bool, tickCount: Int, widen: Bool = false) {
        self.isLog = isLog
        let plotted = values.compactMap { Axis.plotted($0, log: isLog) }
        var low = plotted.min() ?? 0, high = plotted.max() ?? 1
        if low == high { low -= 1; high += 1 }
        if widen && !isLog {
            let step = Axis.niceStep((high - low) / Double(max(tickCount, 1)))
            (low, high) = ((low / step + 1e-9).rounded(.down) * step, (high / step - 1e-9).rounded(.up) * step)
        }
        self.low = low
        self.high = high
        ticks = isLog ? Axis.logTicks(low, high, count: tickCount) : Axis.niceTicks(low, high, count: tickCount)
    }

    /// Where `value` falls, 0 at the low end and 1 at the high end; nil when it cannot be drawn.
    func fraction(_ value: Double) -> Double? {
        guard let v = Axis.plotted(value, log: isLog) else { return nil }
        return (v - low) / (high - low)
    }

    /// Tick labels with as many decimals as the tick step needs, so they line up.
    var tickLabels: [String] {
        if isLog || ticks.contains(where: { abs($0) >= 1e6 }) { return ticks.map { String(format: "%g", $0) } }
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : max(abs(ticks.first ?? 1), 1)
        let decimals = max(0, Int(-floor(log10(step) + 1e-9)))
        return ticks.map { String(format: "%.\(decimals)f", $0 == 0 ? 0 : $0) }
    }

    private static func plotted(_ value: Double, log: Bool) -> Double? {
        guard value.isFinite, !log || value > 0 else { return nil }
        return log ? log10(value) : value
    }

    /// Round numbers (1, 2 or 5 times a power of ten) between low and high.
    private static func niceTicks(_ low: Double, _ high: Double, count: Int) -> [Double] {
        let step = niceStep((high - low) / Double(max(count, 1)))
        let first = (low / step).rounded(.up)
        return stride(from: first, through: (high / step + 1e-9).rounded(.down), by: 1).map { $0 * step }
    }

    /// Powers of ten over three decades or more (skipping some when there are too many);
    /// 1, 2 and 5 times them over less; evenly spaced values within a single decade.
    private static func logTicks(_ low: Double, _ high: Double, count: Int) -> [Double] {
        if high - low >= 3 {
            let step = max(1, niceStep((high - low) / Double(max(count, 1))).rounded(.up))
            return stride(from: (low / step).rounded(.up) * step, through: high + 1e-9, by: step).map { pow(10, $0) }
        }
        let oneTwoFive = stride(from: low.rounded(.down), through: high, by: 1).flatMap { e in
            [1.0, 2, 5].map { $0 * pow(10, e) }
        }.filter { (low - 1e-9...high + 1e-9).contains(log10($0)) }
        return oneTwoFive.count >= 3 ? oneTwoFive : niceTicks(pow(10, low), pow(10, high), count: count)
    }

    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(raw)))
        let r = raw / magnitude
        return (r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10) * magnitude
    }
}

/// The two axes of a figure, over everything it shows. A figure with regions is framed by
/// their grid, so no unshaded band shows around it.
struct FigureAxes {
    let x: Axis
    let y: Axis

    init(_ figure: Figure, xTickCount: Int, yTickCount: Int) {
        var xs: [Double] = [], ys: [Double] = []
        for line in figure.lines { xs += line.x; ys += line.y }
        for p in figure.points { xs += p.x; ys += p.y }
        if let r = figure.regions, let x0 = r.xs.first, let x1 = r.xs.last, let y0 = r.ys.first, let y1 = r.ys.last {
            xs += [x0, x1]; ys += [y0, y1]
        }
        x = Axis(values: xs, log: false, tickCount: xTickCount)
        y = Axis(values: ys, log: figure.logY, tickCount: yTickCount, widen: figure.regions == nil)
    }
}
