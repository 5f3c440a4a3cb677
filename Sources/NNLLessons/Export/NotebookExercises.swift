import Foundation
import NNL

/// Judges the answer cells of an exported lesson in a notebook, as `nnl learn` judges answers:
/// by value against the hidden solution, with the same diagnosis and hints. The learner's
/// notebook holds no solution: each answer cell names its exercise (`%@ exercise: 3 of
/// 04-vectors`), and the lesson is found in the built-in course or at the path recorded.
///
/// The answer is judged on the lesson's own state before the exercise (the solutions of the
/// cells above, and the learner's extra variables and functions), so a mistake in an earlier
/// cell of the notebook does not make a right answer look wrong.
public final class NotebookExercises {
    /// Where recorded relative paths are looked up (a kernel runs in its notebook's folder).
    private let folder: String
    /// One lesson session per lesson met: it keeps the lesson's shadow states cell by cell.
    private var sessions: [String: LessonSession] = [:]
    /// Hints shown so far per exercise (`lesson#cell`), and the exercise last answered.
    private var hintsShown: [String: Int] = [:]
    private var last: (session: LessonSession, exercise: Exercise, key: String)?

    public init(folder: String = FileManager.default.currentDirectoryPath) {
        self.folder = folder
    }

    // MARK: - The marker an export writes

    static let marker = "%@ exercise:"

    /// The marker line for exercise cell `index` (0-based, as `Lesson.cells`) of lesson `reference`.
    static func markerLine(cell index: Int, lesson reference: String) -> String {
        "\(marker) \(index + 1) of \(reference)"
    }

    /// The exercise a cell answers: its lesson reference and cell index.
    static func exercise(in code: String) -> (lesson: String, cell: Int)? {
        guard code.utf8.count < 1 << 20, let range = code.range(of: marker) else { return nil }
        let line = code[range.upperBound...].prefix { $0 != "\n" }
        let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard words.count == 3, words[1] == "of", let number = Int(words[0]), number > 0 else { return nil }
        return (String(words[2]).trimmingCharacters(in: .whitespaces), number - 1)
    }

    /// How an export names its lesson: the built-in course's name when it is that lesson's
    /// text, else the path it was exported from.
    static func reference(for lesson: Lesson) -> String {
        let builtIn = Course.embedded.lessons.first { $0.name == lesson.name && $0.version == lesson.version }
        return builtIn?.name ?? lesson.path
    }

    // MARK: - Judging

    /// Whether a cell is an answer cell.
    public func answers(_ code: String) -> Bool { Self.exercise(in: code) != nil }

    /// "✓ Correct.", or what is wrong with the answer and the exercise's first hint (`passed`
    /// false). `before` is the learner's workspace before the cell ran; the cell ran without an error.
    public func feedback(for code: String, before: Workspace) -> (passed: Bool, text: String) {
        guard let (reference, index) = Self.exercise(in: code) else { return (true, "") }
        guard let session = session(for: reference) else {
            return (false, "This cell answers an exercise of the lesson `\(reference)`, which is neither in nnl's course nor at that path, so it cannot be checked.\n")
        }
        let lesson = session.lesson
        guard index < lesson.cells.count, lesson.cells[index].isExercise else {
            return (false, "The lesson `\(reference)` has no exercise at cell \(index + 1): was the notebook exported from another version of it?\n")
        }
        let cell = lesson.cells[index]
        let runner = session.runner
        let (shown, _) = runner.run(cell.code.source(named: lesson.path), from: session.shadowState(before: index))
        let start = session.synchronised(Snapshot(workspace: before, rng: shown.rng), with: shown)
        var exercise = Exercise(cell: cell, start: start, learner: start, runner: runner, file: lesson.path)
        let key = "\(lesson.path)#\(index)"
        last = (session, exercise, key)
        let (after, failure) = runner.run(SourceFile(name: "<your answer>", text: code), from: start)
        if let failure { return (false, "✗ " + failure.message + "\n" + firstHint(exercise, key)) }
        exercise.record(code, from: start)
        // Running the cell is handing the answer in (no `:check` here): judged unless it set
        // nothing at all (room made with zeros is judged: it is a wrong answer here).
        let sofar = exercise.progress(of: after)
        if sofar.set.isEmpty && sofar.zeros.isEmpty && !sofar.isComplete { return (false, exercise.note(sofar) + "\n") }
        switch exercise.judge(after, runner: runner, file: lesson.path) {
        case .correct:
            return (true, "✓ Correct.\n")
        case .wrong(let reasons, _):
            return (false, reasons.map { "✗ " + $0 + "\n" }.joined() + firstHint(exercise, key))
        case .stopped(let failure):
            return (false, failure.message + ": not judged; run the cell again.\n")
        }
    }

    /// `:hint`: the next hint of the exercise last answered.
    public func nextHint() -> String {
        guard let (session, exercise, key) = last else { return "Run an exercise's cell first; then :hint gives its hints one by one.\n" }
        var shown = exercise
        shown.hintsShown = hintsShown[key, default: 0]
        guard let hint = shown.nextHint else {
            return exercise.cell.hints.isEmpty ? "This exercise has no hints.\n" : "No more hints.\n"
        }
        shown.hintsShown += 1
        hintsShown[key] = shown.hintsShown
        return session.hintText(hint, shown)
    }

    /// The first hint, once per exercise, as `nnl learn` gives it with a wrong answer.
    private func firstHint(_ exercise: Exercise, _ key: String) -> String {
        guard hintsShown[key, default: 0] == 0 else { return "(:hint in a cell gives the next hint.)\n" }
        return nextHint()
    }

    private func session(for reference: String) -> LessonSession? {
        if let session = sessions[reference] { return session }
        let path = reference.hasPrefix("/") ? reference : folder + "/" + reference
        let candidates = [path, folder + "/" + URL(fileURLWithPath: reference).lastPathComponent]
        guard let lesson = Course.embedded.lesson(named: reference)
            ?? candidates.lazy.compactMap({ try? Lesson.load(path: $0) }).first else { return nil }
        let session = LessonSession(lesson: lesson, output: { _ in })
        sessions[reference] = session
        return session
    }
}
