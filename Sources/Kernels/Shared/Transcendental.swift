// Vectorised exp, log, tanh and sigmoid over SIMD lanes, within 1 ulp of glibc (tanh: equal to
// glibc's FMA build on levels with FMA; within 3 ulps of it on x86-64's baseline, which rounds twice).
//
// The algorithms are the classic fdlibm ones (exp, log, expm1, tanh: each < 1 ulp), rewritten
// branch-free: every case is computed and the right one selected per lane. PERF.md explains the
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

    // Polynomial coefficients, lowest degree first (fdlibm's P1…P5, Lg2/4/6, Lg1/3/5/7, Q1…Q5).
    static let expP: [Double] = [1.66666666666666019037e-01, -2.77777777770155933842e-03,
                                 6.61375632143793436117e-05, -1.65339022054652515390e-06, 4.13813679705723846039e-08]
    static let logEven: [Double] = [3.999999999940941908e-01, 2.222219843214978396e-01, 1.531383769920937332e-01]
    static let logOdd: [Double] = [6.666666666666735130e-01, 2.857142874366239149e-01,
                                   1.818357216161805012e-01, 1.479819860511658591e-01]
    static let expm1Q: [Double] = [-3.33333333333331316428e-02, 1.58730158725481460165e-03,
                                   -7.93650757867487942473e-05, 4.00821782732936239552e-06, -2.01099218183624371326e-07]

    /// c[0] + x·(c[1] + x·(…)), Horner's scheme.
    @inline(__always) static func horner(_ x: Lanes, _ c: [Double]) -> Lanes {
        var p = Lanes(repeating: c[c.count - 1])
        for i in stride(from: c.count - 2, through: 0, by: -1) { p = p * x + c[i] }
        return p
    }

    // MARK: exp

    /// e^x (fdlibm e_exp: a rational approximation of e^r on |r| ≤ ln2/2).
    @inline(__always) static func exp(_ x: Lanes) -> Lanes {
        let xc = clamp(x, -746, 710)  // beyond these, the result is 0 or ∞
        let (_, kBits, hi, lo) = reduce(xc)
        let r = hi - lo
        let t = r * r
        let c = r - t * horner(t, expP)
        let y = 1 - ((lo - (r * c) / (2 - c)) - hi)
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
        let t1 = w * horner(w, logEven)
        let t2 = z * horner(w, logOdd)
        let hfsq = 0.5 * f * f
        let result = k * ln2Hi - ((hfsq - (s * (hfsq + t1 + t2) + k * ln2Lo)) - f)
        return result
            .replacing(with: -.infinity, where: x .== 0)
            .replacing(with: .nan, where: x .< 0)
            .replacing(with: x, where: .!(x .< .infinity))  // +∞ and NaN
    }

    // MARK: expm1 and tanh

    /// a·b + c, with one rounding where the level has FMA (NNL_FMA, and arm64); x86-64's baseline
    /// rounds twice rather than call libm's software `fma` for every element.
    @inline(__always) static func fma(_ a: Lanes, _ b: Lanes, _ c: Lanes) -> Lanes {
        #if NNL_FMA || arch(arm64)
        c.addingProduct(a, b)
        #else
        c + a * b
        #endif
    }

    /// fdlibm s_expm1's reduction x = k·ln2 + r (r carrying the correction c) and its
    /// polynomial, shared by every case; e^x − 1 is then assembled from these per range of k.
    struct Expm1Parts {
        var k: Lanes, r: Lanes, e: Lanes, e0: Lanes, hxs: Lanes, twoK: Lanes, twoMinusK: Lanes
    }

    /// The parts for a given k = ±⌊|x|/ln2 + 1/2⌋ (0 for |x| ≲ ln2/2).
    @inline(__always) static func expm1Parts(_ x: Lanes, k: Lanes) -> Expm1Parts {
        let kBits = bits(k + magic)
        let hi = fma(-k, Lanes(repeating: ln2Hi), x)
        let lo = k * ln2Lo
        let r = hi - lo
        let c = (hi - r) - lo
        let hfx = 0.5 * r
        let hxs = r * hfx
        let h2 = hxs * hxs
        let r1 = fma(h2 * h2, fma(hxs, Lanes(repeating: expm1Q[4]), Lanes(repeating: expm1Q[3])),
                     fma(h2, fma(hxs, Lanes(repeating: expm1Q[2]), Lanes(repeating: expm1Q[1])),
                         fma(hxs, Lanes(repeating: expm1Q[0]), Lanes(repeating: 1))))
        let t = fma(-r1, hfx, Lanes(repeating: 3))
        let e0 = (r1 - t) / fma(-r, t, Lanes(repeating: 6)) * hxs
        let e = fma(r, e0 - c, -c) - hxs
        return Expm1Parts(k: k, r: r, e: e, e0: e0, hxs: hxs, twoK: power2(kBits),
                          twoMinusK: lanes((1023 &- (kBits &- magicBits)) &<< 52))
    }

    /// ⌊|x|/ln2 + 1/2⌋, rounding as fdlibm's integer conversion does.
    @inline(__always) static func expm1K(magnitude ax: Lanes) -> Lanes {
        let q = ax * invLn2 + 0.5
        let nearest = (q + magic) - magic
        return nearest.replacing(with: nearest - 1, where: nearest .> q)
    }

    /// e^x − 1 from the parts when k ≥ 2 (the cases for k ≤ 1 are `expm1`'s).
    @inline(__always) static func expm1KAtLeast2(_ p: Expm1Parts) -> Lanes {
        let far: Lanes = (1 - (p.e - p.r)) * p.twoK - 1  // k > 56 (or k ≤ −2 in `expm1`)
        let high: Lanes = ((p.r - (p.e + p.twoMinusK)) + 1) * p.twoK
        let middle: Lanes = ((1 - p.twoMinusK) - (p.e - p.r)) * p.twoK
        return far
            .replacing(with: high, where: (p.k .>= 20) .& (p.k .<= 56))
            .replacing(with: middle, where: (p.k .>= 2) .& (p.k .< 20))
    }

    /// e^x − 1 for |x| ≤ 44: fdlibm s_expm1 with the operation order and fused multiply-adds of
    /// glibc's FMA build (the one x86-64 machines run), so tanh agrees with glibc's tanh.
    @inline(__always) static func expm1(_ x: Lanes) -> Lanes {
        let ax = magnitude(x)
        var k = expm1K(magnitude: ax)
        k = k.replacing(with: 0, where: ax .< 0x1.62e43p-2)  // high word of |x| ≤ 0x3fd62e42
        k = k.replacing(with: -k, where: x .< 0)
        let p = expm1Parts(x, k: k)
        let r = p.r, e = p.e
        let onePositive = fma(r - e, Lanes(repeating: 2), Lanes(repeating: 1))
            .replacing(with: -2 * (e - (r + 0.5)), where: r .< -0.25)
        let oneNegative = fma(r - e, Lanes(repeating: 0.5), Lanes(repeating: -0.5))
        let zero = r - fma(r, p.e0, -p.hxs)
        return expm1KAtLeast2(p)
            .replacing(with: onePositive, where: k .== 1)
            .replacing(with: oneNegative, where: k .== -1)
            .replacing(with: zero, where: k .== 0)
    }

    /// tanh x (fdlibm s_tanh, as glibc: 1 − 2/(expm1(2|x|)+2) for |x| ≥ 1, −t/(t+2) with t = expm1(−2|x|) below).
    @inline(__always) static func tanh(_ x: Lanes) -> Lanes {
        let ax = clamp(magnitude(x), 0, 22)
        let large = ax .>= 1
        // Fast path, the same operations minus the selects that cannot apply: when all four
        // lanes have |x| ≥ 1 (most groups of a hidden layer's pre-activations), expm1's argument
        // 2|x| ≥ 2 has k ≥ 3, and only the large branch of tanh is needed.
        if all(large) {
            let ax2 = 2 * ax
            let t = expm1KAtLeast2(expm1Parts(ax2, k: expm1K(magnitude: ax2)))
            let z = (1 - 2 / (t + 2)).replacing(with: 1, where: ax .>= 22)
            return lanes(bits(z) | (bits(x) & 0x8000_0000_0000_0000))
        }
        let t = expm1(ax.replacing(with: 2 * ax, where: large).replacing(with: -2 * ax, where: .!large))
        let q = (-t).replacing(with: Lanes(repeating: 2), where: large) / (t + 2)  // one division for both
        let z = q.replacing(with: 1 - q, where: large)
            .replacing(with: 1, where: ax .>= 22)
            .replacing(with: ax, where: ax .< 0x1p-55)
        let signed = lanes(bits(z) | (bits(x) & 0x8000_0000_0000_0000))
        return signed.replacing(with: x, where: x .!= x)
    }

    /// 1/(1 + e^−x), the formula the course writes with numpy.
    @inline(__always) static func sigmoid(_ x: Lanes) -> Lanes { 1 / (1 + exp(-x)) }
}
