import Testing
@testable import NNL

/// The one host protocol for typed input, without a host.
@Suite struct InputBufferTests {
    @Test func aLineBreakingAnOpenBlockIsASlipAndTheBlockStays() {
        var input = InputBuffer()
        guard case .waiting = input.add("function y = f(x)") else { Issue.record("not waiting"); return }
        guard case .slip(let error) = input.add("  y = x[1] + 1;") else { Issue.record("not a slip"); return }
        #expect(error.kind == .syntax)
        #expect(error.diagnostics.count == 1)  // the slip's, not "`end` expected" too
        #expect(error.first.range?.line == 2)
        #expect(input.openLines == ["function y = f(x)"])
        guard case .waiting = input.add("  y = x(1) + 1;") else { Issue.record("not waiting"); return }
        guard case .entry(let text) = input.add("end") else { Issue.record("not an entry"); return }
        #expect(text == "function y = f(x)\n  y = x(1) + 1;\nend")
    }

    /// `y = X(i, 3) +` is wrong once typed (a newline ends the statement): it is the slip, not
    /// the `end` after it, which would leave the broken line in the block for every later line
    /// to trip on. `...` and an open parenthesis still continue.
    @Test func aLineThatOnlyALineEndBreaksIsTheSlip() {
        var input = InputBuffer()
        _ = input.add("for i = 1:3")
        guard case .slip(let error) = input.add("  y = X(i, 3) +") else { Issue.record("not a slip"); return }
        #expect(error.first.range?.line == 2)
        #expect(input.openLines == ["for i = 1:3"])
        guard case .entry(let text) = input.add("end") else { Issue.record("not an entry"); return }
        #expect(text == "for i = 1:3\nend")
        guard case .entry("x = 1 +") = input.add("x = 1 +") else { Issue.record("not an entry at the top"); return }
        guard case .waiting = input.add("x = 1 + ...") else { Issue.record("`...` must continue"); return }
        guard case .entry = input.add("2") else { Issue.record("not an entry"); return }
        guard case .waiting = input.add("y = max(1,") else { Issue.record("an open parenthesis must continue"); return }
        guard case .entry(let call) = input.add("2)") else { Issue.record("not an entry"); return }
        #expect(call == "y = max(1, 2)")
        #expect(input.completeness(continuingWith: "z = 3 -") == .invalid)
    }

    @Test func aWrongFirstLineIsAnEntrySoTheRunReportsIt() {
        var input = InputBuffer()
        guard case .entry("x = = 1") = input.add("x = = 1") else { Issue.record("not an entry"); return }
        #expect(!input.isContinuing)
    }

    /// A console sends its buffer whole: the slip is its last line, the lines before it stay.
    @Test func severalLinesAtOnceSlipOnlyOnTheirLastLine() {
        var input = InputBuffer()
        guard case .slip = input.add("for i = 1:2\n  if i > 1\n    t = = 1") else { Issue.record("not a slip"); return }
        #expect(input.openLines == ["for i = 1:2", "  if i > 1"])
        var whole = InputBuffer()
        guard case .entry = whole.add("for i = 1:2\n  t = = 1\nend") else { Issue.record("a slip before the last line must fail whole"); return }
        #expect(!whole.isContinuing)
    }

    @Test func ctrlCAndCtrlDAtAnOpenBlockDropItAndSaySo() {
        var input = InputBuffer()
        #expect(input.interrupt() == nil)
        #expect(input.endOfInput() == nil)  // at the top prompt: leave
        _ = input.add("while true")
        #expect(input.interrupt() == "(block cancelled)")
        _ = input.add("  while true")
        #expect(input.endOfInput()?.contains("the unfinished block `while true` … was dropped, not run") == true)
        #expect(!input.isContinuing)
    }

    @Test(arguments: [
        ("print(\"cost = %f\" % 0.5)", "printf(\"cost = %f\\n\", 0.5)"),
        ("print('J = %.3f' % (J))", "printf('J = %.3f\\n', (J))"),
        ("disp(\"%d%%\" % acc);", "sprintf(\"%d%%\", acc)"),
        ("y = max(1, # the larger", "close the bracket before the comment"),
    ])
    func aCommentLeavingAParenthesisOpenIsAnErrorWithAHint(line: String, hint: String) {
        #expect(Session.completeness(of: line) == .invalid)
        let error = Session.syntaxError(in: SourceFile(name: "", text: line))
        #expect(error?.first.message.contains("starts a comment in nnl, so this `(` is never closed") == true)
        #expect(error?.first.hint?.contains(hint) == true, "\(error?.first.hint ?? "no hint")")
    }

    @Test func commentsWhereTheyCannotTrapStayComments() {
        #expect(Session.completeness(of: "x = 1 % one") == .complete)
        #expect(Session.completeness(of: "W = [1 2 % a row") == .incomplete(indent: ""))
        #expect(Session.completeness(of: "s = '50% off'") == .complete)
        #expect(Session.completeness(of: "f(1, ...  % continued\n2)") == .complete)
    }
}
