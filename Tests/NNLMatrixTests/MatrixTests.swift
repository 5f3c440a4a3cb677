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
    #expect(throws: AllocationRefused.self) { try Matrix(rows: 1_000_000, cols: 1_000_000, repeating: 0) }
}
