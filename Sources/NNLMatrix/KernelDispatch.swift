#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CPUFeatures
@_exported import KernelInterface
import KernelsBaseline
#if arch(x86_64)
import KernelsAVX2
import KernelsAVX512
#endif

/// Picks the kernels once, at the first matrix operation: the best level the CPU supports, or
/// the one `NNL_CPU` names (baseline, avx2, avx512). A level the CPU lacks is refused (it would
/// die of an illegal instruction): the best level runs instead, and `refusal` says why, for the
/// command line to report (it stops before running anything).
public enum Kernels {
    /// The levels this machine can run, lowest first.
    public static let available: [CPULevel] = {
        let best = Int(nnl_cpu_level())
        return CPULevel.allCases.enumerated().filter { $0.offset <= best && built($0.element) }.map(\.element)
    }()

    /// The level `NNL_CPU` asks for, or why it cannot be had.
    private static let requested = choose(getenv("NNL_CPU").map { String(cString: $0) })

    /// The kernels every matrix operation uses.
    nonisolated(unsafe) public static let active: any KernelSet.Type = {
        guard case .success(let level) = requested else { return kernels(for: available.last!)! }
        return kernels(for: level)!
    }()

    /// Why `NNL_CPU` was not followed, if it was not.
    public static var refusal: CPULevelRefused? {
        guard case .failure(let error) = requested else { return nil }
        return error
    }

    /// The active level, as `nnl --version` and the benchmarks report it.
    public static var level: CPULevel { active.level }

    /// The kernels of one level, or nil when this build has none for it.
    public static func kernels(for level: CPULevel) -> (any KernelSet.Type)? {
        switch level {
        case .baseline: return KernelsBaseline.LevelKernels.self
        #if arch(x86_64)
        case .avx2: return KernelsAVX2.LevelKernels.self
        case .avx512: return KernelsAVX512.LevelKernels.self
        #else
        case .avx2, .avx512: return nil
        #endif
        }
    }

    /// The level `NNL_CPU` asks for (nil or empty: the best available), or why it cannot be had.
    public static func choose(_ requested: String?) -> Result<CPULevel, CPULevelRefused> {
        guard let requested, !requested.isEmpty else { return .success(available.last!) }
        guard let level = CPULevel(rawValue: requested.lowercased()) else { return .failure(.unknown(requested)) }
        guard available.contains(level) else { return .failure(.unsupported(level, available: available)) }
        return .success(level)
    }

    private static func built(_ level: CPULevel) -> Bool { kernels(for: level) != nil }
}

/// Why `NNL_CPU` was refused.
public enum CPULevelRefused: Error, Equatable {
    case unknown(String)
    case unsupported(CPULevel, available: [CPULevel])

    public var message: String {
        switch self {
        case .unknown(let name):
            return "NNL_CPU=\(name) is not a kernel level (use baseline, avx2 or avx512)"
        case let .unsupported(level, available):
            return "NNL_CPU=\(level.rawValue): this CPU cannot run the \(level.rawValue) kernels "
                + "(it supports \(available.map(\.rawValue).joined(separator: ", ")))"
        }
    }
}
