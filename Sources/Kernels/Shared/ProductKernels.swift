import Interruption
import KernelInterface
import Synchronization

/// c = x·b for a row x: c[j] = dot(x, column j of b), or four columns at a time in the order of
/// numpy's BLAS where it takes four columns at a time: short columns of 4 to 7 (`W2 * A1`), and
/// any length when b is a transpose (`dZ2 * A1'`). The last n mod 4 columns are dot's order.
func rowProduct(_ x: UnsafePointer<Double>, _ b: Factor, _ c: UnsafeMutablePointer<Double>, k: Int, n: Int) {
    var j = 0
    if b.columnStride == 1 {
        // b is a transpose (`dZ2 * A1'`): four neighbouring columns of it are one SIMD4 load.
        // In the order of numpy's BLAS (OpenBLAS's dgemv_t kernel: `dZ2 * A1'` equals numpy's to
        // the bit): lane l of acc[r] sums the terms i ≡ r (mod 4) of column j + l in a chain of
        // multiply-adds, the four sums are added as (acc0 + acc2) + (acc1 + acc3), then the last
        // k mod 4 terms one at a time.
        let rb = UnsafeRawPointer(b.base)
        while j + 4 <= n {
            var acc = (SIMD4<Double>(), SIMD4<Double>(), SIMD4<Double>(), SIMD4<Double>())
            @inline(__always) func column(_ i: Int) -> SIMD4<Double> {
                rb.loadUnaligned(fromByteOffset: (i &* b.rowStride &+ j) &* 8, as: SIMD4<Double>.self)
            }
            var i = 0
            while i + 4 <= k {
                acc.0 = acc.0.plusProduct(column(i), x[i]); acc.1 = acc.1.plusProduct(column(i + 1), x[i + 1])
                acc.2 = acc.2.plusProduct(column(i + 2), x[i + 2]); acc.3 = acc.3.plusProduct(column(i + 3), x[i + 3])
                i += 4
            }
            var sum = (acc.0 + acc.2) + (acc.1 + acc.3)
            while i < k { sum = sum + column(i) * x[i]; i += 1 }
            UnsafeMutableRawPointer(c + j).storeBytes(of: SIMD4<Double>() + sum, as: SIMD4<Double>.self)
            j += 4
        }
    } else if k < 8 {
        // Short columns (`W2 * A1`, k = 4), four at a time in the order of numpy's BLAS (OpenBLAS's
        // dgemv_n kernel, which numpy calls for a row times a matrix): four terms as two chains of
        // multiply-adds, (x0·b0 + x2·b2) + (x1·b1 + x3·b3), then the rest two and one at a time.
        // For k < 4 that is dot's order: the products added in turn.
        while j + 4 <= n {
            @inline(__always) func row(_ p: Int) -> SIMD4<Double> {
                let y = b.base + j * b.columnStride + p
                return SIMD4(y[0], y[b.columnStride], y[2 * b.columnStride], y[3 * b.columnStride])
            }
            var sum = SIMD4<Double>()
            var p = 0
            if k >= 4 {
                let even = (row(0) * x[0]).plusProduct(row(2), x[2])
                let odd = (row(1) * x[1]).plusProduct(row(3), x[3])
                sum = sum + (even + odd)
                p = 4
            }
            if k - p >= 2 {
                sum = sum + (row(p) * x[p] + row(p + 1) * x[p + 1])
                p += 2
            }
            if p < k { sum = sum + row(p) * x[p] }
            UnsafeMutableRawPointer(c + j).storeBytes(of: sum, as: SIMD4<Double>.self)
            j += 4
        }
    }
    for j in j..<n { c[j] = dot(x, b.column(j), k, stride: b.rowStride) }
}

