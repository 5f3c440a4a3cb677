// AVX-512 (F, DQ, VL, BW): eight lanes, one register.
import KernelInterface

let kernelLevel = CPULevel.avx512
typealias Lanes = SIMD8<Double>
typealias LaneBits = SIMD8<UInt64>

extension SIMD where Scalar == Double {
    /// self + a·b with one rounding (vfmadd).
    @inline(__always) func plusProduct(_ a: Self, _ b: Self) -> Self { addingProduct(a, b) }
    @inline(__always) func plusProduct(_ a: Self, _ b: Double) -> Self { addingProduct(a, b) }
}
/// The product's register tile: 16 rows of the result (two registers a column: 12 of sums).
typealias PanelRows = SIMD16<Double>
