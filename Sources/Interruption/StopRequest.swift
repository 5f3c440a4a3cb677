// Interruption: how a computation is told to stop. Ctrl-C (and a Jupyter interrupt) counts one
// more process-wide interrupt; each session's stop state lives in its own `StopToken`: its own
// interrupt, its time limit, and the process-wide interrupts it has already answered, so a
// session that clears its stop never clears another's, and sessions that run side by side
// (tests, a batch grader) never stop each other. The evaluator polls its token at loop back-edges
// and calls; matrix kernels ask `StopRequest.shouldStop` between blocks of work, which reads the
// token of the session running on this thread, and report `.stopped` when they return early. A
// module of its own so that the line editor (which counts interrupts from a signal handler) and
// the kernels need not know each other.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Why a computation should stop.
public enum StopReason: UInt8, Sendable, Equatable { case interrupted = 1, deadline = 2 }

/// One session's stop state: an interrupt meant for it alone, its deadline, and the
/// process-wide interrupts (Ctrl-C) it has answered.
public final class StopToken: Sendable {
    /// 0 while nothing asks for a stop, else a `StopReason`'s raw value.
    private let state = Atomic<UInt8>(0)
    /// CLOCK_MONOTONIC nanoseconds after which the computation stops; 0 for none.
    private let deadline = Atomic<UInt64>(0)
    /// `StopRequest.interrupts` when this token last answered them: more since means Ctrl-C.
    private let answered = Atomic<UInt64>(StopRequest.interrupts)

    public init() {}

    /// Asks this session's computation to stop.
    public func request() { state.store(StopReason.interrupted.rawValue, ordering: .releasing) }

    /// Forgets a stop that has been acted on (this token's only: another session's Ctrl-C or
    /// deadline stays).
    public func clear() {
        answered.store(StopRequest.interrupts, ordering: .releasing)
        state.store(0, ordering: .releasing)
    }

    /// At the start of a run: an interrupt that came before it (Ctrl-C at a prompt, a Jupyter
    /// interrupt between cells, one that came after the run it was meant for had ended) is not
    /// for it.
    public func startRun() { clear() }

    /// Before reading a program: forgets the process-wide interrupts that came earlier (Ctrl-C at
    /// a prompt) but keeps one meant for this session alone (a Jupyter interrupt that came while
    /// the cell was being received or checked for completeness).
    public func forgetEarlierInterrupts() { answered.store(StopRequest.interrupts, ordering: .releasing) }

    /// Sets (or with nil, removes) the moment after which the computation stops.
    public func setDeadline(after seconds: Double?) {
        if state.load(ordering: .relaxed) == StopReason.deadline.rawValue { state.store(0, ordering: .releasing) }
        guard let seconds, seconds.isFinite else { return deadline.store(0, ordering: .releasing) }
        let delta = UInt64(max(0, min(seconds, 1e9)) * 1e9)
        deadline.store(StopRequest.now() &+ max(delta, 1), ordering: .releasing)
    }

    /// A stop already noticed, without reading the clock: the evaluator asks at every poll.
    @inline(__always) public var pending: StopReason? {
        if StopRequest.interrupts != answered.load(ordering: .relaxed) { return .interrupted }
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
    /// Set by an interrupt, cleared by whoever acts on it outside a run (a line reader).
    private static let flag = Atomic<Bool>(false)
    /// Interrupts so far: each session's token compares it with the count it has answered.
    private static let count = Atomic<UInt64>(0)
    fileprivate static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Asks every running computation to stop (async-signal-safe: two atomic operations).
    public static func request() {
        count.add(1, ordering: .releasing)
        flag.store(true, ordering: .releasing)
    }

    /// Forgets the flag line readers look at; running sessions still see the interrupt.
    public static func clear() { flag.store(false, ordering: .releasing) }

    /// Whether an interrupt came since the last `clear`: what a line reader asks.
    public static var isRequested: Bool { flag.load(ordering: .relaxed) }

    static var interrupts: UInt64 { count.load(ordering: .relaxed) }

    /// The token of the session running on this thread, if any: a kernel that hands work to
    /// another thread runs it there under the same token (`StopToken.whileRunning`).
    public static var current: StopToken? {
        pthread_getspecific(key).map { Unmanaged<StopToken>.fromOpaque($0).takeUnretainedValue() }
    }

    /// For kernels, between blocks of work: true when the work in progress should be abandoned
    /// (the kernel returns `.stopped` and its caller throws the result away). Only a session's
    /// work stops: on a thread that runs none, nothing asks.
    /// Whether the running session was interrupted, without reading the clock: what the lexer
    /// and parser ask between tokens and statements of a huge cell.
    public static var interruptPending: Bool { current?.pending == .interrupted }

    public static var shouldStop: Bool {
        guard let token = pthread_getspecific(key) else { return false }
        return Unmanaged<StopToken>.fromOpaque(token).takeUnretainedValue().reason != nil
    }

    static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) &* 1_000_000_000 &+ UInt64(t.tv_nsec)
    }
}
