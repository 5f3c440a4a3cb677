// Interruption: the one process-wide "stop what you are computing" signal. Ctrl-C, a Jupyter
// interrupt and a grader's deadline all end up here; the evaluator polls it at loop back-edges
// and calls, and long matrix kernels poll it between blocks of work, so a stop holds within
// milliseconds whatever the program is doing. A module of its own so that the line editor
// (which sets it from a signal handler) and the kernels (which read it) need not know each other.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

public enum StopRequest {
    /// Why the computation should stop.
    public enum Reason: Sendable, Equatable { case interrupted, deadline }

    private static let flag = Atomic<Bool>(false)
    /// CLOCK_MONOTONIC nanoseconds after which computations stop; 0 when there is no deadline.
    private static let deadline = Atomic<UInt64>(0)

    /// Asks the computation in progress to stop (async-signal-safe: one atomic store).
    public static func request() { flag.store(true, ordering: .releasing) }

    /// Forgets a request that has been acted on.
    public static func clear() { flag.store(false, ordering: .releasing) }

    /// True once `request()` was called and not cleared (the deadline aside).
    public static var isRequested: Bool { flag.load(ordering: .acquiring) }

    /// Sets (or with nil, removes) the moment after which computations stop.
    public static func setDeadline(after seconds: Double?) {
        guard let seconds, seconds.isFinite else { return deadline.store(0, ordering: .releasing) }
        let delta = UInt64(max(0, min(seconds, 1e9)) * 1e9)
        deadline.store(now() &+ max(delta, 1), ordering: .releasing)
    }

    /// Whether, and why, computations should stop now. Cheap enough for a kernel's inner blocks.
    public static var reason: Reason? {
        if flag.load(ordering: .relaxed) { return .interrupted }
        let d = deadline.load(ordering: .relaxed)
        return d != 0 && now() >= d ? .deadline : nil
    }

    /// For kernels: true when the work in progress should be abandoned (its result is thrown away).
    @inline(__always) public static var shouldStop: Bool { reason != nil }

    private static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) &* 1_000_000_000 &+ UInt64(t.tv_nsec)
    }
}
