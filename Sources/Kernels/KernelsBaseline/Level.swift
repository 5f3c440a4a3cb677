// The baseline level: x86-64's SSE2 (two lanes to a register) or arm64's NEON.
import KernelInterface

let kernelLevel = CPULevel.baseline
typealias Lanes = SIMD4<Double>
typealias LaneBits = SIMD4<UInt64>

/// The product's register tile: 4 rows of the result (two SSE2 registers a column: 12 of sums).
typealias PanelRows = SIMD4<Double>