/// Σ x[i]·y[i·stride] with eight independent partial sums (vectorised by the compiler).
@inline(__always)
private func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ n: Int, stride: Int) -> Double {
    var acc = SIMD8<Double>()
    let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
    var i = 0
    while i + 8 <= n {
        let ys: SIMD8<Double>
        if stride == 1 {
            ys = ry.loadUnaligned(fromByteOffset: i * 8, as: SIMD8<Double>.self)
        } else {
            var g = SIMD8<Double>()
            for l in 0..<8 { g[l] = y[(i + l) * stride] }
            ys = g
        }
        acc = acc.plusProduct(rx.loadUnaligned(fromByteOffset: i * 8, as: SIMD8<Double>.self), ys)
        i += 8
    }
    var sum = acc.sum()
    while i < n { sum += x[i] * y[i * stride]; i += 1 }
    return sum
}

/// c = a·b one column at a time, four rows of the column summed in a register over p:
/// c[i..<i+4, j] = Σ_p a[i..<i+4, p]·b[p, j]. Low overhead for the course's tiny shapes.
func directProduct(_ a: UnsafePointer<Double>, _ b: Factor, _ c: UnsafeMutablePointer<Double>,
                           m: Int, k: Int, n: Int) {
    if b.rowStride == 1 {
        directProduct(a, b.base, c, m: m, k: k, n: n, step: 1, columnStride: b.columnStride)
    } else {
        directProduct(a, b.base, c, m: m, k: k, n: n, step: b.rowStride, columnStride: b.columnStride)
    }
}

/// The loop of `directProduct`, inlined twice so the common unit-stride case keeps plain loads.
@inline(__always)
private func directProduct(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
                           m: Int, k: Int, n: Int, step: Int, columnStride: Int) {
    // Few columns of a (`W1*X`: 4×2 by 2×400; `W2'*dZ2`: 4×1 by 1×400): the loop over p is too
    // short to pay for the set-up of each column of c. Loop over p outside instead, each column
    // of a loaded once, adding a[:, p]·b[p, j] into c: the same fused multiply-adds from +0 in
    // the same order of p as below, so the same results.
    if m % 4 == 0 && k < 8 {
        for p in 0..<k {
            for i in stride(from: 0, to: m, by: 4) {
                let ap = UnsafeRawPointer(a + (p &* m &+ i)).loadUnaligned(as: SIMD4<Double>.self)
                var pb = b + p &* step, pc = UnsafeMutableRawPointer(c + i)
                for _ in 0..<n {
                    let sum = p == 0 ? SIMD4<Double>() : pc.loadUnaligned(as: SIMD4<Double>.self)
                    pc.storeBytes(of: sum.plusProduct(ap, pb.pointee), as: SIMD4<Double>.self)
                    pb += columnStride
                    pc += m &* 8
                }
            }
        }
        return
    }
    // Pointers step through a and b (no index arithmetic, so no overflow checks in the inner loop).
    for j in 0..<n {
        let column = c + j &* m, bj = b + j &* columnStride
        var i = 0
        while i + 4 <= m {
            UnsafeMutableRawPointer(column + i).storeBytes(of: fourRows(a + i, bj, m: m, k: k, step: step), as: SIMD4<Double>.self)
            i += 4
        }
        for r in i..<m {
            // One chain of multiply-adds from +0, as the rows above (and numpy's BLAS: 2×2 by 2×2).
            var sum = 0.0
            var pa = a + r, pb = bj
            for _ in 0..<k {
                sum = sum.plusProduct(pa.pointee, pb.pointee)
                pa += m
                pb += step
            }
            column[r] = sum
        }
    }
}

/// Σ_p a[0..<4, p]·b[p·step]: four rows of one column of a product, in the order of numpy's BLAS
/// (OpenBLAS's Haswell dgemm, measured: 2×2 by 2×2, 20×30 by 30×50, 4×400 by 400×2 match it to
/// the bit): one chain of multiply-adds from +0 over a block of depth, the blocks' sums added in
/// turn. A block is all of k up to 256; a longer sum is cut as OpenBLAS cuts it (`depthOfBlock`).
/// Two blocks run interleaved, so that two multiply-adds are in flight (`dZ1 * X'`, k = 400).
@inline(__always)
private func fourRows(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, m: Int, k: Int, step: Int) -> SIMD4<Double> {
    let rowStep = m &* 8
    let base = UnsafeRawPointer(a)
    @inline(__always) func term(_ p: Int) -> (SIMD4<Double>, Double) {
        (base.loadUnaligned(fromByteOffset: p &* rowStep, as: SIMD4<Double>.self), b[p &* step])
    }
    var total = SIMD4<Double>()
    var start = 0
    while start < k {
        let first = depthOfBlock(k - start)
        let second = depthOfBlock(k - start - first)  // 0 when the first block ends the sum
        var s0 = SIMD4<Double>(), s1 = SIMD4<Double>()
        for p in 0..<second {
            let (x, y) = term(start &+ p), (u, v) = term(start &+ first &+ p)
            s0 = s0.plusProduct(x, y)
            s1 = s1.plusProduct(u, v)
        }
        for p in second..<first {
            let (x, y) = term(start &+ p)
            s0 = s0.plusProduct(x, y)
        }
        total = total + s0
        if second > 0 { total = total + s1 }
        start += first + second
    }
    return total
}

