#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNLMatrix

/// numpy's legacy `np.random` (RandomState): the same seed gives the same numbers, bit for bit.
/// See RNG.md for the algorithms; every draw order here is numpy's.
public struct NumpyRandom: Sendable {
    private var mt: MT19937
    /// The second value of the last polar Box–Muller pair; only seeding clears it.
    private var cachedGaussian: Double?

    public init(seed: UInt32) {
        mt = MT19937(seed: seed)
    }

    /// Unpredictable, as numpy is when never seeded.
    public init() {
        self.init(seed: UInt32.random(in: .min ... .max))
    }

    public mutating func seed(_ s: UInt32) {
        mt = MT19937(seed: s)
        cachedGaussian = nil
    }

    /// Uniform in [0, 1) with 53 random bits (numpy's `random_sample`).
    public mutating func nextDouble() -> Double {
        let a = Double(mt.next32() >> 5)
        let b = Double(mt.next32() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// Standard normal by the polar method, returning the cached partner first when there is one.
    public mutating func nextGaussian() -> Double {
        if let g = cachedGaussian {
            cachedGaussian = nil
            return g
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2.0 * nextDouble() - 1.0
            x2 = 2.0 * nextDouble() - 1.0
            // Separate products: a fused multiply-add would change the last bits.
            let s1 = x1 * x1
            let s2 = x2 * x2
            r2 = s1 + s2
        } while r2 >= 1.0 || r2 == 0.0
        let f = (-2.0 * log(r2) / r2).squareRoot()
        cachedGaussian = f * x1
        return f * x2
    }

    /// Uniform integer in [0, rng] by masked rejection (numpy's `random_interval`).
    public mutating func bounded(_ rng: UInt32) -> UInt32 {
        if rng == 0 { return 0 }
        var mask = rng
        mask |= mask >> 1
        mask |= mask >> 2
        mask |= mask >> 4
        mask |= mask >> 8
        mask |= mask >> 16
        while true {
            let v = mt.next32() & mask
            if v <= rng { return v }
        }
    }

    /// `np.random.rand(rows, cols)`.
    public mutating func rand(rows: Int, cols: Int) throws(MatrixError) -> Matrix {
        try fill(rows: rows, cols: cols) { $0.nextDouble() }
    }

    /// `np.random.randn(rows, cols)`.
    public mutating func randn(rows: Int, cols: Int) throws(MatrixError) -> Matrix {
        try fill(rows: rows, cols: cols) { $0.nextGaussian() }
    }

    /// `np.random.randint(low, high, size=(rows, cols))`: integers in [low, high).
    /// The caller checks `low < high` and that the range fits 32 bits, as numpy's errors do.
    public mutating func randint(low: Int, high: Int, rows: Int, cols: Int) throws(MatrixError) -> Matrix {
        precondition(low < high && high - 1 - low <= Int(UInt32.max), "randint: bad range")
        let rng = UInt32(high - 1 - low)
        return try fill(rows: rows, cols: cols) { Double(low + Int($0.bounded(rng))) }
    }

    /// `np.random.permutation(n)`: a shuffle of 0..<n (Fisher–Yates from the top, as numpy).
    public mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<max(n, 0))
        var i = n - 1
        while i >= 1 {
            p.swapAt(i, Int(bounded(UInt32(i))))
            i -= 1
        }
        return p
    }

    /// Draws in numpy's C (row-major) order into the column-major matrix.
    private mutating func fill(rows: Int, cols: Int, _ draw: (inout NumpyRandom) -> Double) throws(MatrixError) -> Matrix {
        var m = try Matrix(uninitializedRows: rows, cols: cols)
        m.withUnsafeMutableElements { p in
            for r in 0..<rows {
                for c in 0..<cols { p[c * rows + r] = draw(&self) }
            }
        }
        return m
    }
}
