import Foundation
import NNL
import Testing
@testable import NNLLessons

/// An answer typed over several inputs ("compute `dZ1` and `db1`" on two lines): the inputs
/// gather until everything the exercise asks for is set (or `:check`), then are judged together.
@Suite struct SeveralInputsTests {
    static let rightDZ1 = "dZ1 = W2' * dZ2 .* (1 - A1.^2)"

    /// At the teaching fixture's `dZ1` and `db1` exercise.
    func atExercise() throws -> Transcript {
        let t = Transcript(try Lesson.load(path: fixturePath("teaching.nnl")))
        t.send("")
        #expect(t.session.phase == .answering)
        return t
    }

    @Test func twoLinesMakeOneAnswer() throws {
        let t = try atExercise()
        let first = t.send(Self.rightDZ1)
        #expect(first.contains("dZ1 set; db1 still to do — :check judges now."))
        #expect(!first.contains("✗") && !first.contains("hint"))
        #expect(t.session.index == 1)
        #expect(t.send("db1 = sum(dZ1, 2) / 3").contains("✓ Correct."))
        #expect(t.session.index == 2)
    }

    @Test func aWrongPartGoesBackAndTheRightPartStays() throws {
        let t = try atExercise()
        t.send(Self.rightDZ1)
        let out = t.send("db1 = sum(dZ1, 2)")
        #expect(out.contains("✗ db1 is off by a constant factor"))
        #expect(out.contains("dZ1 kept; db1 back to how it was before this exercise."))
        #expect(t.session.learner["dZ1"] != nil)
        #expect(t.session.learner["db1"] == nil)
        // Only the wrong part needs typing again.
        #expect(t.send("db1 = mean(dZ1, 2)").contains("✓ Correct."))
    }

    @Test func anErrorDropsOnlyThatInput() throws {
        let t = try atExercise()
        t.send(Self.rightDZ1)
        let out = t.send("db1 = sum(dZZ, 2) / 3")
        #expect(out.contains("`dZZ` is not defined"))
        #expect(t.session.learner["dZ1"] != nil)
        #expect(t.send("db1 = mean(dZ1, 2)").contains("✓ Correct."))
    }

    @Test func checkJudgesWhatIsThere() throws {
        let t = try atExercise()
        t.send(Self.rightDZ1)
        let out = t.send(":check")
        #expect(out.contains("✗ db1 is not assigned yet."))
        #expect(t.session.learner["dZ1"] != nil)
        #expect(t.session.index == 1)
    }

    @Test func checkWithoutAnExerciseSaysSo() throws {
        let reading = Transcript(try Lesson.load(path: fixturePath("teaching.nnl")))
        #expect(reading.send(":check").contains("There is no exercise here"))
        let help = reading.send(":help")
        #expect(help.contains(":help [NAME]") && help.contains(":check ") && help.contains(":explain EXPR"))
        #expect(reading.send(":help :check") == ":check \n  judge the answer typed so far (an answer may take several inputs)\n")
    }

    /// `y = zeros(1, 3)` makes room; the loop typed after it fills it in.
    @Test func roomMadeWithZerosWaitsForTheLoop() throws {
        let t = Transcript(try Lesson(text: """
            %% Loop
            x = [1 2 3];
            %? Fill `y` with the squares of `x`, in a loop.
            %@ expect: y
            y = zeros(1, 3);
            for i = 1:3
              y(i) = x(i)^2;
            end
            check(numel(y) == 3, "y has 3 elements")
            """, path: "inline.nnl"))
        #expect(t.send("y = zeros(1, 3);").contains("This exercise asks for y: y is still all zeros."))
        #expect(t.send("for i = 1:3").isEmpty)
        #expect(t.send("y(i) = x(i)^2;").isEmpty)
        #expect(t.send("end").contains("✓ Correct."))
    }

    /// Under `%@ expect: none` the checks judge, once every variable the solution sets and the
    /// checks look at is set (not a helper such as `k`).
    @Test func checkedOnlyExercisesWaitForEveryVariable() throws {
        let t = Transcript(try Lesson(text: """
            %% AND
            X = [0 0 1 1; 0 1 0 1];
            %? Choose `w` and `b` so that `w' * X + b > 0` is AND.
            %@ expect: none
            w = [1; 1]; b = -1.5; k = 0;
            check(isequal(w' * X + b > 0, [0 0 0 1]), "AND")
            """, path: "inline.nnl"))
        #expect(t.send("w = [1; 1]").contains("w set; b still to do — :check judges now."))
        #expect(t.send("b = -1.5").contains("✓ Correct."))
    }

    /// A function exercise is judged once its function is defined, typed line by line too.
    @Test func aFunctionTypedLineByLine() throws {
        let t = try atExercise()
        t.send(":skip")
        #expect(t.send("helper = 2").contains("the function double_it; it is not defined yet"))
        for line in ["function y = double_it(x)", "y = zeros(size(x));", "for i = 1:numel(x)", "if x(i) ~= 0"] {
            #expect(t.send(line).isEmpty)
        }
        #expect(t.send("y(i) = helper * x(i);").isEmpty)
        #expect(t.send("end").isEmpty)
        #expect(t.send("end").isEmpty)
        // A function does not see the workspace: wrong, the function goes, `helper` stays.
        #expect(t.send("end").contains("✗ y = double_it([1 2 3]) fails with your code: helper is not defined"))
        #expect(t.session.learner["helper"] != nil)
        #expect(t.send("function y = double_it(x), y = 2 * x; end").contains("✓ Correct."))
    }
}
