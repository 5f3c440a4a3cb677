import Foundation
import NNL
import NNLLessons
@testable import NNLREPL
import Testing

/// The same input typed line by line reaches the same result at the REPL, in a lesson, and as
/// a program file: there is one way to collect lines (`InputBuffer`), shared by every host.
@Suite struct MultiLineInputTests {
    static let inputs: [(name: String, lines: [String])] = [
        ("three nested levels", ["total = 0;", "for i = 0:2", "  if i > 0", "    for j = 1:i", "      total = total + j;",
                                 "    end", "  end", "end", "total"]),
        ("a function with a loop", ["function s = f(n)", "  s = 0;", "  for k = 1:n", "    s = s + k;", "  end", "end", "y = f(4)"]),
        ("a matrix across lines", ["M = [1 2", "3 4];", "M(2, 1)"]),
    ]

    @Test(arguments: inputs.map(\.name))
    func everyHostGivesTheSameResult(_ name: String) throws {
        let lines = try #require(Self.inputs.first { $0.name == name }).lines
        var program = ""
        try Session(SessionEnvironment { program += $0.text() }).run(lines.joined(separator: "\n"))

        let repl = ScriptedSession()
        for line in lines { repl.type(line) }
        let typed = repl.take()
        #expect(typed.err == "")
        #expect(typed.out == program)

        var lessonOutput = ""
        let lesson = try Lesson(text: "%% Free\nx = 1;\n", path: "free.nnl")
        let session = LessonSession(lesson: lesson) { lessonOutput += $0 }
        session.start()
        lessonOutput = ""
        for line in lines { _ = session.handle(line) }
        #expect(lessonOutput == program)
    }

    /// A line that leaves `(` open joins the next with a space (a newline would end the statement).
    @Test func aCallLeftOpenContinuesOnTheNextLine() {
        let s = ScriptedSession().type("z = max(3,")
        #expect(s.session.isContinuing)
        s.type("  7)")
        #expect(s.take().out == "z = 7\n")
    }

    @Test func aStrayEndIsAnErrorNotAContinuation() {
        #expect(Session.completeness(of: "end") == .invalid)
        let s = ScriptedSession().type("end")
        #expect(!s.session.isContinuing)
        #expect(s.take().err.contains("error"))
    }

    @Test func openBlocksAskForMoreWithAnIndent() {
        #expect(Session.completeness(of: "for i = 1:3\n  if i > 1") == .incomplete(indent: "    "))
        #expect(Session.completeness(of: "x = (1 +") == .incomplete(indent: ""))
        #expect(Session.completeness(of: "for i = 1:3\n x = = 2") == .invalid)
        #expect(Session.completeness(of: "x = X(end)") == .complete)
    }

    @Test func ctrlDAtAnOpenBlockDropsItAndTheSessionGoesOn() {
        let s = ScriptedSession().type("x = 5;", "for i = 1:3", "disp(i)")
        #expect(s.session.endOfInput())
        let (out, err) = s.take()
        #expect(out == "")
        #expect(err.contains("the unfinished block `for i = 1:3` … was dropped, not run"))
        #expect(!s.session.isContinuing)
        s.type("x")
        #expect(s.take().out == "x = 5\n")
        #expect(!s.session.endOfInput())  // at `nnl>` it leaves
    }

    /// Issue 20.2: a slip inside a typed function reports that line and drops it alone.
    @Test func aSlipInsideABlockDropsOnlyThatLine() {
        let s = ScriptedSession().type("function y = f(x)", "y = x[1] + 1;")
        let (out, err) = s.take()
        #expect(out == "")
        #expect(err.contains("error"))
        #expect(err.contains("y = x[1] + 1;\n      ^^^^"))
        #expect(err.contains("that line was dropped; the block above is still open"))
        #expect(s.session.isContinuing)
        #expect(s.session.openLines == ["function y = f(x)"])
        s.type("y = x(1) + 1;", "end", "f([4 5])")
        let after = s.take()
        #expect(after.err == "")
        #expect(after.out == "ans = 5\n")
    }

    @Test func aSlipInANestedBlockKeepsEveryLineBeforeIt() {
        let s = ScriptedSession().type("total = 0;", "for i = 1:2", "  if i > 1", "    total = = 1;")
        #expect(s.take().err.contains("dropped"))
        #expect(s.session.openLines == ["total = 0;", "for i = 1:2", "  if i > 1"] || s.session.openLines == ["for i = 1:2", "  if i > 1"])
        s.type("    total = total + i;", "  end", "end", "total")
        #expect(s.take().out == "total = 2\n")
    }

    /// Issue 20.3: Python's `%` formatting is an error at once, with printf's spelling.
    @Test(arguments: ["print(\"cost = %f\" % 0.5)", "disp(\"cost = %f\" % cost)", "x = sum([1 2 % the rest"])
    func aCommentThatSwallowsTheClosingBracketIsAnErrorAtOnce(_ line: String) {
        #expect(Session.completeness(of: line) == .invalid)
        let s = ScriptedSession().type(line)
        #expect(!s.session.isContinuing)
        let err = s.take().err
        #expect(err.contains("starts a comment in nnl, so this `(` is never closed"))
    }

    @Test func percentFormattingGetsPrintfAsItsHint() {
        let err = ScriptedSession().type("print(\"cost = %f\" % 0.5)").take().err
        #expect(err.contains("printf(\"cost = %f\\n\", 0.5)"))
        #expect(err.contains("sprintf(\"cost = %f\", 0.5)"))
    }

    @Test func commentsInsideMatricesStillContinue() {
        #expect(Session.completeness(of: "W = [1 2 % first row") == .incomplete(indent: ""))
        let s = ScriptedSession().type("W = [1 2 % first row", "3 4];", "W(2, 2)")
        #expect(s.take().out == "ans = 4\n")
    }

    @Test func colonLinesAreCommandsOnlyAtTheStartOfAnEntry() {
        var input = InputBuffer()
        guard case .command = input.add("  :vars") else { Issue.record("not a command"); return }
        guard case .waiting = input.add("for i = 1:2") else { Issue.record("not waiting"); return }
        guard case .slip = input.add(":vars") else { Issue.record("inside a block `:vars` is code, and wrong there"); return }
        #expect(input.openLines == ["for i = 1:2"])
        #expect(InputBuffer.completeness(of: ":vars\n  :clear") == .complete)
    }

    @Test func ctrlCAtAnOpenBlockCancelsIt() {
        let s = ScriptedSession().type("for i = 1:3")
        s.session.cancelBlock()
        #expect(!s.session.isContinuing)
        s.type("x = 2")
        #expect(s.take().out == "x = 2\n")
    }
}
