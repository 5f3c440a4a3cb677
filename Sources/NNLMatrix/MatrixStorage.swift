/// A buffer of doubles, allocated together with its header in one block (one `malloc` per
/// matrix, not two: the course loop makes a few dozen small matrices per iteration, and a
/// separately allocated, 64-byte aligned element buffer cost as much as the arithmetic on them).
/// Buffers of `LargeBuffers.threshold` bytes and more live apart, in `LargeBuffers`.
/// A class so that `Matrix` gets copy-on-write (`isKnownUniquelyReferenced`) and so that
/// freeing is counted by `MemoryGate`. Kernels load and store unaligned, so 8-byte (in practice
/// 16-byte) alignment is enough.
public final class MatrixStorage: ManagedBuffer<MatrixStorage.Header, Double> {
    public struct Header {
        @usableFromInline let count: Int
        /// The elements when they are not stored after the header: a buffer from `LargeBuffers`.
        @usableFromInline let large: UnsafeMutablePointer<Double>?
    }

    /// Uninitialised storage for `count` elements; callers must write every element.
    /// Admission is checked by `Matrix`.
    static func make(count: Int) -> MatrixStorage {
        if count <= StoragePool.largestCount, let pooled = StoragePool.take(count: count) { return pooled }
        let bytes = count * MemoryLayout<Double>.stride
        let large = bytes >= LargeBuffers.threshold ? LargeBuffers.take(count: count) : nil
        let buffer = create(minimumCapacity: large == nil ? max(count, 1) : 0) { _ in
            Header(count: count, large: large)
        }
        MemoryGate.didAllocate(bytes)
        return unsafeDowncast(buffer, to: MatrixStorage.self)
    }

    @inlinable public var count: Int { header.count }

    /// `body` with the first element; the pointer is valid only inside `body`.
    @inlinable func withElements<R, E: Error>(_ body: (UnsafeMutablePointer<Double>) throws(E) -> R) throws(E) -> R {
        if let large = header.large { return try body(large) }
        return try withUnsafeMutablePointerToElements { (p) throws(E) -> R in try body(p) }
    }

    deinit {
        if let large = header.large { LargeBuffers.give(large, count: header.count) }
        MemoryGate.didFree(header.count * MemoryLayout<Double>.stride)
    }

    @usableFromInline func copy() -> MatrixStorage {
        let new = MatrixStorage.make(count: count)
        withElements { source in new.withElements { $0.update(from: source, count: count) } }
        return new
    }
}
