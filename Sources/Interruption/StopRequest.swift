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
    public enum Reason: UInt8, Sendable, Equatable { case interrupted = 1, deadline = 2 }

    /// 0 while nothing asks for a stop, else a `Reason`'s raw value.
    private static let state = Atomic<UInt8>(0)
    /// CLOCK_MONOTONIC nanoseconds after which computations stop; 0 when there is no deadline.
    private static let deadline = Atomic<UInt64>(0)

    /// Asks the computation in progress to stop (async-signal-safe: one atomic store).
    public static func request() { state.store(Reason.interrupted.rawValue, ordering: .releasing) }

    /// Forgets a stop that has been acted on (an interrupt, or a deadline that has passed).
    public static func clear() { state.store(0, ordering: .releasing) }

    /// True once `request()` was called and not cleared (the deadline aside).
    public static var isRequested: Bool { state.load(ordering: .acquiring) == Reason.interrupted.rawValue }

    /// Sets (or with nil, removes) the moment after which computations stop.
    public static func setDeadline(after seconds: Double?) {
        if state.load(ordering: .relaxed) == Reason.deadline.rawValue { clear() }
        guard let seconds, seconds.isFinite else { return deadline.store(0, ordering: .releasing) }
        let delta = UInt64(max(0, min(seconds, 1e9)) * 1e9)
        deadline.store(now() &+ max(delta, 1), ordering: .releasing)
    }

    /// A stop already noticed (one relaxed load, no clock): the evaluator asks this at every
    /// poll, and `reason` now and then; a kernel that sees the deadline pass records it here.
    @inline(__always) public static var pending: Reason? {
        Reason(rawValue: state.load(ordering: .relaxed))
    }

    /// Whether, and why, computations should stop now: also reads the clock.
    public static var reason: Reason? {
        if let r = pending { return r }
        let d = deadline.load(ordering: .relaxed)
        guard d != 0, now() >= d else { return nil }
        _ = state.compareExchange(expected: 0, desired: Reason.deadline.rawValue, ordering: .acquiringAndReleasing)
        return pending
    }

    /// For kernels, between blocks of work: true when the work in progress should be
    /// abandoned (the evaluator throws its result away and reports why).
    @inline(__always) public static var shouldStop: Bool { reason != nil }

    private static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) &* 1_000_000_000 &+ UInt64(t.tv_nsec)
    }
}
