/// The instruction-set levels kernels are built for, lowest first.
public enum CPULevel: String, Sendable, CaseIterable, Comparable {
    /// x86-64's SSE2, or arm64's NEON.
    case baseline
    /// AVX2 with FMA (x86-64-v3).
    case avx2
    /// AVX-512 F, DQ, VL and BW (x86-64-v4).
    case avx512

    public static func < (a: CPULevel, b: CPULevel) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// The kernels of one instruction-set level. Every level computes the same operations in the same
/// order; they differ in vector width and in whether a·b + c is fused (FMA levels and arm64) or
/// rounded twice (x86-64 baseline, which has no FMA instruction).
///
/// Stopping: every kernel polls `StopRequest.shouldStop` between blocks of work and, when it is
/// set, returns `.stopped` early, its output partly written. The caller must then discard the
/// output and report the stop; the inputs are never modified unless the output is an input.
/// The one exception is `binary` with `mayStop: false`, for an output that is a value which must
/// stay whole (a variable updated in place): it runs to the end.
public protocol KernelSet {
    static var level: CPULevel { get }
    /// dst[i] = op(src[i]) for i < n; dst may be src.
    static func unary(_ op: UnaryOp, _ src: UnsafePointer<Double>, _ dst: UnsafeMutablePointer<Double>, _ n: Int) -> KernelOutcome
    /// `unary`, noting in `signs` whether the argument holds a negative number or a zero (log's
    /// and sqrt's warnings), each block inspected just before it is mapped, while it is in cache.
    static func unary(_ op: UnaryOp, _ src: UnsafePointer<Double>, _ dst: UnsafeMutablePointer<Double>, _ n: Int,
                      noticing signs: inout Signs) -> KernelOutcome
    /// out = a op b over every run of the layout; out may be an operand walked with step 1.
    static func binary(_ op: BinaryOp, _ layout: RunLayout, _ a: Walk, _ b: Walk, _ out: UnsafeMutablePointer<Double>,
                       mayStop: Bool) -> KernelOutcome
    /// c = a·b, a m×k column-major, b k×n as a strided view; c m×n column-major, written in full.
    static func product(_ a: UnsafePointer<Double>, _ b: Factor, _ c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int) -> KernelOutcome
}

/// Whether a kernel did all its work, or returned early because a stop was requested (its output
/// is then partly written and must be thrown away). Not discardable: every caller decides.
public enum KernelOutcome: Sendable, Equatable {
    case finished, stopped
}

/// Whether an argument held a negative number, and a zero (NaN is neither).
public struct Signs: Sendable, Equatable {
    public var negative = false, zero = false
    public init() {}
}
