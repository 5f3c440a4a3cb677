import Synchronization

/// The one place every matrix allocation passes through, so runaway programs
/// become errors instead of taking the machine down. Process-wide: the grader
/// isolates each submission in its own process.
public enum MemoryGate {
    /// Largest number of elements one matrix may hold.
    public static let maxElements = Atomic<Int>(200_000_000)
    /// Largest number of bytes all live matrices may hold together.
    public static let maxLiveBytes = Atomic<Int>(8 << 30)
    /// Bytes held by live matrices right now.
    public static let liveBytes = Atomic<Int>(0)

    public static func configure(maxElements: Int? = nil, maxLiveBytes: Int? = nil) {
        if let n = maxElements { self.maxElements.store(n, ordering: .relaxed) }
        if let n = maxLiveBytes { self.maxLiveBytes.store(n, ordering: .relaxed) }
    }

    /// Checks that a rows×cols matrix may be allocated, before anything is allocated.
    public static func admit(rows: Int, cols: Int) throws(MatrixError) {
        guard rows >= 0, cols >= 0 else { throw .negativeSize(rows: rows, cols: cols) }
        let (count, overflow) = rows.multipliedReportingOverflow(by: cols)
        let limit = maxElements.load(ordering: .relaxed)
        if overflow || count > limit { throw .tooLarge(rows: rows, cols: cols, limit: limit) }
        let (bytes, bytesOverflow) = count.multipliedReportingOverflow(by: MemoryLayout<Double>.stride)
        if bytesOverflow { throw .tooLarge(rows: rows, cols: cols, limit: limit) }
        let cap = maxLiveBytes.load(ordering: .relaxed)
        if bytes > cap - liveBytes.load(ordering: .relaxed) {  // the sum might overflow, the difference cannot
            throw .outOfMemory(requested: bytes, live: liveBytes.load(ordering: .relaxed), limit: cap)
        }
    }

    static func didAllocate(_ bytes: Int) { liveBytes.add(bytes, ordering: .relaxed) }
    static func didFree(_ bytes: Int) { liveBytes.subtract(bytes, ordering: .relaxed) }
}
