// AVX-512 (F, DQ, VL, BW): eight lanes, one register.
import KernelInterface

let kernelLevel = CPULevel.avx512
typealias Lanes = SIMD8<Double>
typealias LaneBits = SIMD8<UInt64>

/// The product's register tile: 16 rows of the result (two registers a column: 12 of sums).
typealias PanelRows = SIMD16<Double>
