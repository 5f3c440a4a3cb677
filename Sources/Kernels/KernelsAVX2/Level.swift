// AVX2 with FMA: four lanes, one register (faster than eight for these kernels: fewer spills).
import KernelInterface

let kernelLevel = CPULevel.avx2
typealias Lanes = SIMD4<Double>
typealias LaneBits = SIMD4<UInt64>

extension SIMD where Scalar == Double {
    /// self + a·b with one rounding (vfmadd).
    @inline(__always) func plusProduct(_ a: Self, _ b: Self) -> Self { addingProduct(a, b) }
    @inline(__always) func plusProduct(_ a: Self, _ b: Double) -> Self { addingProduct(a, b) }
}
/// The product's register tile: 8 rows of the result.
typealias PanelRows = SIMD8<Double>
