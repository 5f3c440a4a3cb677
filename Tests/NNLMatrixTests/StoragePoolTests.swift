import Foundation
import Testing
@testable import NNLMatrix

// The pool is per thread; each test runs synchronously, so on one thread throughout.

private func address(_ m: Matrix) -> UnsafePointer<Double> { m.withUnsafeElements { $0 } }

/// Empties the shelf of `count`, which earlier tests on this thread may have filled.
private func clearShelf(_ count: Int) { while StoragePool.take(count: count) != nil {} }

@Test func aRecycledSmallStorageIsTheNextOfItsCount() throws {
    clearShelf(4)
    let old = try Matrix(rows: 4, cols: 1, repeating: 1)
    let place = address(old)
    (consume old).recycle()
    let next = try Matrix(uninitializedRows: 2, cols: 2)  // 4 elements, another shape
    #expect(address(next) == place)
}

/// Recycling a matrix that another value still shares would let the next matrix write over it.
@Test func aSharedStorageIsNotRecycled() throws {
    let kept = try Matrix(rows: 3, cols: 1, repeating: 7)
    let copy = kept
    (consume copy).recycle()
    var next = try Matrix(rows: 3, cols: 1, repeating: 0)
    next[0] = 5
    #expect(address(next) != address(kept))
    #expect(kept.elements == [7, 7, 7])
}

@Test func onlySmallStoragesArePooled() throws {
    let big = try Matrix(rows: StoragePool.largestCount + 1, cols: 1, repeating: 2)
    (consume big).recycle()
    #expect(StoragePool.take(count: StoragePool.largestCount + 1) == nil)
    Matrix.empty().recycle()
    #expect(StoragePool.take(count: 0) == nil)
}

/// Elementwise operations on small operands hand the operand they did not write over to the pool.
@Test func anOperandNotWrittenOverGoesToThePool() throws {
    clearShelf(8)
    var a = try Matrix(rows: 2, cols: 4, repeating: 1)
    let b = try Matrix(rows: 2, cols: 4, repeating: 2)
    let place = address(b)
    try Matrix.formElementwise(.add, &a, consume b)
    #expect(a.elements == Array(repeating: 3, count: 8))
    #expect(StoragePool.take(count: 8).map { s in s.withElements { UnsafePointer($0) } } == place)
}

/// Sessions on other threads never take this thread's storages (nor give it theirs).
@Test func eachThreadHasItsOwnShelves() throws {
    clearShelf(5)
    let mine = try Matrix(rows: 5, cols: 1, repeating: 1)
    let place = address(mine)
    (consume mine).recycle()
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var takenElsewhere = true
    let thread = Thread {
        takenElsewhere = StoragePool.take(count: 5) != nil
        (try? Matrix(rows: 5, cols: 1, repeating: 2))?.recycle()
        done.signal()
    }
    thread.start()
    done.wait()
    #expect(!takenElsewhere)
    #expect(StoragePool.take(count: 5).map { s in s.withElements { UnsafePointer($0) } } == place)
    #expect(StoragePool.take(count: 5) == nil)
}
