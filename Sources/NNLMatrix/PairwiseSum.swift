/// numpy's pairwise summation (`pairwise_sum` in numpy/_core/src/umath/loops_utils.h.src), in the
/// same order so sums match numpy to the last bit: fewer than 8 terms are added in turn from −0;
/// up to 128 terms go to 8 running sums r0…r7 over blocks of 8, combined as
/// ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the remainder is added in turn; longer runs are
/// split at n/2 rounded down to a multiple of 8 and the two halves' sums added.
func pairwiseSum(_ x: UnsafePointer<Double>, count n: Int, stride: Int) -> Double {
    if n < 8 {
        var sum = -0.0
        for i in 0..<n { sum += x[i * stride] }
        return sum
    }
    if n <= 128 {
        var r = SIMD8<Double>(repeating: 0)
        for l in 0..<8 { r[l] = x[l * stride] }
        var i = 8
        while i < n - n % 8 {
            for l in 0..<8 { r[l] += x[(i + l) * stride] }
            i += 8
        }
        var sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
        while i < n { sum += x[i * stride]; i += 1 }
        return sum
    }
    let half = n / 2 - (n / 2) % 8
    return pairwiseSum(x, count: half, stride: stride) + pairwiseSum(x + half * stride, count: n - half, stride: stride)
}
