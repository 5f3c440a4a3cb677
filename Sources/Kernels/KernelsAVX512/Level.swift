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
