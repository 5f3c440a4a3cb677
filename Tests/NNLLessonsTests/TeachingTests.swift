import Foundation
import NNL
import NNLMatrix
import Testing
@testable import NNLLessons

/// What a learner sees: prose and code in file order, hints verbatim, near-zero answers
/// rejected with a message that makes sense, exercises that ask for a function.
@Suite struct TeachingTests {
    func teaching() throws -> Transcript {
        Transcript(try Lesson.load(path: fixturePath("teaching.nnl")))
    }

    @Test func proseAndCodeAreInterleavedInFileOrder() throws {
        let text = try teaching().text
        let order = ["First the data:", "A1 = [0.5", "then the weights:", "W2 = [0.3"].map { text.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }

    @Test func hintsKeepEveryStar() throws {
        let t = try teaching()
        t.send("")
        #expect(t.send(":hint").contains("dZ1 = W2' * dZ2 .* (1 - A1.^2)"))
    }

    /// A hint of several lines is listed under its number, indented as code, ready to paste.
    @Test func aBlockHintIsListedUnderItsNumber() throws {
        let t = Transcript(try Lesson(text: """
            %% F
            %? Write `f`.
            %@ try: y = f(2)
            function y = f(x)
              y = 2*x;
            end
            %! function y = f(x)
            %!   y = 2*x;
            %! end
            check(exist("f") == 2, "f is defined")
            """, path: "inline.nnl"))
        #expect(t.send(":hint") == "hint 1/1:\n  function y = f(x)\n    y = 2*x;\n  end\n")
        for line in ["  function y = f(x)", "    y = 2*x;"] { #expect(t.send(line).isEmpty) }
        #expect(t.send("  end").contains("✓ Correct."))
    }

    @Test func zerosForATinyGradientAreRejected() throws {
        let t = try teaching()
        t.send("")
        // Zeros of the right shape are room made, not an answer: `:check` judges them.
        #expect(t.send("dZ1 = W2' * dZ2 .* (1 - A1.^2); db1 = zeros(2, 1)").contains("db1 is still all zeros"))
        let out = t.send(":check")
        #expect(out.contains("✗ db1 is all zeros"))
        #expect(!out.contains("inf"))
        #expect(t.session.index == 1)
        #expect(t.send("dZ1 = W2' * dZ2 .* (1 - tanh(A1).^2); db1 = 1/3 * sum(dZ1, 2)").contains("✗"))
        #expect(t.send("dZ1 = W2' * dZ2 .* (1 - A1.^2); db1 = sum(dZ1, 2) / 3").contains("✓ Correct."))
    }

    @Test func unchangedIsNotCalledUnassigned() throws {
        let t = try teaching()
        t.send("")
        t.send(":skip")
        // the next cell: a function; a variable alone is exploration
        #expect(t.send("k = 1").contains("the function double_it; it is not defined yet"))
    }

    @Test func assignedButUnchangedSaysSo() throws {
        let lesson = try Lesson(text: """
            %% One
            W = [1 2];
            %? Double `W`.
            W = 2*W;
            check(W(1) == 2, "W doubled")
            """, path: "inline.nnl")
        let t = Transcript(lesson)
        let out = t.send("W = W")
        #expect(out.contains("W still has its value from before this exercise"))
        #expect(!out.contains("not assigned"))
        let lesson2 = try Lesson(text: """
            %% Two
            W = [1 2]; V = [3 4];
            %? Double `W` and `V`.
            W = 2*W; V = 2*V;
            check(W(1) == 2, "W doubled")
            """, path: "inline.nnl")
        let t2 = Transcript(lesson2)
        let partial = t2.send("V = 2*V")
        #expect(partial.contains("V set; W still has its value from before this exercise — :check judges now."))
        #expect(t2.send(":check").contains("✗ W still has the value it had before this exercise."))
        #expect(t2.session.learner["V"].map { AnswerComparison.equal($0, .matrix(Matrix(rows: 1, cols: 2, columnMajor: [6, 8]))) } == true)
    }

    @Test func aFunctionIsCheckedByValueThroughItsTryCall() throws {
        let t = try teaching()
        t.send("")
        t.send(":skip")
        #expect(t.send("function y = double_it(x), y = 3*x; end").contains("With y = double_it([1 2 3]): y is off by a constant factor: yours is 1.5 times"))
        #expect(t.session.index == 2)
        #expect(t.send("function y = double_it(x), y = x + x; end").contains("✓ Correct."))
    }

    /// The functions the learner wrote stay theirs, and `:save FILE.nnl` writes them as a program.
    @Test func savedFunctionsAreTheLearners() throws {
        let t = try teaching()
        t.send("")
        t.send(":skip")
        t.send("mine = [1 2];")
        t.send("function y = double_it(x), y = x + x; end")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-save-\(UUID().uuidString).nnl").path
        #expect(t.send(":save \(file)").contains("wrote 1 function and 1 variable to \(file), a program"))
        let program = try String(contentsOfFile: file, encoding: .utf8)
        #expect(program.contains("function y = double_it(x), y = x + x; end"))
        #expect(program.contains("mine = [1 2];"))
        // Not the solution's function, nor the lesson's own variables.
        #expect(!program.contains("y = 2*x") && !program.contains("A1 ="))
    }

    /// What the learner made survives a reading pause (Enter), not only an exercise.
    @Test func theLearnersVariablesOutliveAReadingCell() throws {
        let t = try teaching()
        t.send("mine = 42")
        t.send("")
        #expect(t.session.index == 1)
        #expect(t.session.learner["mine"] != nil)
    }

    @Test func aFinishedLessonReopenedStaysDone() throws {
        let lesson = try smallLesson()
        var done = LessonProgress(lesson: lesson)
        done.cell = lesson.cells.count
        let t = Transcript(lesson, resumeFrom: done)
        #expect(t.session.index == 0)
        #expect(t.text.contains("You finished this lesson before"))
        t.send(":quit")
        let saved = try #require(t.saved.last)
        #expect(saved.isDone)
        #expect(LessonProgress.summary(saved).hasPrefix("done"))
    }

    @Test func theEndNamesTheNextLesson() throws {
        let course = Course.embedded
        let t = Transcript(try smallLesson())
        t.session.nextLesson = course.lesson(named: "2")
        t.send("")
        t.send(":skip")
        let out = t.send(":skip")
        #expect(out.contains("Lesson complete"))
        #expect(out.contains("Next: Gradient descent on one variable, `nnl learn 02-gradient-descent`."))
        #expect(t.saved.last?.completed == true)
    }

    @Test func unfinishedNeedsAreListed() throws {
        let store = ProgressStore(folder: FileManager.default.temporaryDirectory.appendingPathComponent("nnl-needs-\(UUID().uuidString)"))
        let course = Course.embedded
        let forward = try #require(course.lesson(named: "forward"))
        #expect(course.unfinishedNeeds(of: forward, in: store).map(\.name) == ["06-cost"])
        let cost = try #require(course.lesson(named: "cost"))
        var done = LessonProgress(lesson: cost)
        done.cell = cost.cells.count
        try store.save(done)
        #expect(course.unfinishedNeeds(of: forward, in: store).isEmpty)
    }

    /// Exports keep prose in file order, the prose after an exercise too, and every `*`.
    @Test func exportsKeepAfterwordsAndStars() throws {
        let notebook = try LessonExporter.notebook(lessonText: """
            %% One
            %> Before: `W2' * dZ2 .* (1 - A1.^2)`
            x = 1;
            %? Double it.
            y = 2*x;
            check(y == 2, "y is 2")
            %> After the answer.
            """, file: "inline.nnl")
        let md = NotebookFormat.md.write(notebook)
        #expect(md.contains("After the answer."))
        #expect(md.contains("`W2' * dZ2 .* (1 - A1.^2)`"))
        #expect(NotebookFormat.html.write(notebook).contains("<code>W2' * dZ2 .* (1 - A1.^2)</code>"))
    }

    @Test func exportedSessionsWriteTheirErrors() {
        let notebook = Notebook(session: [(code: "x = [1 2] * [3 4]", outputs: [.error("error: inner sizes differ\n")])])
        let ipynb = NotebookFormat.ipynb.write(notebook)
        #expect(ipynb.contains("inner sizes differ"))
        #expect(NotebookFormat.md.write(notebook).contains("inner sizes differ"))
    }
}
