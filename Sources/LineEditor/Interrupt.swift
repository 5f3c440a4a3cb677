#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import Interruption

/// Ctrl-C: SIGINT only sets the process-wide `StopRequest`; the evaluator and the kernels
/// poll it, and the line readers turn it into `.interrupted`.
public enum Interrupt {
    private static let installed = Atomic<Bool>(false)

    /// Installs the SIGINT handler once. `sa_flags = 0` (no SA_RESTART, unlike glibc's
    /// `signal()`) so a blocking `read()` returns EINTR and the readers notice at once.
    /// Also unblocks SIGINT for the calling thread, the one that will block in `read()`
    /// (test runners, for one, start threads with it blocked).
    public static func install() {
        _ = StopRequest.isRequested  // initialise the static before any signal can
        var sigint = sigset_t()
        sigemptyset(&sigint)
        sigaddset(&sigint, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &sigint, nil)
        guard !installed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        setSignalHandler(SIGINT) { _ in StopRequest.request() }
    }

    /// Keeps SIGINT away from the calling thread (one waiting for another that reads lines), so
    /// that the reading thread gets it and its `read()` returns at once.
    public static func block() {
        var sigint = sigset_t()
        sigemptyset(&sigint)
        sigaddset(&sigint, SIGINT)
        pthread_sigmask(SIG_BLOCK, &sigint, nil)
    }

    public static var isRequested: Bool { StopRequest.isRequested }

    public static func clear() { StopRequest.clear() }

    /// For tests and for code that wants to act as if Ctrl-C had been pressed.
    public static func request() { StopRequest.request() }
}

/// `sigaction` with an empty mask and no flags.
func setSignalHandler(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
    var action = sigaction()
    #if canImport(Glibc)
    action.__sigaction_handler.sa_handler = handler
    #else
    action.__sigaction_u.__sa_handler = handler
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(signal, &action, nil)
}
