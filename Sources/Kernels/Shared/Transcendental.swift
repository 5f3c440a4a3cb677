// Vectorised exp, log, tanh and sigmoid over SIMD lanes: exp and log within 1 ulp of glibc, tanh
// within 3 ulps of it on every level (KernelLevelTests measures all three over 10^6 arguments).
//
// log is fdlibm's algorithm; exp and tanh share one Taylor polynomial of e^r − 1 on |r| ≤ ln2/2
// (fused multiply-adds, no division for exp, one for tanh). All are branch-free: every case is
// computed and the right one selected per lane. PERF.md explains the
// idioms: magic-number rounding instead of `.rounded()`, exponents through bit casts, no
// Int64↔Double conversions (they are scalar without AVX-512), unaligned loads and stores.

// The lane width (`Lanes`, `LaneBits`) is the level's: see Level.swift.

enum Transcendental {
    // ln 2 split so that k·ln2Hi is exact for |k| < 2^21; 1/ln 2.
    static let ln2Hi = 6.93147180369123816490e-01
    static let ln2Lo = 1.90821492927058770002e-10
    static let invLn2 = 1.44269504088896338700e+00
    /// Adding 1.5·2^52 rounds to an integer held in the low mantissa bits.
    static let magic = 0x1.8p52
    static let magicBits: UInt64 = 0x4338_0000_0000_0000

    @inline(__always) static func bits(_ x: Lanes) -> LaneBits { unsafeBitCast(x, to: LaneBits.self) }
    @inline(__always) static func lanes(_ u: LaneBits) -> Lanes { unsafeBitCast(u, to: Lanes.self) }
    @inline(__always) static func magnitude(_ x: Lanes) -> Lanes { lanes(bits(x) & 0x7FFF_FFFF_FFFF_FFFF) }

    /// x limited to lo...hi; NaN stays NaN. (`pointwiseMin/Max` are not inlined: they cost a call.)
    @inline(__always) static func clamp(_ x: Lanes, _ lo: Double, _ hi: Double) -> Lanes {
        x.replacing(with: lo, where: x .< lo).replacing(with: hi, where: x .> hi)
    }

    /// x = k·ln2 + (hi − lo), |hi − lo| ≤ ln2/2. Returns k as a double and as wrapping bits (k + magicBits).
    @inline(__always) static func reduce(_ x: Lanes) -> (k: Lanes, kBits: LaneBits, hi: Lanes, lo: Lanes) {
        let kd = x * invLn2 + magic
        let k = kd - magic
        return (k, bits(kd), x - k * ln2Hi, k * ln2Lo)
    }

    /// 2^k for integer-valued k in −1022...1023 (k given as wrapping bits k + magicBits).
    @inline(__always) static func power2(_ kBits: LaneBits) -> Lanes {
        lanes((kBits &- magicBits &+ 1023) &<< 52)
    }

    /// c0 + x·(c1 + x·c2), Horner's scheme (for fdlibm's log: Lg2/4/6, and Lg1/3/5/7 below). The
    /// polynomials here are written out with literal coefficients: a loop over an array of them
    /// stays a loop in the kernel, with its bounds checks (measured: 3× the instructions).
    @inline(__always) static func horner(_ x: Lanes, _ c0: Double, _ c1: Double, _ c2: Double) -> Lanes {
        (c2 * x + c1) * x + c0
    }

    /// c0 + x·(c1 + x·(c2 + x·c3)).
    @inline(__always) static func horner(_ x: Lanes, _ c0: Double, _ c1: Double, _ c2: Double, _ c3: Double) -> Lanes {
        horner(x, c1, c2, c3) * x + c0
    }

    /// a·b + c, with one rounding where the level has FMA (NNL_FMA, and arm64); x86-64's baseline
    /// rounds twice rather than call libm's software `fma` for every element.
    @inline(__always) static func fma(_ a: Lanes, _ b: Lanes, _ c: Lanes) -> Lanes {
        #if NNL_FMA || arch(arm64)
        c.addingProduct(a, b)
        #else
        c + a * b
        #endif
    }

