import Foundation
import NNL
import Testing
@testable import NNLLessons

/// How an answer is built and judged: start values, what a wrong answer undoes, which
/// inputs are tries, one hint at a time, what a failed check says, a partial answer kept.
@Suite struct AnswerFlowTests {
    /// Lesson 2's "take 100 steps from 10": the solution loops, so `x100 = 10;` starts the answer.
    static let loop = """
        %% Steps
        df = @(x) 2*(x - 3);
        %? Start from 10, take 100 steps with alpha = 0.1, and put the result in `x100`.
        %@ expect: x100
        x = 10;
        for k = 1:100
          x = x - 0.1 * df(x);
        end
        x100 = x;
        %! Loop 100 times: x = x - 0.1 * df(x).
        %! x = 10; for k = 1:100, x = x - 0.1*df(x); end; x100 = x
        %! (the third hint)
        check(abs(x100 - 3) < 1e-6, "after 100 steps x100 is (almost) 3")

        %% Next
        %> Done.
        """

    func atLoop() throws -> Transcript { Transcript(try Lesson(text: Self.loop, path: "inline.nnl")) }

    @Test func aStartValueIsNotJudgedAndAWrongLoopGoesBackToIt() throws {
        let t = try atLoop()
        let start = t.send("x100 = 10;")
        #expect(start.contains("x100 = 10 is a start value"))
        #expect(!start.contains("✗") && !start.contains("hint"))
        let wrong = t.send("for k = 1:100, x100 = x100 - 0.01 * df(x100); end")
        #expect(wrong.contains("✗ x100 is not right"))
        #expect(wrong.contains("back to your start value: x100 = 10."))
        #expect(t.session.learner["x100"].map { AnswerComparison.equal($0, .scalar(10)) } == true)
        #expect(t.send("for k = 1:100, x100 = x100 - 0.1 * df(x100); end").contains("✓ Correct."))
    }

    /// Without a loop in the solution a written-out value is an answer (or a guess) and is judged.
    @Test func aWrittenOutAnswerIsJudgedWhenTheSolutionHasNoLoop() throws {
        let t = Transcript(try Lesson(text: """
            %% Best
            %? Which `alpha_best` lands on 3 in one step?
            alpha_best = 0.5;
            check(abs(1 - 2*alpha_best) < 1e-9, "one step lands on 3")
            """, path: "inline.nnl"))
        #expect(t.send("alpha_best = 0.3").contains("✗"))
        #expect(t.send("alpha_best = 0.5").contains("✓ Correct."))
    }

    /// A hint that only repeats what the learner typed is passed over, and the next one is still
    /// said by itself on the first wrong try.
    @Test func aHintRepeatingTheAnswerIsPassedOverAndTheNextIsSaid() throws {
        let t = Transcript(try Lesson(text: """
            %% Two
            %? Set `a` and `b`.
            a = 2;
            b = 3;
            %! a = 2
            %! b = 3
            check(a + b == 5, "a and b add up to 5")
            """, path: "inline.nnl"))
        let wrong = t.send("a = 2; b = 4")
        #expect(wrong.contains("✗"))
        #expect(wrong.contains("hint 2/2: b = 3"))
        #expect(!wrong.contains("hint 1/2"))
    }

    /// The same note is not said after every line that leaves the answer as it was.
    @Test func theStillToDoNoteIsSaidOnce() throws {
        let t = try atLoop()
        #expect(t.send("x = 10;").contains("x100 is not assigned yet"))
        #expect(t.send("for k = 1:100, x = x - 0.1*df(x); end").isEmpty)
        // A helper that a wrong input did not change stays for the next line.
        #expect(t.send("x100 = -x").contains("✗"))
        #expect(t.send("x100 = x").contains("✓ Correct."))
    }

    @Test func misspeltNamesSyntaxErrorsAndInterruptsAreNotTries() throws {
        let t = try atLoop()
        let typo = t.send("x100 = xx")
        #expect(typo.contains("`xx` is not defined") && !typo.contains("hint 1/"))
        #expect(!t.send("x100 = (1 + ").contains("hint 1/"))
        t.session.cancelBlock()
        // A stop that does not depend on timing (Ctrl-C itself: Tests/pty/learn_pty_test.py).
        t.session.runner.session.environment.timeLimit = 0.3
        let stopped = t.send("while true end")
        #expect(stopped.contains("time limit"))
        #expect(!stopped.contains("hint 1/") && !stopped.contains("undone") && !stopped.contains("✗"))
        #expect(t.send(":hint").contains("hint 1/3"))
    }

