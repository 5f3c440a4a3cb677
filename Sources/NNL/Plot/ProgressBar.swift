import Foundation

/// A one-line progress bar on standard error for long loops: iterations, rate and time left.
/// It appears once a loop has run for a second, follows only the outermost long loop,
/// and erases itself when the loop ends.
public final class TerminalProgressBar: LoopProgressReporter {
    private let width: Int
    private let write: (String) -> Void
    private let now: () -> Date
    private var depth = 0
    private var total = 0
    private var started = Date()
    private var visible = false

    public init(width: Int, write: @escaping (String) -> Void, now: @escaping () -> Date = Date.init) {
        self.width = width
        self.write = write
        self.now = now
    }

    public func loopStarted(iterations: Int) {
        depth += 1
        if depth == 1 { total = iterations; started = now() }
    }

    public func loopAdvanced(done: Int) {
        guard depth == 1 else { return }
        let elapsed = now().timeIntervalSince(started)
        guard elapsed >= 1 else { return }
        write("\r" + Self.line(done: done, total: total, elapsed: elapsed, width: width) + "\u{1B}[K")
        visible = true
    }

    public func loopEnded() {
        depth -= 1
        if depth == 0 { clear() }
    }

    /// Erases the bar so other output starts on a clean line; the next report redraws it.
    public func clear() {
        guard visible else { return }
        write("\r\u{1B}[K")
        visible = false
    }

    /// `▕██████▍      ▏ 4096/10000  2.3k it/s  ETA 3s`, fitted to `width` columns.
    static func line(done: Int, total: Int, elapsed: Double, width: Int) -> String {
        let rate = Double(done) / max(elapsed, 1e-9)
        let text = " \(done)/\(total)  \(compact(rate)) it/s  ETA \(duration(Double(total - done) / rate))"
        let barWidth = min(30, width - text.count - 3)
        guard barWidth >= 5 else { return String(text.dropFirst()) }
        let eighths = Int((Double(done) / Double(max(total, 1)) * Double(barWidth * 8)).rounded(.down))
        let full = String(repeating: "█", count: eighths / 8)
        let part = eighths % 8 == 0 || eighths / 8 >= barWidth ? "" : String(Self.partialBlocks[eighths % 8])
        let bar = (full + part).padding(toLength: barWidth, withPad: " ", startingAt: 0)
        return "▕" + bar + "▏" + text
    }

    private static let partialBlocks: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    private static func compact(_ rate: Double) -> String {
        rate >= 1e6 ? String(format: "%.1fM", rate / 1e6) : rate >= 1e4 ? String(format: "%.1fk", rate / 1e3) : String(format: "%.0f", rate)
    }

    private static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
