/// A 64-byte aligned buffer of doubles. A class so that `Matrix` gets copy-on-write
/// (`isKnownUniquelyReferenced`) and so that freeing is counted by `MemoryGate`.
public final class MatrixStorage: @unchecked Sendable {
    public let count: Int
    public let pointer: UnsafeMutablePointer<Double>

    /// Uninitialised storage; callers must write every element. Admission is checked by `Matrix`.
    init(count: Int) {
        self.count = count
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: max(count, 1) * MemoryLayout<Double>.stride, alignment: 64)
        pointer = raw.bindMemory(to: Double.self, capacity: max(count, 1))
        MemoryGate.didAllocate(count * MemoryLayout<Double>.stride)
    }

    deinit {
        MemoryGate.didFree(count * MemoryLayout<Double>.stride)
        pointer.deallocate()
    }

    func copy() -> MatrixStorage {
        let new = MatrixStorage(count: count)
        new.pointer.update(from: pointer, count: count)
        return new
    }
}
