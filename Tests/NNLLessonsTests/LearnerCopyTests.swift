import Foundation
import NNL
import Testing
@testable import NNLLessons

/// `nnl export` without `--solutions`: an exercise is a cell to fill in, marked with its lesson
/// and cell for the kernel's judge; neither the solution nor its checks appear, yet later cells
/// still show what it would have made.
@Test func theLearnersCopyHidesTheSolutionsButKeepsLaterOutputs() throws {
    let lesson = """
        %% Weights
        W = [1 2];
        %? Double W into W2.
        W2 = 2 * W;
        check(numel(W2) == 2, "W2 has two numbers")
        %% Afterwards
        disp(W2)
        """
    let learner = try LessonExporter.notebook(lessonText: lesson, file: "l.nnl", solutions: false)
    let teacher = try LessonExporter.notebook(lessonText: lesson, file: "l.nnl")
    let code = { (n: Notebook) in n.cells.compactMap { if case .code(let text, let outputs) = $0 { (text, outputs) } else { nil } } }
    let (exercise, outputs) = try #require(code(learner).first { $0.0.contains("✎") })
    #expect(exercise.contains("% ✎ Double W into W2."))
    #expect(exercise.contains("%@ exercise: 1 of l.nnl"))
    #expect(!exercise.contains("check("))
    #expect(learner.lesson == "l.nnl")
    #expect(!exercise.contains("2 * W"))
    #expect(outputs.isEmpty)
    #expect(code(teacher).contains { $0.0.contains("W2 = 2 * W;") })
    guard case .text(let shown)? = code(learner).last?.1.first else { Issue.record("no output after the exercise"); return }
    #expect(shown == "   2   4\n")
}

/// The answer cell, judged as `nnl learn` judges: by value, with the diagnosis and the first
/// hint; `:hint` gives the next. The lesson is found at the path the export recorded.
@Test func notebookAnswersAreJudgedByValueWithLearnsFeedback() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-notebook-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let lesson = """
        %% Product
        A = [1 2 3; 4 5 6];
        B = [1 0 2; 0 1 0];
        %? Compute `C = A * B'`.
        C = A * B';
        %! B' is 3×2.
        %! C = A * B'
        check(all(size(C) == [2, 2]), "C is 2×2")
        """
    try lesson.write(to: folder.appendingPathComponent("p.nnl"), atomically: true, encoding: .utf8)
    let judge = NotebookExercises(folder: folder.path)
    let marker = NotebookExercises.markerLine(cell: 0, lesson: "p.nnl")
    let session = Session()
    try session.run("A = [1 2 3; 4 5 6]; B = [1 0 2; 0 1 0];")
    let before = session.workspace

    let zeros = judge.feedback(for: marker + "\nC = zeros(2, 2);", before: before)
    #expect(!zeros.passed)
    #expect(zeros.text.contains("✗ `C` is all zeros"))
    #expect(zeros.text.contains("hint 1/2: B' is 3×2."))
    #expect(judge.nextHint().contains("hint 2/2"))
    #expect(judge.nextHint() == "No more hints.\n")
    // The same diagnosis as `nnl learn`: the tried edit of the learner's own statement.
    #expect(judge.feedback(for: marker + "\nC = A' * B;", before: before).text.contains("`C = A * B';`"))
    #expect(judge.feedback(for: marker + "\nC = (B * A')';", before: before) == (true, "✓ Correct.\n"))
    #expect(judge.feedback(for: marker, before: before).text == "This exercise asks for `C`: `C` is not assigned yet.\n")
    #expect(!judge.feedback(for: NotebookExercises.markerLine(cell: 0, lesson: "gone.nnl"), before: before).passed)
}

@Test func theMarkerNamesTheExerciseAndTheLesson() {
    let line = NotebookExercises.markerLine(cell: 4, lesson: "/a b/lesson.nnl")
    #expect(line == "%@ exercise: 5 of /a b/lesson.nnl")
    #expect(NotebookExercises.exercise(in: "% ✎ x\n" + line + "\nx = 1") ?? ("", -1) == ("/a b/lesson.nnl", 4))
    #expect(NotebookExercises.exercise(in: "%@ exercise: five of x") == nil)
    #expect(NotebookExercises.exercise(in: "x = 1") == nil)
}
