import Foundation
import NNL
import Testing
@testable import NNLLessons

@Suite struct LessonSessionTests {
    /// Past the reading cell, at the dW2 exercise.
    func atExercise() throws -> Transcript {
        let t = Transcript(try smallLesson())
        t.send("")
        #expect(t.session.phase == .answering)
        #expect(t.session.index == 1)
        return t
    }

    @Test func aCorrectAnswerSpelledDifferentlyPasses() throws {
        let t = try atExercise()
        let out = t.send("dW2 = (dZ2*A1')/m")
        #expect(out.contains("✓ Correct."))
        #expect(t.session.index == 2)
        #expect(t.session.progress.exercises.first?.result == .passed)
    }

    @Test func wrongShapeSaysTheExpectedShape() throws {
        let t = try atExercise()
        let out = t.send("dW2 = [1 2]")
        #expect(out.contains("wrong shape: yours is 1×2, it should be 1×3"))
        #expect(t.session.index == 1)
    }

    @Test func transposeAndFactorAndSign() throws {
        let t = try atExercise()
        #expect(t.send("dW2 = (dZ2*A1')'/m").contains("transposed"))
        // Feedback is wrapped at 80 columns: compare it as one line.
        let unwrapped = { (text: String) in text.replacingOccurrences(of: "\n  ", with: " ") }
        #expect(unwrapped(t.send("dW2 = dZ2*A1'")).contains("yours is exactly m times the expected value"))
        #expect(unwrapped(t.send("dW2 = -dZ2*A1'/m")).contains("yours is the negative of the expected value"))
    }

    @Test func errorsAreRenderedWithTheirPlace() throws {
        let t = try atExercise()
        let out = t.send("dW2 = dZ2*A1/m")
        #expect(out.contains("<answer>:1:"))
        #expect(out.contains("inner sizes"))
    }

    @Test func aWrongAnswerRollsBack() throws {
        let t = try atExercise()
        t.send("m = 100; dW2 = [1 2]")
        #expect(t.session.learner["m"].map(isFour) == true)
        #expect(t.session.learner["dW2"] == nil)
    }

    @Test func explorationIsKeptAndNotAFailure() throws {
        let t = try atExercise()
        let out = t.send("k = 7")
        #expect(out.contains("This exercise asks for dW2: dW2 is not assigned yet."))
        #expect(!out.contains("hint"))
        #expect(t.session.learner["k"] != nil)
    }

    @Test func aWrongAnswerNeverBreaksTheNextExercise() throws {
        let t = try atExercise()
        t.send(":skip")
        // Now in the next exercise: what the wrong input changed besides its answer goes back with it.
        #expect(t.send("dW2 = 3; W2 = [1 1 1] - alpha*dW2").contains("✗"))
        let out = t.send("W2 = [1 1 1] - alpha*dW2")
        #expect(out.contains("✓ Correct."))
        #expect(t.session.phase == .finished)
    }

    @Test func stateAfterAnExerciseComesFromTheSolution() throws {
        let t = try atExercise()
        t.send("dW2 = (dZ2*A1')/m + 1e-9; junk = 1")
        // the shadow's dW2 replaces the learner's nearly-equal one; the learner's own variables stay
        #expect(t.session.learner["junk"] != nil)
        #expect(AnswerComparison.compare("dW2", expected: t.session.checkpoints[2]["dW2"]!, got: t.session.learner["dW2"]) == nil)
    }

    @Test func hintsAreProgressive() throws {
        let t = try atExercise()
        let first = t.send(":hint"), second = t.send(":hint"), third = t.send(":hint")
        #expect(first.contains("hint 1/2") && first.contains("transpose"))
        #expect(second.contains("hint 2/2") && second.contains("divide by m"))
        #expect(third.contains("No more hints"))
    }

    @Test func backGoesToThePreviousCell() throws {
        let t = try atExercise()
        t.send("dW2 = 1/m*dZ2*A1'")
        #expect(t.session.index == 2)
        let out = t.send(":back")
        #expect(t.session.index == 1)
        #expect(out.contains("The gradient of W2"))
        #expect(t.session.learner["dW2"] == nil)
    }

