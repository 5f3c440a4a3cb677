// Interruption: how a computation is told to stop. Ctrl-C (and a Jupyter interrupt) sets one
// process-wide flag; each session's time limit lives in its own `StopToken`, so sessions that
// run side by side (tests, say) never stop each other. The evaluator polls its token at loop
// back-edges and calls; long matrix kernels ask `StopRequest.shouldStop` between blocks of work,
// which reads the token of the session running on this thread. A module of its own so that the
// line editor (which sets the flag from a signal handler) and the kernels need not know each other.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Why a computation should stop.
public enum StopReason: UInt8, Sendable, Equatable { case interrupted = 1, deadline = 2 }

/// One session's stop state: an interrupt meant for it alone, and its deadline.
public final class StopToken: Sendable {
    /// 0 while nothing asks for a stop, else a `StopReason`'s raw value.
    private let state = Atomic<UInt8>(0)
    /// CLOCK_MONOTONIC nanoseconds after which the computation stops; 0 for none.
    private let deadline = Atomic<UInt64>(0)

    public init() {}

    /// Asks this session's computation to stop.
    public func request() { state.store(StopReason.interrupted.rawValue, ordering: .releasing) }

    /// Forgets a stop that has been acted on, and the process-wide interrupt with it.
    public func clear() {
        state.store(0, ordering: .releasing)
        StopRequest.clear()
    }

    /// Sets (or with nil, removes) the moment after which the computation stops.
    public func setDeadline(after seconds: Double?) {
        if state.load(ordering: .relaxed) == StopReason.deadline.rawValue { state.store(0, ordering: .releasing) }
        guard let seconds, seconds.isFinite else { return deadline.store(0, ordering: .releasing) }
        let delta = UInt64(max(0, min(seconds, 1e9)) * 1e9)
        deadline.store(StopRequest.now() &+ max(delta, 1), ordering: .releasing)
    }

    /// A stop already noticed, without reading the clock: the evaluator asks at every poll.
    @inline(__always) public var pending: StopReason? {
        if StopRequest.isRequested { return .interrupted }
        return StopReason(rawValue: state.load(ordering: .relaxed))
    }

    /// Whether, and why, to stop now: also reads the clock, and remembers a passed deadline.
    public var reason: StopReason? {
        if let r = pending { return r }
        let d = deadline.load(ordering: .relaxed)
        guard d != 0, StopRequest.now() >= d else { return nil }
        _ = state.compareExchange(expected: 0, desired: StopReason.deadline.rawValue, ordering: .acquiringAndReleasing)
        return pending
    }

    /// Makes this the token `StopRequest.shouldStop` reads on this thread while `body` runs.
    public func whileRunning<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        let previous = pthread_getspecific(StopRequest.key)
        pthread_setspecific(StopRequest.key, Unmanaged.passUnretained(self).toOpaque())
        defer { pthread_setspecific(StopRequest.key, previous) }
        return try body()
    }
}

/// The process-wide interrupt (Ctrl-C), and the question kernels ask.
public enum StopRequest {
    private static let flag = Atomic<Bool>(false)
    fileprivate static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Asks every running computation to stop (async-signal-safe: one atomic store).
    public static func request() { flag.store(true, ordering: .releasing) }

    public static func clear() { flag.store(false, ordering: .releasing) }

    public static var isRequested: Bool { flag.load(ordering: .relaxed) }

    /// The token of the session running on this thread, if any: a kernel that hands work to
    /// another thread runs it there under the same token (`StopToken.whileRunning`).
    public static var current: StopToken? {
        pthread_getspecific(key).map { Unmanaged<StopToken>.fromOpaque($0).takeUnretainedValue() }
    }

    /// For kernels, between blocks of work: true when the work in progress should be abandoned
    /// (the evaluator throws its result away and reports why).
    public static var shouldStop: Bool {
        if isRequested { return true }
        guard let token = pthread_getspecific(key) else { return false }
        return Unmanaged<StopToken>.fromOpaque(token).takeUnretainedValue().reason != nil
    }

    static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) &* 1_000_000_000 &+ UInt64(t.tv_nsec)
    }
}
