/// numpy's pairwise summation (`pairwise_sum` in numpy/_core/src/umath/loops_utils.h.src), in the
/// same order so sums match numpy to the last bit: fewer than 8 terms are added in turn from −0;
/// up to 128 terms go to 8 running sums r0…r7 over blocks of 8, combined as
/// ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the remainder is added in turn; longer runs are
/// split at n/2 rounded down to a multiple of 8 and the two halves' sums added.
///
/// Generic over the lane so that `SIMD4<Double>` sums four neighbouring runs at once (four rows
/// of a column-major matrix, `sum(dZ1, 2)`): each lane follows exactly the scalar order.
func pairwiseSum<L: SummationLane>(_ x: UnsafePointer<Double>, count n: Int, stride: Int, as _: L.Type = L.self) -> L {
    if n < 8 {
        var sum = L.negativeZero
        for i in 0..<n { sum = sum + L.load(x, i * stride) }
        return sum
    }
    if n <= 128 {
        var r0 = L.load(x, 0), r1 = L.load(x, stride), r2 = L.load(x, 2 * stride), r3 = L.load(x, 3 * stride)
        var r4 = L.load(x, 4 * stride), r5 = L.load(x, 5 * stride), r6 = L.load(x, 6 * stride), r7 = L.load(x, 7 * stride)
        var i = 8
        while i < n - n % 8 {
            r0 = r0 + L.load(x, i * stride); r1 = r1 + L.load(x, (i + 1) * stride)
            r2 = r2 + L.load(x, (i + 2) * stride); r3 = r3 + L.load(x, (i + 3) * stride)
            r4 = r4 + L.load(x, (i + 4) * stride); r5 = r5 + L.load(x, (i + 5) * stride)
            r6 = r6 + L.load(x, (i + 6) * stride); r7 = r7 + L.load(x, (i + 7) * stride)
            i += 8
        }
        var sum = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        while i < n { sum = sum + L.load(x, i * stride); i += 1 }
        return sum
    }
    let half = n / 2 - (n / 2) % 8
    return pairwiseSum(x, count: half, stride: stride, as: L.self)
        + pairwiseSum(x + half * stride, count: n - half, stride: stride, as: L.self)
}

/// What `pairwiseSum` adds: one double, or several neighbouring ones at a time.
protocol SummationLane {
    static var negativeZero: Self { get }
    static func + (a: Self, b: Self) -> Self
    /// The lane starting at x[offset].
    static func load(_ x: UnsafePointer<Double>, _ offset: Int) -> Self
}

extension Double: SummationLane {
    static var negativeZero: Double { -0.0 }
    @inline(__always) static func load(_ x: UnsafePointer<Double>, _ offset: Int) -> Double { x[offset] }
}

extension SIMD4: SummationLane where Scalar == Double {
    static var negativeZero: SIMD4<Double> { SIMD4(repeating: -0.0) }
    @inline(__always) static func load(_ x: UnsafePointer<Double>, _ offset: Int) -> SIMD4<Double> {
        UnsafeRawPointer(x + offset).loadUnaligned(as: SIMD4<Double>.self)
    }
}
