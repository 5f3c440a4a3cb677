import Testing
@testable import NNLJupyter

/// The adapter: what a cell gives the kernel, as values.
@Suite struct NNLLanguageTests {
    /// Collects a cell's output in order.
    final class Recorder: ExecutionOutput {
        var events: [String] = []
        var displays: [MimeBundle] = []
        func stream(_ stream: OutputStream, _ text: String) { events.append("\(stream.rawValue): \(text)") }
        func display(_ data: MimeBundle) {
            events.append("display")
            displays.append(data)
        }
        func clear() { events.append("clear") }
    }

    let language = NNLLanguage(version: "test")

    func run(_ code: String) -> (ExecutionOutcome, Recorder) {
        let recorder = Recorder()
        return (language.execute(code, output: recorder), recorder)
    }

    /// `clc` clears the cell's output so far, as Octave's clears the terminal: the notebook gets
    /// `clear_output`, and a value shown before it is not the cell's result.
    @Test func clcClearsTheCellsOutputSoFar() throws {
        let (outcome, recorder) = run("printf(\"a\\n\"); x = 1\nclc\nprintf(\"b\\n\");")
        guard case .success(nil, nil) = outcome else { Issue.record("unexpected outcome: \(outcome)"); return }
        #expect(recorder.events == ["stdout: a\n", "clear", "stdout: b\n"])
    }

    @Test func theLastShownValueIsTheResultWithAnHTMLTable() throws {
        let (outcome, recorder) = run("printf(\"first\\n\"); W = [1 2; 3 4]")
        guard case .success(let result?, nil) = outcome else { Issue.record("no result: \(outcome)"); return }
        #expect(recorder.events == ["stdout: first\n"])
        #expect(result["text/plain"] == "W = (2×2)\n\n   1   2\n   3   4")
        let html = try #require(result["text/html"])
        #expect(html.contains("<b>W</b> = (2×2 double)"))
        #expect(html.contains("<tr><td style=\"text-align:right\">1</td><td style=\"text-align:right\">2</td></tr>"))
    }

    @Test func valuesShownBeforeTheLastStatementAreText() {
        let (outcome, recorder) = run("a = 1\nb = 2;")
        guard case .success(nil, nil) = outcome else { Issue.record("\(outcome)"); return }
        #expect(recorder.events == ["stdout: a = 1\n"])
    }

    @Test func textPrintedByTheLastStatementStaysText() {
        let (outcome, recorder) = run("disp(5)")
        guard case .success(nil, nil) = outcome else { Issue.record("\(outcome)"); return }
        #expect(recorder.events == ["stdout: 5\n"])
    }

    @Test func figuresAreSVGWithTheirTerminalDrawing() {
        let (_, recorder) = run("plot([1 2 3], [1 4 9], title=\"squares\")")
        #expect(recorder.displays.count == 1)
        #expect(recorder.displays[0]["image/svg+xml"]?.hasPrefix("<svg") == true)
        #expect(recorder.displays[0]["text/plain"]?.contains("squares") == true)
    }

