// The baseline level: x86-64's SSE2 (two lanes to a register) or arm64's NEON.
import KernelInterface

let kernelLevel = CPULevel.baseline
typealias Lanes = SIMD4<Double>
typealias LaneBits = SIMD4<UInt64>

extension SIMD where Scalar == Double {
    /// self + a·b. x86-64 without FMA rounds the product, then the sum: a fused multiply-add
    /// there is a call to libm's software `fma` per element, ten times slower. arm64 always has FMA.
    @inline(__always) func plusProduct(_ a: Self, _ b: Self) -> Self {
        #if arch(arm64)
        addingProduct(a, b)
        #else
        self + a * b
        #endif
    }

    @inline(__always) func plusProduct(_ a: Self, _ b: Double) -> Self { plusProduct(a, Self(repeating: b)) }
}
/// The product's register tile: 4 rows of the result (two SSE2 registers a column: 12 of sums).
typealias PanelRows = SIMD4<Double>