    /// e^r − 1 = r + r²·(1/2! + r/3! + … + r¹¹/13!) for |r| ≤ ln2/2, to about an ulp: the first
    /// term left out, r¹⁴/14!, is below 2^−60 of the result. Fused multiply-adds in Estrin's
    /// scheme: pairs of terms, then pairs of pairs, four multiply-adds deep where Horner's rule
    /// is twelve, so that the lanes of successive vectors overlap (measured on AVX2: tanh 1.88 → 1.72 ns a value, exp 1.87 → 1.59; AVX-512 unchanged).
    @inline(__always) static func expm1Reduced(_ r: Lanes) -> Lanes {
        let r2 = r * r
        let r4 = r2 * r2
        let q0 = fma(Lanes(repeating: 0.16666666666666666), r, Lanes(repeating: 0.5))
        let q1 = fma(Lanes(repeating: 0.008333333333333333), r, Lanes(repeating: 0.041666666666666664))
        let q2 = fma(Lanes(repeating: 0.0001984126984126984), r, Lanes(repeating: 0.001388888888888889))
        let q3 = fma(Lanes(repeating: 2.7557319223985893e-06), r, Lanes(repeating: 2.48015873015873e-05))
        let q4 = fma(Lanes(repeating: 2.505210838544172e-08), r, Lanes(repeating: 2.755731922398589e-07))
        let q5 = fma(Lanes(repeating: 1.6059043836821613e-10), r, Lanes(repeating: 2.08767569878681e-09))
        let s0 = fma(q1, r2, q0), s1 = fma(q3, r2, q2), s2 = fma(q5, r2, q4)
        let p = fma(fma(s2, r4, s1), r4, s0)
        return fma(r2, p, r)
    }

    // MARK: exp

    /// e^x = 2^k·e^r, e^r from the polynomial above (no division).
    @inline(__always) static func exp(_ x: Lanes) -> Lanes {
        let xc = clamp(x, -746, 710)  // beyond these, the result is 0 or ∞
        let (_, kBits, hi, lo) = reduce(xc)
        let r = hi - lo
        let c = (hi - r) - lo  // what r's rounding lost: e^(r + c) ≈ 1 + (e^r − 1) + c
        let y = 1 + (expm1Reduced(r) + c)
        // Scale by 2^k in two exact halves, so a subnormal result is rounded only once.
        let kb = kBits &- magicBits &+ 2048  // k + 2048, positive
        let half = kb &>> 1
        let s1 = lanes((half &- 1) &<< 52)
        let rest: LaneBits = kb &- half &- 1
        let s2 = lanes(rest &<< 52)
        return (y * s1 * s2).replacing(with: x, where: x .!= x)
    }

    // MARK: log

    /// ln x (fdlibm e_log: x = 2^k·m with m in [√2/2, √2), log(m) through s = f/(2+f)).
    @inline(__always) static func log(_ x: Lanes) -> Lanes {
        let subnormal = x .< 0x1p-1022
        let xs = x.replacing(with: x * 0x1p54, where: subnormal)
        // k = exponent of x·√2, so that m = x/2^k lies in [√2/2, √2): adding 1.0's bits minus
        // the bits of √2/2 (0x3FE6A09E667F3BCD) carries into the exponent field exactly when the
        // mantissa is ≥ √2/2·2.
        let u = bits(xs)
        let kb = (u &+ 0x0009_5F61_9980_C433) &>> 52
        let m = lanes(u &- (kb &<< 52) &+ (1023 << 52))
        var k = lanes(kb | 0x4330_0000_0000_0000) - (0x1p52 + 1023)
        k = k.replacing(with: k - 54, where: subnormal)
        let f = m - 1
        let s = f / (2 + f)
        let z = s * s
        let w = z * z
        let t1 = w * horner(w, 3.999999999940941908e-01, 2.222219843214978396e-01, 1.531383769920937332e-01)
        let t2 = z * horner(w, 6.666666666666735130e-01, 2.857142874366239149e-01, 1.818357216161805012e-01, 1.479819860511658591e-01)
        let hfsq = 0.5 * f * f
        let result = k * ln2Hi - ((hfsq - (s * (hfsq + t1 + t2) + k * ln2Lo)) - f)
        return result
            .replacing(with: -.infinity, where: x .== 0)
            .replacing(with: .nan, where: x .< 0)
            .replacing(with: x, where: .!(x .< .infinity))  // +∞ and NaN
    }

    // MARK: tanh

    /// tanh x = t/(t + 2) with t = e^(2|x|) − 1 = 2^k·(e^r − 1) + (2^k − 1), the sign put back.
    /// One evaluation and one division for every lane, no cases: k ≥ 0, so the sum never cancels
    /// (its terms are at most 1.4 times the result), and t keeps its relative accuracy as x → 0.
    /// Within 2 ulps of the correctly rounded value (KernelLevelTests measures it on every level).
    @inline(__always) static func tanh(_ x: Lanes) -> Lanes {
        let y = 2 * clamp(magnitude(x), 0, 22)  // tanh 22 rounds to 1
        let (_, kBits, hi, lo) = reduce(y)
        let s = power2(kBits)
        let t = fma(s, expm1Reduced(hi - lo), s - 1)
        let z = t / (t + 2)
        return lanes(bits(z) | (bits(x) & 0x8000_0000_0000_0000)).replacing(with: x, where: x .!= x)
    }

    /// 1/(1 + e^−x), the formula the course writes with numpy.
    @inline(__always) static func sigmoid(_ x: Lanes) -> Lanes { 1 / (1 + exp(-x)) }
}
