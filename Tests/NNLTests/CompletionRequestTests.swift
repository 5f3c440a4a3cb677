import Testing
@testable import NNL

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

    @Test func breakCharactersKeepFieldsAndCommandsWhole() {
        #expect(!CompletionRequest.wordBreaks.contains("."))
        #expect(!CompletionRequest.wordBreaks.contains("_"))
        #expect(CompletionRequest.wordBreaks.contains(":"))
        #expect(!CompletionRequest.commandWordBreaks.contains(":"))
        #expect(CompletionRequest.isCommandPosition(" :vars"))
        #expect(!CompletionRequest.isCommandPosition(":help x"))
        #expect(!CompletionRequest.isCommandPosition("x = 1:"))
    }
}
