import Interruption

/// Why a matrix operation gave no result: the gate refused an allocation, or a stop (Ctrl-C, an
/// interrupt, a deadline) ended its kernel early. Either way nothing partial is handed out: the
/// operation's result is not made, and an operand it was to be written over is as it was.
/// The interpreter turns it into a learner-facing error with a place.
public enum MatrixError: Error, Equatable, Sendable {
    case negativeSize(rows: Int, cols: Int)
    case tooLarge(rows: Int, cols: Int, limit: Int)
    case outOfMemory(requested: Int, live: Int, limit: Int)
    case stopped(StopReason)

    public var message: String {
        switch self {
        case let .negativeSize(r, c):
            return "a matrix cannot have a negative size (\(r)×\(c))"
        case let .tooLarge(r, c, limit):
            return "a \(r)×\(c) matrix is too large (the limit is \(limit) elements)"
        case let .outOfMemory(requested, live, limit):
            return "out of memory: \(requested) more bytes would exceed the limit of \(limit) (\(live) in use)"
        case .stopped(.interrupted):
            return "interrupted"
        case .stopped(.deadline):
            return "time limit exceeded"
        }
    }

    /// What a kernel's `.stopped` becomes: the stop of the session running on this thread.
    static var stopped: MatrixError { .stopped(StopRequest.current?.pending ?? .interrupted) }
}

extension KernelOutcome {
    /// Throws `MatrixError.stopped` unless the kernel finished.
    @inline(__always) func check() throws(MatrixError) {
        if self == .stopped { throw MatrixError.stopped }
    }
}
