import Testing
@testable import LineEditor

@Suite struct CompletionWordTests {
    @Test(arguments: [
        // line, expected word, expected start
        ("disp(sigm", "sigm", 5),
        ("y = p.W", "p.W", 4),
        ("np.ra", "np.ra", 0),
        ("1:n", "n", 2),
        ("X(:, i", "i", 5),
        ("A'*B", "B", 3),
        ("[1 -x", "x", 4),
        ("z = a.b.c", "a.b.c", 4),
        ("", "", 0),
        ("x = ", "", 4),
    ])
    func wordBeforeCursor(line: String, word: String, start: Int) {
        let request = CompletionRequest(line: line)
        #expect(request.word == word)
        #expect(request.wordStart == start)
        #expect(request.line == line)
    }

    @Test func fieldOfAStruct() {
        let request = CompletionRequest(line: "dW = p.W")
        #expect(request.fieldOwner == "p")
        #expect(request.namePrefix == "W")
        #expect(!request.isCommand)
        #expect(CompletionRequest(line: "a.b.c").fieldOwner == "a.b")
        #expect(CompletionRequest(line: "sig").fieldOwner == nil)
        #expect(CompletionRequest(line: "sig").namePrefix == "sig")
    }

    @Test func commandOnlyAtTheStartOfTheLine() {
        #expect(CompletionRequest(line: ":he").word == ":he")
        #expect(CompletionRequest(line: ":he").isCommand)
        #expect(CompletionRequest(line: ":").isCommand)
        let indented = CompletionRequest(line: "  :ex")
        #expect(indented.word == ":ex" && indented.wordStart == 2 && indented.isCommand)
        let argument = CompletionRequest(line: ":help sig")
        #expect(argument.word == "sig" && !argument.isCommand)
        #expect(argument.textBefore == ":help ")
        #expect(CompletionRequest(line: "x(:").word == "")
    }

    @Test func cursorInsideTheLine() {
        let request = CompletionRequest(line: "sigmoid(x)", cursor: 3)
        #expect(request.word == "sig")
        #expect(request.line == "sigmoid(x)")
    }

    @Test func offsetsCountCharactersNotBytes() {
        let request = CompletionRequest(line: "é = π + ab")
        #expect(request.word == "ab")
        #expect(request.wordStart == 8)
        #expect(request.textBefore == "é = π + ")
    }
}

@Suite struct CompletionMatchTests {
    @Test func keepsCandidatesThatExtendTheWordSortedOnce() {
        let candidates = ["sum", "sigmoid", "size", "sigmoid", "p.W1", "x"]
        #expect(Completion.matches(for: "si", among: candidates) == ["sigmoid", "size"])
        #expect(Completion.matches(for: "p.W", among: ["p.W2", "p.W1", "p.b1"]) == ["p.W1", "p.W2"])
        #expect(Completion.matches(for: "q", among: candidates).isEmpty)
    }

    @Test func commonPrefixIsWhatTabInserts() {
        #expect(Completion.commonPrefix(["p.W1", "p.W2"]) == "p.W")
        #expect(Completion.commonPrefix(["sigmoid", "sigmoid_grad"]) == "sigmoid")
        #expect(Completion.commonPrefix(["éa", "éb"]) == "é")
        #expect(Completion.commonPrefix(["only"]) == "only")
        #expect(Completion.commonPrefix([]) == "")
    }

    @Test func breakCharactersKeepFieldsAndCommandsWhole() {
        #expect(!Completion.wordBreaks.contains("."))
        #expect(!Completion.wordBreaks.contains("_"))
        #expect(Completion.wordBreaks.contains(":"))
        #expect(!Completion.commandWordBreaks.contains(":"))
        #expect(Completion.isCommandPosition(" :vars"))
        #expect(!Completion.isCommandPosition(":help x"))
        #expect(!Completion.isCommandPosition("x = 1:"))
    }
}
