import Testing
@testable import NNLLessons

/// `nnl export` without `--solutions`: an exercise is a cell to fill in above its checks; the
/// solution never appears, yet later cells still show what it would have made.
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
    #expect(exercise.contains("check(numel(W2) == 2"))
    #expect(!exercise.contains("2 * W"))
    #expect(outputs.isEmpty)
    #expect(code(teacher).contains { $0.0.contains("W2 = 2 * W;") })
    guard case .text(let shown)? = code(learner).last?.1.first else { Issue.record("no output after the exercise"); return }
    #expect(shown == "   2   4\n")
}
