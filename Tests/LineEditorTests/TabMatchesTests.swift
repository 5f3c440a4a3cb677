import Testing
@testable import LineEditor

@Suite struct CompletionMatchTests {
    @Test func keepsCandidatesThatExtendTheWordSortedOnce() {
        let candidates = ["sum", "sigmoid", "size", "sigmoid", "p.W1", "x"]
        #expect(TabMatches.matches(for: "si", among: candidates) == ["sigmoid", "size"])
        #expect(TabMatches.matches(for: "p.W", among: ["p.W2", "p.W1", "p.b1"]) == ["p.W1", "p.W2"])
        #expect(TabMatches.matches(for: "q", among: candidates).isEmpty)
    }

    @Test func commonPrefixIsWhatTabInserts() {
        #expect(TabMatches.commonPrefix(["p.W1", "p.W2"]) == "p.W")
        #expect(TabMatches.commonPrefix(["sigmoid", "sigmoid_grad"]) == "sigmoid")
        #expect(TabMatches.commonPrefix(["éa", "éb"]) == "é")
        #expect(TabMatches.commonPrefix(["only"]) == "only")
        #expect(TabMatches.commonPrefix([]) == "")
    }
}