    /// `jupyter console` sends its buffer whole: a slip on the last line inside a typed function
    /// reports that line, and the function stays open for what is typed next (issue 20.2).
    @Test func aConsoleSlipKeepsTheBlockOpenForTheNextCell() {
        let buffer = "function y = f(x)\ny = x[1] + 1;"
        #expect(language.completeness(of: buffer) == .invalid)  // the console sends it
        let (outcome, recorder) = run(buffer)
        guard case .failure(let error) = outcome else { Issue.record("\(outcome)"); return }
        #expect(error.value.contains("nnl indexes with parentheses"))
        #expect(recorder.events.isEmpty)
        #expect(error.traceback.suffix(3) == ["(that line was dropped; the block is still open, and what you type next continues it:",
                                              "  function y = f(x)", ")"])
        #expect(language.completeness(of: "y = x(1) + 1;") == .incomplete(indent: "  "))
        #expect(language.completeness(of: "y = x(1) + 1;\nend") == .complete)
        guard case .success = run("y = x(1) + 1;\nend").0 else { Issue.record("the block did not close"); return }
        guard case .success(let result?, _) = run("f([4 5])").0 else { Issue.record("f is not defined"); return }
        #expect(result["text/plain"] == "ans = 5")
    }

    /// A notebook cell with a slip before its last line fails whole, as a program does.
    @Test func aSlipInsideAWholeCellFailsTheCell() {
        guard case .failure = run("function y = g(x)\ny = x[1] + 1;\nend").0 else { Issue.record("ran"); return }
        #expect(language.completeness(of: "z = 1") == .complete)
        guard case .failure(let error) = run("g(1)").0 else { Issue.record("g was defined"); return }
        #expect(error.value.contains("g"))
    }

    @Test func aCellEndingInsideABlockIsAnErrorAndLeavesNothingOpen() {
        guard case .failure(let error) = run("for i = 1:3").0 else { Issue.record("ran"); return }
        #expect(error.value.contains("the cell ends inside a block (`for i = 1:3` …)"))
        guard case .success(let result?, _) = run("1 + 1").0 else { Issue.record("failed"); return }
        #expect(result["text/plain"] == "ans = 2")
    }

    @Test func percentFormattingIsAnErrorAtOnce() {
        #expect(language.completeness(of: "print(\"cost = %f\" % 0.5)") == .invalid)
        guard case .failure(let error) = run("print(\"cost = %f\" % 0.5)").0 else { Issue.record("ran"); return }
        #expect(error.value.contains("starts a comment in nnl"))
        #expect(error.traceback.contains { $0.contains("printf(\"cost = %f\\n\", 0.5)") })
    }

    @Test func errorsCarryTheRenderedDiagnosticWithItsCaret() {
        let (outcome, recorder) = run("W = ones(2, 3);\nW * W")
        guard case .failure(let error) = outcome else { Issue.record("\(outcome)"); return }
        #expect(recorder.events.isEmpty)
        #expect(error.name == "error")
        #expect(error.value.contains("W is 2×3"))
        #expect(error.traceback.count >= 3)
        #expect(error.traceback.contains { $0.contains("^") })
    }

    @Test func warningsAndStandardErrorGoToStderr() {
        let (_, recorder) = run("fprintf(2, \"careful\\n\")")
        #expect(recorder.events == ["stderr: careful\n"])
    }

    @Test func helpAloneInACellIsAPage() {
        guard case .success(nil, let page?) = run("help tanh").0 else { Issue.record("no page"); return }
        #expect(page.hasPrefix("tanh("))
    }

    @Test func colonCommandsRunAsInTheREPL() throws {
        _ = run("m = 4; dZ2 = ones(1, 4); A1 = ones(3, 4);")
        let (_, explained) = run(":explain dW2 = 1/m * dZ2 * A1'")
        #expect(explained.events.joined().contains("1×3"))
        let (_, vars) = run(":vars")
        let table = try #require(vars.displays.first?["text/html"])
        #expect(table.contains("<td style=\"text-align:right\">A1</td><td style=\"text-align:right\">3×4</td>"))
    }

    @Test func completenessIsTheParsersAnswer() {
        #expect(language.completeness(of: "x = 1") == .complete)
        #expect(language.completeness(of: "for i = 1:3") == .incomplete(indent: "  "))
        #expect(language.completeness(of: "for i = 1:3\n  x = i") == .incomplete(indent: "  "))
        #expect(language.completeness(of: "x = = 1") == .invalid)
        #expect(language.completeness(of: ":vars") == .complete)
    }

    @Test func completesTheWordBeforeTheCursorInScalars() {
        _ = run("résumé_total = 1;")
        let code = "y = 2\nz = résumé_t + 1"
        let cursor = "y = 2\nz = résumé_t".unicodeScalars.count
        let matches = language.complete(code, cursor: cursor)
        #expect(matches.matches == ["résumé_total"])
        #expect(matches.cursorStart == "y = 2\nz = ".unicodeScalars.count)
        #expect(matches.cursorEnd == cursor)
    }

    @Test func inspectsBuiltinsAndVariables() {
        #expect(language.inspect("tanh(x)", cursor: 2)?.hasPrefix("tanh(") == true)
        _ = run("weights = 3;")
        #expect(language.inspect("weights", cursor: 7) == "weights = 3\n")
        #expect(language.inspect("nothing_here", cursor: 3) == nil)
    }
}