/// OpenBLAS's depth of the next block of a sum with `remaining` terms (GEMM_Q = 256, unroll 4):
/// 256 while 512 or more remain, then two near halves (a multiple of 4 first), else all.
@inline(__always)
private func depthOfBlock(_ remaining: Int) -> Int {
    remaining >= 512 ? 256 : remaining > 256 ? (remaining / 2 + 3) / 4 * 4 : remaining
}

/// Register tile of the micro-kernel: `PanelRows` (8 rows, or 16 with AVX-512) by 6 columns,
/// 12 vector registers of sums: enough independent multiply-adds to hide their latency.
enum Kernel {
    static let rows = PanelRows.scalarCount, cols = 6
    /// Depth of one packed block and rows per block of a (a 128×256 block: 256 KB, in L2).
    static let depth = 256, blockRows = 128
}

/// Pointers handed to the worker threads; each thread writes a disjoint set of columns of c.
/// `packedA` is all of a, packed once into blocks (see `packBlocks`) that both threads read.
private struct ProductJob: @unchecked Sendable {
    let packedA: UnsafePointer<Double>, b: Factor, c: UnsafeMutablePointer<Double>
    let m: Int, k: Int
}

/// c += a·b, the columns of c shared out in chunks over two threads when the product is big:
/// each thread takes the next chunk when it is done with one, so a thread the host delays (the
/// machine is shared) leaves its work to the other rather than keep it waiting, as an even split
/// of the columns did (a product then took up to twice as long).
func blockedProduct(_ a: UnsafePointer<Double>, _ b: Factor, _ c: UnsafeMutablePointer<Double>,
                    m: Int, k: Int, n: Int) -> KernelOutcome {
    let packedA = UnsafeMutablePointer<Double>.aligned(packedSize(m: m, k: k))
    defer { packedA.deallocate() }
    guard packBlocks(a, m: m, k: k, into: packedA) == .finished else { return .stopped }
    let job = ProductJob(packedA: packedA, b: b, c: c, m: m, k: k)
    guard m * k * n >= 8_000_000 else { return blockedColumns(job, 0..<n) }
    let chunks = ColumnChunks(count: n, width: 16 * Kernel.cols)
    runBeside({ chunks.forEach { blockedColumns(job, $0) } }, { chunks.forEach { blockedColumns(job, $0) } })
    return chunks.outcome
}

/// Chunks of columns handed out in turn to whichever thread asks, and whether all were done.
private final class ColumnChunks: Sendable {
    let count: Int, width: Int
    private let next = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)

    init(count: Int, width: Int) {
        self.count = count
        self.width = width
    }

    /// `body` for each chunk this thread takes, until none is left or a stop is requested.
    func forEach(_ body: (Range<Int>) -> KernelOutcome) {
        while true {
            let start = next.add(width, ordering: .relaxed).oldValue
            guard start < count else { return }
            if StopRequest.shouldStop || body(start..<min(count, start + width)) == .stopped {
                return stopped.store(true, ordering: .relaxed)
            }
        }
    }

    /// Read after both threads are done (joined): `.finished` when every chunk was computed.
    var outcome: KernelOutcome { stopped.load(ordering: .relaxed) ? .stopped : .finished }
}

