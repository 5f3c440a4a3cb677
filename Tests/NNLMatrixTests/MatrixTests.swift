import Testing
@testable import NNLMatrix

@Test func storageIsCopyOnWrite() throws {
    var a = try Matrix(rows: 2, cols: 2, repeating: 1)
    let b = a
    a[0, 1] = 5
    #expect(b[0, 1] == 1)
    #expect(a[0, 1] == 5)
}

@Test func gateRefusesHugeMatrices() {
    #expect(throws: MatrixError.self) { try Matrix(rows: 1_000_000, cols: 1_000_000, repeating: 0) }
}

/// Sizes whose element or byte count overflows Int are refused as too large, never a trap.
@Test func gateRefusesSizesThatOverflow() {
    let huge = 1_000_000_000_000_000  // 1e15: 1e30 elements
    #expect(throws: MatrixError.tooLarge(rows: huge, cols: huge, limit: MemoryGate.maxElements.load(ordering: .relaxed))) {
        try Matrix(uninitializedRows: huge, cols: huge)
    }
    #expect(throws: MatrixError.self) { try Matrix(rows: Int.max, cols: 2, repeating: 0) }
    #expect(throws: MatrixError.negativeSize(rows: -1, cols: 3)) { try Matrix(uninitializedRows: -1, cols: 3) }
}
