/// A buffer of doubles, allocated together with its header in one block (one `malloc` per
/// matrix, not two: the course loop makes a few dozen small matrices per iteration, and a
/// separately allocated, 64-byte aligned element buffer cost as much as the arithmetic on them).
/// A class so that `Matrix` gets copy-on-write (`isKnownUniquelyReferenced`) and so that
/// freeing is counted by `MemoryGate`. Kernels load and store unaligned, so 8-byte (in practice
/// 16-byte) alignment is enough.
public final class MatrixStorage: ManagedBuffer<Int, Double> {
    /// Uninitialised storage for `count` elements; callers must write every element.
    /// Admission is checked by `Matrix`.
    static func make(count: Int) -> MatrixStorage {
        let buffer = create(minimumCapacity: max(count, 1)) { _ in count }
        MemoryGate.didAllocate(count * MemoryLayout<Double>.stride)
        return unsafeDowncast(buffer, to: MatrixStorage.self)
    }

    public var count: Int { header }

    /// The first element; valid as long as this storage lives.
    public var pointer: UnsafeMutablePointer<Double> {
        @inline(__always) get { withUnsafeMutablePointerToElements { $0 } }
    }

    deinit {
        MemoryGate.didFree(header * MemoryLayout<Double>.stride)
    }

    func copy() -> MatrixStorage {
        let new = MatrixStorage.make(count: count)
        new.pointer.update(from: pointer, count: count)
        return new
    }
}
