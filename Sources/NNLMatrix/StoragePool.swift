#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ThreadLocal

/// Storages of small matrices that this thread let go of, kept for its next matrices of the
/// same count. An interpreter loop over small values (`z1 = W1*x + b1` one example at a time)
/// makes and drops a few dozen matrices of 1 to 8 elements an example; `malloc`, `free` and the
/// object's set-up cost more than the arithmetic on them. A storage comes here only from
/// `Matrix.recycle` (an assignment's old value, a consumed operand), only when nothing else
/// references it, so taking it back is as good as allocating. One pool per thread: sessions on
/// other threads never see each other's storages. Pooled bytes stay counted by `MemoryGate`
/// (at most `depth` storages of each count, 8 320 elements, 65 KB): they are freed with the thread.
enum StoragePool {
    /// Pooled counts are 1...largestCount, each at most `depth` deep.
    static let largestCount = 64
    static let depth = 4

    /// One thread's shelves, in plain memory: reaching them counts no references.
    private struct Shelves {
        /// How many storages each count's shelf holds.
        let heights: UnsafeMutablePointer<Int>
        /// Shelf `count` is `slots[count * depth ..< count * depth + heights[count]]`.
        let slots: UnsafeMutablePointer<Unmanaged<MatrixStorage>>
    }

    /// A pooled storage of exactly `count` elements, or nil.
    static func take(count: Int) -> MatrixStorage? {
        guard count >= 1, count <= largestCount else { return nil }
        let shelves = current
        guard shelves.heights[count] > 0 else { return nil }
        shelves.heights[count] -= 1
        return shelves.slots[count * depth + shelves.heights[count]].takeRetainedValue()
    }

    /// Keeps `storage` (which nothing else references) when it is small and its count's shelf
    /// has room.
    static func give(_ storage: consuming MatrixStorage) {
        let count = storage.count
        guard count >= 1, count <= largestCount else { return }
        let shelves = current
        guard shelves.heights[count] < depth else { return }
        shelves.slots[count * depth + shelves.heights[count]] = Unmanaged.passRetained(storage)
        shelves.heights[count] += 1
    }

    /// This thread's shelves, made on first use and emptied when the thread ends (the key's
    /// destructor; the thread-local pointer is the fast way to them).
    private static var current: Shelves {
        @inline(__always) get {
            if let p = nnl_storage_pool_get() { return p.assumingMemoryBound(to: Shelves.self).pointee }
            return makeShelves()
        }
    }

    @inline(never)
    private static func makeShelves() -> Shelves {
        let shelves = Shelves(heights: .allocate(capacity: largestCount + 1),
                              slots: .allocate(capacity: (largestCount + 1) * depth))
        shelves.heights.initialize(repeating: 0, count: largestCount + 1)
        let p = UnsafeMutablePointer<Shelves>.allocate(capacity: 1)
        p.initialize(to: shelves)
        pthread_setspecific(key, p)
        nnl_storage_pool_set(p)
        return shelves
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { p in
            #if canImport(Darwin)
            StoragePool.empty(p.assumingMemoryBound(to: Shelves.self))
            #else
            if let p { StoragePool.empty(p.assumingMemoryBound(to: Shelves.self)) }
            #endif
        }
        return key
    }()

    private static func empty(_ p: UnsafeMutablePointer<Shelves>) {
        nnl_storage_pool_set(nil)  // runs on the ending thread: nothing may reach the freed shelves
        let shelves = p.pointee
        for count in 1...largestCount {
            for k in 0..<shelves.heights[count] { shelves.slots[count * depth + k].release() }
        }
        shelves.heights.deallocate()
        shelves.slots.deallocate()
        p.deallocate()
    }
}
