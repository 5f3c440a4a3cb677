import Foundation
import Interruption
import Testing
@testable import NNLMatrix

/// Distance in units in the last place; 0 when both are NaN, Int64.max when only one is.
func ulps(_ a: Double, _ b: Double) -> Int64 {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN ? 0 : .max }
    if a == b { return 0 }
    func ordered(_ x: Double) -> Int64 { let i = Int64(bitPattern: x.bitPattern); return i < 0 ? .min &- i : i }
    let d = ordered(a).subtractingReportingOverflow(ordered(b))
    return d.overflow ? .max : abs(d.partialValue)
}

/// SplitMix64: the same arguments on every run, so a failure can be reproduced.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// ~10^6 arguments over the whole range: tiny, near 0.5–1, large, subnormal, any bit pattern, specials.
private func arguments(count: Int) -> [Double] {
    var generator = SplitMix(state: 2024)
    var xs: [Double] = [0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, 2.2250738585072014e-308, 0x1p-55, 0x1p-56,
                        709.782712893384, 709.79, -745.1, -745.2, -708.4, 19.06, 22, 0.34657359027997264, 1]
    while xs.count < count {
        var x: Double
        switch Int.random(in: 0..<7, using: &generator) {
        case 0: x = .random(in: -1e-8...1e-8, using: &generator)
        case 1: x = .random(in: 0.4...1.1, using: &generator)
        case 2: x = .random(in: 20...800, using: &generator)
        case 3: x = Double(bitPattern: .random(in: 1..<(1 << 52), using: &generator))
        case 4: x = Double(bitPattern: .random(in: 0..<0x7FF0_0000_0000_0000, using: &generator))
        case 5: x = .random(in: -3...3, using: &generator)
        default: x = .random(in: -40...40, using: &generator)
        }
        xs.append(Bool.random(using: &generator) ? -x : x)
    }
    return xs
}

/// Largest ulp distance between `op` on one level and glibc's `reference` over the arguments.
private func worstUlps(_ op: UnaryOp, _ reference: (Double) -> Double, _ xs: [Double], _ kernels: any KernelSet.Type) throws -> Int64 {
    let got = try Matrix(row: xs).map(op, kernels: kernels)
    return xs.indices.reduce(0) { Swift.max($0, ulps(got[$1], reference(xs[$1]))) }
}

/// Every kernel level this machine runs, checked in one suite that runs its tests one at a time:
/// the stop request is process-wide, so no other big kernel here may run while it is raised.
@Suite(.serialized) struct KernelLevelTests {
    /// exp/log within 1 ulp of glibc on every level; tanh within 3 ulps of it (measured: 3 on every
    /// level; glibc's tanh is itself within an ulp of the exact value): nnl's tanh trades the last
    /// ulps for one evaluation of e^(2|x|) − 1 and one division per element, without cases.
    @Test(arguments: Kernels.available) func transcendentalsAreWithinOneUlpOfGlibc(level: CPULevel) throws {
        let kernels = Kernels.kernels(for: level)!
        let xs = arguments(count: 1_000_003)  // not a multiple of any lane count: the tail is covered too
        #expect(try worstUlps(.exp, Foundation.exp, xs, kernels) <= 1)
        #expect(try worstUlps(.log, Foundation.log, xs, kernels) <= 1)
        #expect(try worstUlps(.tanh, Foundation.tanh, xs, kernels) <= 3)
        // sigmoid is computed as the course writes it, 1/(1 + e^−x). Where e^−x > 2^53 (x < −36.7)
        // the sum 1 + e^−x is rounded to a multiple of 2 or more, so exp's 1-ulp freedom can move
        // it by a few ulps (measured: 4). Still within 1e-15 relative of glibc's value.
        let sigmoid = { (x: Double) in 1 / (1 + Foundation.exp(-x)) }
        #expect(try worstUlps(.sigmoid, sigmoid, xs, kernels) <= 4)
        #expect(try worstUlps(.sigmoid, sigmoid, xs.filter { $0 > -36 }, kernels) <= 2)
    }

    /// A stop requested from another thread ends a 3000×3000 product (seconds of work) early, on
    /// every level. The kernel is called on buffers of its own: the memory gate's limits are
    /// process-wide, and other suites lower them for their own tests.
    /// (The levels in turn, in one test: the cases of a parameterised test may run in parallel,
    /// and one case clearing the request would hide it from another.)
    @Test func aStopRequestEndsABigProductEarly() throws {
        let n = 3000
        let a = UnsafeMutablePointer<Double>.allocate(capacity: n * n), c = UnsafeMutablePointer<Double>.allocate(capacity: n * n)
        defer { a.deallocate(); c.deallocate() }
        a.initialize(repeating: 0.5, count: n * n)
        for level in Kernels.available {
            // A session's own token, as the evaluator runs kernels: the process-wide flag would
            // stop the other suites' sessions running at the same time.
            let token = StopToken()
            let requested = StopTime(), sent = DispatchSemaphore(value: 0)
            Thread {
                Thread.sleep(forTimeInterval: 0.05)
                requested.nanoseconds = DispatchTime.now().uptimeNanoseconds
                token.request()
                sent.signal()
            }.start()
            let started = DispatchTime.now().uptimeNanoseconds
            let outcome = token.whileRunning {
                Kernels.kernels(for: level)!.product(a, Factor(a, rowStride: 1, columnStride: n), c, m: n, k: n, n: n)
            }
            let returned = DispatchTime.now().uptimeNanoseconds
            #expect(outcome == .stopped, "\(level): the product did not say it stopped")
            sent.wait()
            let (asked, after) = (requested.nanoseconds, Double(returned &- requested.nanoseconds) / 1e9)
            #expect(returned >= asked, "\(level): the product (\(Double(returned - started) / 1e9) s) ended before the stop was requested")
            #expect(returned >= asked && after < 0.5, "\(level): returned \(after) s after the request")
        }
    }
}

/// When the stopping thread raised the request (read after it signals).
private final class StopTime: @unchecked Sendable { var nanoseconds: UInt64 = 0 }

@Test func kernelLevelsAreChosenByName() throws {
    #expect(Kernels.available.first == .baseline)
    #expect(Kernels.choose(nil) == .success(Kernels.available.last!))
    #expect(Kernels.choose("") == .success(Kernels.available.last!))
    #expect(Kernels.choose("BASELINE") == .success(.baseline))
    #expect(Kernels.choose("sse9") == .failure(.unknown("sse9")))
    for level in CPULevel.allCases where !Kernels.available.contains(level) {
        #expect(Kernels.choose(level.rawValue) == .failure(.unsupported(level, available: Kernels.available)))
    }
    #expect(CPULevelRefused.unsupported(.avx512, available: [.baseline, .avx2]).message
        == "NNL_CPU=avx512: this CPU cannot run the avx512 kernels (it supports baseline, avx2)")
}
