// AVX2 with FMA: four lanes, one register (faster than eight for these kernels: fewer spills).
import KernelInterface

let kernelLevel = CPULevel.avx2
typealias Lanes = SIMD4<Double>
typealias LaneBits = SIMD4<UInt64>

/// The product's register tile: 8 rows of the result.
typealias PanelRows = SIMD8<Double>
