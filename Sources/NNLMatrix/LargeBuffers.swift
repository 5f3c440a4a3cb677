#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Element buffers of 4 MB and more (half a million values: `tanh` of 10⁶ values, an MNIST
/// batch), mapped from the OS (mmap) in 2 MB pages and kept for reuse when freed.
///
/// Why: a program that computes `y = tanh(x)` in a loop makes a new 8 MB result each time.
/// From `malloc` its first touch costs 2 048 page faults (~3 ms here, more than the arithmetic);
/// in 2 MB pages it costs four (~0.7 ms, the zeroing), and a buffer taken back from the pool
/// costs none. numpy asks for 2 MB pages for the same sizes. The pool is small and bounded, so
/// a loop's memory stays flat and a finished program's does not stay high.
enum LargeBuffers {
    /// Smallest buffer, in bytes, that is mapped here rather than allocated with its header.
    static let threshold = 4 << 20
    private static let pageSize = 2 << 20
    /// Most buffers and bytes kept for reuse.
    private static let poolLimit = (buffers: 4, bytes: 128 << 20)

    /// Addresses as integers: pointers are not `Sendable`.
    private static let pool = Mutex<[(bytes: Int, address: Int)]>([])

    /// A buffer for `count` doubles (uninitialised), or nil when the OS refuses the mapping
    /// (an address-space limit): the caller falls back to `malloc`, which reports the failure.
    static func take(count: Int) -> UnsafeMutablePointer<Double>? {
        let bytes = mappedSize(count: count)
        let reused = pool.withLock { pool -> Int? in
            guard let index = pool.firstIndex(where: { $0.bytes == bytes }) else { return nil }
            return pool.remove(at: index).address
        }
        guard let address = reused.flatMap(UnsafeMutableRawPointer.init(bitPattern:)) ?? map(bytes: bytes)
        else { return nil }
        return address.bindMemory(to: Double.self, capacity: count)
    }

    /// Gives back a buffer `take(count:)` returned; kept for the next one of its size, or unmapped.
    static func give(_ buffer: UnsafeMutablePointer<Double>, count: Int) {
        let bytes = mappedSize(count: count)
        let address = Int(bitPattern: buffer)
        let kept = pool.withLock { pool -> Bool in
            let held = pool.reduce(0) { $0 + $1.bytes }
            guard pool.count < poolLimit.buffers, held + bytes <= poolLimit.bytes else { return false }
            pool.append((bytes, address))
            return true
        }
        if !kept { munmap(buffer, bytes) }
    }

    private static func mappedSize(count: Int) -> Int {
        let bytes = count * MemoryLayout<Double>.stride
        return (bytes + pageSize - 1) / pageSize * pageSize
    }

    /// Maps `bytes` (a multiple of 2 MB) aligned to 2 MB, so that every page can be a huge page:
    /// maps one page more and unmaps the unaligned ends.
    private static func map(bytes: Int) -> UnsafeMutableRawPointer? {
        let length = bytes + pageSize
        guard let raw = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              raw != MAP_FAILED else { return nil }
        let start = Int(bitPattern: raw)
        let aligned = (start + pageSize - 1) / pageSize * pageSize
        if aligned > start { munmap(raw, aligned - start) }
        let end = start + length, alignedEnd = aligned + bytes
        if end > alignedEnd { munmap(UnsafeMutableRawPointer(bitPattern: alignedEnd), end - alignedEnd) }
        let address = UnsafeMutableRawPointer(bitPattern: aligned)!
        #if os(Linux)
        madvise(address, bytes, MADV_HUGEPAGE)
        #endif
        return address
    }
}