    @Test func restartStartsOver() throws {
        let t = try atExercise()
        t.send(":skip")
        t.send(":restart")
        #expect(t.session.index == 0)
        #expect(t.session.progress.exercises.isEmpty)
    }

    @Test func blocksSpanSeveralLines() throws {
        let t = try atExercise()
        #expect(t.send("for i = 1:1") == "")
        #expect(t.session.prompt == "...> ")
        #expect(t.send("dW2 = 1/m*dZ2*A1';").isEmpty)
        #expect(t.send("end").contains("✓ Correct."))
    }

    /// Ctrl-D at `...>`: the block does not run, the learner is told, and the lesson goes on.
    @Test func endOfInputInsideABlockDropsItAndTheLessonGoesOn() throws {
        let t = try atExercise()
        t.send("for i = 1:2")
        t.send("dW2 = 1/m*dZ2*A1';")
        let before = t.text.count
        #expect(t.session.endOfInput() == .proceed)
        let out = String(t.text.dropFirst(before))
        #expect(out.contains("was dropped, not run"))
        #expect(!out.contains("Progress saved"))
        #expect(!out.contains("✓") && !out.contains("error"))
        #expect(t.session.learner["dW2"] == nil)
        #expect(t.session.prompt == "nnl> ")
        #expect(t.send("dW2 = (dZ2*A1')/m").contains("✓ Correct."))
    }

    @Test func endOfInputAtThePromptSavesAndLeaves() throws {
        let t = try atExercise()
        let before = t.text.count
        #expect(t.session.endOfInput() == .quit)
        #expect(String(t.text.dropFirst(before)).contains("Progress saved"))
    }

    /// A slip inside a typed function: that line is reported and dropped, the block stays open.
    @Test func aSlipInsideAnAnswersBlockKeepsTheBlock() throws {
        let t = try atExercise()
        t.send("for i = 1:1")
        let out = t.send("dW2 = 1/m*dZ2[1]*A1';")
        #expect(out.contains("error"))
        #expect(out.contains("that line was dropped"))
        #expect(t.session.prompt == "...> ")
        t.send("dW2 = 1/m*dZ2*A1';")
        #expect(t.send("end").contains("✓ Correct."))
    }

    @Test func progressIsSavedAfterEveryCellAndResumes() throws {
        let t = try atExercise()
        t.send("dW2 = 1/m*dZ2*A1'")
        let saved = try #require(t.saved.last)
        #expect(saved.cell == 2)
        let resumed = Transcript(try smallLesson(), resumeFrom: saved)
        #expect(resumed.session.index == 2)
        #expect(resumed.text.contains("Resuming at cell 3"))
        #expect(resumed.session.learner["dW2"] != nil)
    }

    @Test func varsListsTheWorkspace() throws {
        let t = try atExercise()
        let out = t.send(":vars")
        #expect(out.contains("A1") && out.contains("3×4") && out.contains("double"))
    }

    /// `:explain` steps through an expression on the learner's workspace: the lesson's
    /// variables and the learner's own; what it assigns stays, as typed code would.
    @Test func explainShowsItsStepsOnTheLearnersWorkspace() throws {
        let t = try atExercise()
        t.send("mine = [1 2];")
        let own = t.send(":explain mine * m")
        #expect(own.contains("mine * m  → 1×2  [4 8]"))
        let out = t.send(":explain dW2 = 1/m * dZ2 * A1'")
        #expect(out.contains("A1'              → 4×3"))
        #expect(out.contains("1/m * dZ2 * A1'  → 1×3  [-0.9062 -1.531 -2.156]"))
        #expect(out.contains("dW2 = (1×3)"))
        #expect(t.session.learner["dW2"] != nil)
        #expect(t.send(":check").contains("✓ Correct."))
        #expect(t.send(":explain nope + 1").contains("`nope` is not defined"))
    }

    private func isFour(_ v: Value) -> Bool {
        if case .matrix(let m) = v { m.scalar == 4 } else { false }
    }
}
