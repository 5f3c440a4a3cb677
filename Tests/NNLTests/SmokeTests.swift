import Testing
@testable import NNL

@Test func valueShapes() {
    #expect(Value.string("abc").shape == (1, 3))
}