/// Doubles in `packBlocks`' layout of an m×k a.
private func packedSize(m: Int, k: Int) -> Int {
    blockSize * ((m + Kernel.blockRows - 1) / Kernel.blockRows) * ((k + Kernel.depth - 1) / Kernel.depth)
}

/// a packed as the micro-kernel reads it: for each block of `Kernel.depth` steps of k, each block
/// of `Kernel.blockRows` rows, one after the other at `blockSize` apart. Stops between blocks
/// when asked to (a 3000×3000 a is 72 MB to copy), leaving the rest unpacked.
private func packBlocks(_ a: UnsafePointer<Double>, m: Int, k: Int, into packed: UnsafeMutablePointer<Double>) -> KernelOutcome {
    let rowBlocks = (m + Kernel.blockRows - 1) / Kernel.blockRows
    for (p, p0) in stride(from: 0, to: k, by: Kernel.depth).enumerated() {
        for (i, i0) in stride(from: 0, to: m, by: Kernel.blockRows).enumerated() {
            if StopRequest.shouldStop { return .stopped }
            pack(a + p0 * m + i0, stride: m, along: min(Kernel.blockRows, m - i0), lanes: Kernel.rows,
                 depth: min(Kernel.depth, k - p0), transposed: false, into: packed + (p * rowBlocks + i) * blockSize)
        }
    }
    return .finished
}

/// Room for one packed block of a (`Kernel.blockRows` is a whole number of panels).
private let blockSize = Kernel.depth * Kernel.blockRows

/// c += a·b for the columns `range` of c, with a and b packed into panels (GotoBLAS layout),
/// blocked over k and over rows of a: a 128×256 block of a (256 KB) stays in L2 while 256×6
/// panels of b (12 KB) pass through L1. Returns `.stopped` early, c partly summed, when a stop is
/// requested (checked between blocks).
private func blockedColumns(_ job: ProductJob, _ range: Range<Int>) -> KernelOutcome {
    guard !range.isEmpty else { return .finished }
    let (m, k, n) = (job.m, job.k, range.count)
    let b = Factor(job.b.column(range.lowerBound), rowStride: job.b.rowStride, columnStride: job.b.columnStride)
    let c = job.c + range.lowerBound * m
    let (mr, nr) = (Kernel.rows, Kernel.cols)
    let panelsB = (n + nr - 1) / nr, rowBlocks = (m + Kernel.blockRows - 1) / Kernel.blockRows
    let packedB = UnsafeMutablePointer<Double>.aligned(Kernel.depth * panelsB * nr)
    defer { packedB.deallocate() }
    for (p, p0) in stride(from: 0, to: k, by: Kernel.depth).enumerated() {
        let depth = min(Kernel.depth, k - p0)
        // b's panels run along its columns: for a matrix that is b's transposed layout, for a
        // transpose b's own.
        pack(b.base + p0 * b.rowStride, stride: b.rowStride == 1 ? b.columnStride : b.rowStride, along: n, lanes: nr, depth: depth,
             transposed: b.rowStride == 1, into: packedB)
        for (i, i0) in stride(from: 0, to: m, by: Kernel.blockRows).enumerated() {
            if StopRequest.shouldStop { return .stopped }
            let rows = min(Kernel.blockRows, m - i0)
            let packedA = job.packedA + (p * rowBlocks + i) * blockSize
            for jp in 0..<panelsB {
                let cols = min(nr, n - jp * nr)
                for ip in 0..<(rows + mr - 1) / mr {
                    microKernel(depth, packedA + ip * mr * depth, packedB + jp * nr * depth,
                                c + jp * nr * m + i0 + ip * mr, ldc: m, rows: min(mr, rows - ip * mr), cols: cols)
                }
            }
        }
    }
    return .finished
}

