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

    @Test func ctrlDAtAnOpenBlockSaysItWasNotRun() {
        let s = ScriptedSession().type("for i = 1:3", "disp(i)")
        s.session.endOfInput()
        let (out, err) = s.take()
        #expect(out == "")
        #expect(err.contains("the unfinished block was not run"))
        #expect(err.contains("for i = 1:3"))
    }

    @Test func ctrlCAtAnOpenBlockCancelsIt() {
        let s = ScriptedSession().type("for i = 1:3")
        s.session.cancelBlock()
        #expect(!s.session.isContinuing)
        s.type("x = 2")
        #expect(s.take().out == "x = 2\n")
    }
}