    /// A stop while the exercise's `%@ try:` call runs the learner's function: no verdict.
    @Test func aStoppedJudgementIsNoVerdict() throws {
        let t = Transcript(try Lesson.load(path: fixturePath("teaching.nnl")))
        t.send("")
        t.send(":skip")
        t.session.runner.session.environment.timeLimit = 0.3
        let stopped = t.send("function y = double_it(x), while true end; end")
        #expect(stopped.contains("time limit") && stopped.contains("Not judged"))
        #expect(!stopped.contains("✗") && !stopped.contains("hint 1/"))
        #expect(t.send("function y = double_it(x), y = 2 * x; end").contains("✓ Correct."))
    }

    /// Helpers set with the start value (`alpha = 0.1`) do not make it an answer.
    @Test func aStartValueMayComeWithHelpers() throws {
        let t = try atLoop()
        #expect(t.send("x100 = 10; alpha = 0.1;").contains("x100 = 10 is a start value"))
        #expect(t.send("for k = 1:100, x100 = x100 - alpha * df(x100); end").contains("✓ Correct."))
    }

    @Test func onlyTheFirstHintComesByItself() throws {
        let t = try atLoop()
        #expect(t.send("x100 = df(3.5)").contains("hint 1/3"))
        let second = t.send("x100 = df(4)")
        #expect(second.contains("✗") && !second.contains("hint 2/3"))
        #expect(second.contains(":hint gives the next hint, :skip shows the solution."))
        #expect(t.send(":hint").contains("hint 2/3"))
        #expect(!t.send("x100 = df(5)").contains("hint 3/3"))
    }

    @Test func aFailedCheckSaysWhatWasExpectedAndWhatTheAnswerGives() throws {
        let t = Transcript(try Lesson(text: """
            %% OR
            X = [0 0 1 1; 0 1 0 1];
            %? Choose `w_or` and `b_or` for OR.
            %@ expect: none
            w_or = [1; 1]; b_or = -0.5;
            check(isequal(w_or' * X + b_or > 0, [0 1 1 1]), "the unit computes OR: [0 1 1 1]")
            check(b_or < 0, "b_or is negative")
            """, path: "inline.nnl"))
        #expect(t.send("w_or = [1; 1]; b_or = -1.5;").contains("✗ expected: the unit computes OR: [0 1 1 1]; yours gives [0 0 0 1]"))
        #expect(t.send("w_or = [1; 1]; b_or = 0.5;").contains("✗ expected: b_or is negative; your b_or is 0.5"))
    }

    @Test func anOpenAnswerIsKeptAcrossAQuit() throws {
        let lesson = try Lesson.load(path: fixturePath("teaching.nnl"))
        let first = Transcript(lesson)
        first.send("")
        first.send("dZ1 = W2' * dZ2 .* (1 - A1.^2)")
        first.send(":quit")
        let saved = try #require(first.saved.last)
        #expect(saved.answer?.cell == 1)
        let again = Transcript(lesson, resumeFrom: saved)
        #expect(again.text.contains("Your answer so far is back: dZ1 set; db1 still to do"))
        #expect(again.send("db1 = mean(dZ1, 2)").contains("✓ Correct."))
        #expect(again.saved.last?.answer == nil)
    }

    @Test func feedbackBreaksBetweenWordsAtTheTerminalsWidth() {
        let text = "✗ db1 is off by a constant factor: yours is 3 times the expected value [0 0 0 1] here"
        let lines = text.wrapped(width: 30).split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 30 })
        #expect(lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") == text)
        #expect(lines.contains { $0.contains("[0 0 0 1]") })
        #expect("a colour \u{1B}[1;31mcode\u{1B}[0m takes no room".wrapped(width: 30) == "a colour \u{1B}[1;31mcode\u{1B}[0m takes no room")
    }
}
