import Interruption
import KernelInterface

/// This level's kernels (the level and its lane width are set in Level.swift).
/// Long work is cut into blocks with a stop check between them: see `KernelSet`.
public enum LevelKernels: KernelSet {
    public static var level: CPULevel { kernelLevel }

    /// Elements per block of an element-wise kernel between stop checks (~0.1 ms of `tanh`).
    static let block = 1 << 15

    public static func unary(_ op: UnaryOp, _ src: UnsafePointer<Double>, _ dst: UnsafeMutablePointer<Double>, _ n: Int) -> KernelOutcome {
        forEachBlock(n, mayStop: true) { i, count in apply(op, src + i, dst + i, count) }
    }

    public static func unary(_ op: UnaryOp, _ src: UnsafePointer<Double>, _ dst: UnsafeMutablePointer<Double>, _ n: Int,
                             noticing signs: inout Signs) -> KernelOutcome {
        forEachBlock(n, mayStop: true) { i, count in
            notice(&signs, src + i, count)  // first: dst may be src
            apply(op, src + i, dst + i, count)
        }
    }

    /// `body` over blocks of `step` elements of 0..<n, stopping between them when asked to (and allowed).
    @inline(__always) private static func forEachBlock(_ n: Int, step: Int = block, mayStop: Bool,
                                                       _ body: (Int, Int) -> Void) -> KernelOutcome {
        var i = 0
        while i < n {
            if i > 0 && mayStop && StopRequest.shouldStop { return .stopped }
            let count = min(step, n - i)
            body(i, count)
            i += count
        }
        return .finished
    }

    public static func binary(_ op: BinaryOp, _ layout: RunLayout, _ a: Walk, _ b: Walk, _ out: UnsafeMutablePointer<Double>,
                              mayStop: Bool) -> KernelOutcome {
        if layout.runs == 1 {
            // One long run: cut it into runs of `block` elements.
            return forEachBlock(layout.length, mayStop: mayStop) { i, count in
                op.run(RunLayout(length: count, runs: 1), a.advanced(by: i), b.advanced(by: i), out + i)
            }
        }
        if let outcome = shortColumn(op, layout, a, b, out, mayStop: mayStop) { return outcome }
        // One run per column: whole columns at a time.
        let columns = max(1, block / max(layout.length, 1))
        return forEachBlock(layout.runs, step: columns, mayStop: mayStop) { r, count in
            op.run(RunLayout(length: layout.length, runs: count), a.skipping(runs: r), b.skipping(runs: r), out + r * layout.length)
        }
    }

    /// A short column against a whole matrix (`Z1 + b1`: 4×1 over 4×400): the column repeated
    /// into a scratch run of 256 elements, so the loop runs over a few long runs, not 400 short
    /// ones (each short run cost more in set-up than in arithmetic). nil when not that case.
    static func shortColumn(_ op: BinaryOp, _ layout: RunLayout, _ a: Walk, _ b: Walk, _ out: UnsafeMutablePointer<Double>,
                            mayStop: Bool) -> KernelOutcome? {
        let length = layout.length
        guard length > 0 && length <= 32 && a.step == 1 && b.step == 1 else { return nil }
        let columnIsB = a.runStep == length && b.runStep == 0
        guard columnIsB || (b.runStep == length && a.runStep == 0) else { return nil }
        let group = 256 / length, column = columnIsB ? b.base : a.base
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: group * length) { scratch in
            let repeated = scratch.baseAddress!
            for g in 0..<group { (repeated + g * length).initialize(from: column, count: length) }
            var r = 0
            while r < layout.runs {
                if r > 0 && (r / group) % 128 == 0 && mayStop && StopRequest.shouldStop { return .stopped }
                let count = min(group, layout.runs - r), start = r * length
                let flat = RunLayout(length: count * length, runs: 1), pattern = Walk(base: repeated, step: 1, runStep: 0)
                if columnIsB {
                    op.run(flat, Walk(base: a.base + start, step: 1, runStep: 0), pattern, out + start)
                } else {
                    op.run(flat, pattern, Walk(base: b.base + start, step: 1, runStep: 0), out + start)
                }
                r += count
            }
            return .finished
        }
    }

    public static func product(_ a: UnsafePointer<Double>, _ b: Factor, _ c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int) -> KernelOutcome {
        if m >= Kernel.rows && m * k * n >= 100_000 {
            c.update(repeating: 0, count: m * n)  // the blocked kernel accumulates
            return blockedProduct(a, b, c, m: m, k: k, n: n)
        }
        // Small or thin products, a block of columns at a time (each column of c is computed on
        // its own, so the blocks give the same results as one pass).
        let columns = max(4, (block * 8 / max(m * k, 1) + 3) / 4 * 4)
        return forEachBlock(n, step: columns, mayStop: true) { j, count in
            let part = Factor(b.column(j), rowStride: b.rowStride, columnStride: b.columnStride)
            if m == 1 {
                rowProduct(a, part, c + j, k: k, n: count)
            } else {
                directProduct(a, part, c + j * m, m: m, k: k, n: count)
            }
        }
    }
}

extension Walk {
    /// The walk from element i of a single run on.
    @inline(__always) func advanced(by i: Int) -> Walk { Walk(base: base + i * step, step: step, runStep: runStep) }
    /// The walk from run r on.
    @inline(__always) func skipping(runs r: Int) -> Walk { Walk(base: base + r * runStep, step: step, runStep: runStep) }
}