/// Copies a block into panels of `lanes` consecutive rows (or columns, when `transposed`), each
/// panel stored depth-major so the kernel reads it sequentially; missing lanes are zero.
/// Not transposed: element (i, p) is source[p·stride + i]; transposed: it is source[i·stride + p].
/// Written a step of depth at a time, `lanes` values stored together: the order the panel is
/// read in (copying a lane at a time, the compiler made the transposed copy of scatters, which
/// took a fifth of the product's time on AVX-512).
private func pack(_ source: UnsafePointer<Double>, stride: Int, along count: Int, lanes: Int, depth: Int,
                  transposed: Bool, into panels: UnsafeMutablePointer<Double>) {
    let (step, laneStep) = transposed ? (1, stride) : (stride, 1)
    for panel in 0..<(count + lanes - 1) / lanes {
        let out = panels + panel * lanes * depth
        let first = panel * lanes, filled = min(lanes, count - first)
        let start = source + first * laneStep
        for p in 0..<depth {
            let row = out + p * lanes, from = start + p * step
            if laneStep == 1 {
                row.update(from: from, count: filled)
            } else {
                for l in 0..<filled { row[l] = from[l &* laneStep] }
            }
            for l in filled..<lanes { row[l] = 0 }
        }
    }
}

/// c[0..<rows, 0..<cols] += (rows×depth panel of a)·(depth×6 panel of b), sums held in registers.
@inline(__always)
private func microKernel(_ depth: Int, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                         _ c: UnsafeMutablePointer<Double>, ldc: Int, rows: Int, cols: Int) {
    var s0 = PanelRows(), s1 = PanelRows(), s2 = PanelRows()
    var s3 = PanelRows(), s4 = PanelRows(), s5 = PanelRows()
    let ar = UnsafeRawPointer(a)
    for p in 0..<depth {
        let x = ar.loadUnaligned(fromByteOffset: p &* MemoryLayout<PanelRows>.stride, as: PanelRows.self)
        let y = b + p * 6
        s0 = s0.plusProduct(x, y[0])
        s1 = s1.plusProduct(x, y[1])
        s2 = s2.plusProduct(x, y[2])
        s3 = s3.plusProduct(x, y[3])
        s4 = s4.plusProduct(x, y[4])
        s5 = s5.plusProduct(x, y[5])
    }
    func add(_ s: PanelRows, toColumn j: Int) {
        guard j < cols else { return }
        let column = c + j * ldc
        if rows == Kernel.rows {
            let raw = UnsafeMutableRawPointer(column)
            raw.storeBytes(of: raw.loadUnaligned(as: PanelRows.self) + s, as: PanelRows.self)
        } else {
            for i in 0..<rows { column[i] += s[i] }
        }
    }
    add(s0, toColumn: 0); add(s1, toColumn: 1); add(s2, toColumn: 2)
    add(s3, toColumn: 3); add(s4, toColumn: 4); add(s5, toColumn: 5)
}

extension UnsafeMutablePointer where Pointee == Double {
    /// Uninitialised scratch space on a cache-line boundary (packed panels are read as aligned SIMD8).
    static func aligned(_ count: Int) -> UnsafeMutablePointer<Double> {
        UnsafeMutableRawPointer.allocate(byteCount: Swift.max(count, 1) * 8, alignment: 64)
            .bindMemory(to: Double.self, capacity: Swift.max(count, 1))
    }
}

extension SIMD where Scalar == Double {
    /// self + a·b: one rounding where the level has FMA (NNL_FMA, and arm64). x86-64's baseline
    /// rounds the product, then the sum: a fused multiply-add there would be a call to libm's
    /// software `fma` per element, ten times slower. (Here, next to its uses: debug builds
    /// optimise file by file, and could not specialise it from another file.)
    @inline(__always) fileprivate func plusProduct(_ a: Self, _ b: Self) -> Self {
        #if NNL_FMA || arch(arm64)
        addingProduct(a, b)
        #else
        self + a * b
        #endif
    }

    @inline(__always) fileprivate func plusProduct(_ a: Self, _ b: Double) -> Self { plusProduct(a, Self(repeating: b)) }
}

extension Double {
    /// self + a·b, with one rounding where the level has FMA, as `SIMD.plusProduct`.
    @inline(__always) fileprivate func plusProduct(_ a: Double, _ b: Double) -> Double {
        #if NNL_FMA || arch(arm64)
        addingProduct(a, b)
        #else
        self + a * b
        #endif
    }
}
