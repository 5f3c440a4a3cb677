/// One interpreter's pictures: its current figure, `hold`, and where figures and loop
/// progress go. The host (CLI, lessons, export) decides; the builtins only build figures.
public struct Plotting {
    /// The figure the next `plot` replaces, or adds to while `hold` is on.
    public var figure: Figure?
    public var hold = false
    /// `progress(false)` turns the bar off for the session.
    public var progressEnabled = true

    public init() {}
}

/// Told about `for` loops of `LoopProgress.minimumIterations` or more.
public protocol LoopProgressReporter: AnyObject {
    func loopStarted(iterations: Int)
    /// Called every `LoopProgress.reportEvery` iterations with how many are done.
    func loopAdvanced(done: Int)
    func loopEnded()
}

public enum LoopProgress {
    public static let minimumIterations = 2000
    /// A power of two, so the loop tests it with a mask.
    public static let reportEvery = 256
}
