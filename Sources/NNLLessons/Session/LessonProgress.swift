import Foundation

/// How far a learner got in one lesson; saved as readable JSON after every cell.
public struct LessonProgress: Codable, Sendable, Equatable {
    public enum Result: String, Codable, Sendable { case passed, skipped }

    public struct Exercise: Codable, Sendable, Equatable {
        public var cell: Int
        public var title: String
        public var result: Result
    }

    public var lesson: String
    /// The lesson text's hash; progress from another version is set aside.
    public var version: String
    /// The cell to resume at (0-based); equal to the number of cells when done.
    public var cell: Int
    public var cellCount: Int
    public var exercises: [Exercise]
    public var updated: Date
    /// Set once the lesson has been finished: going through it again does not undo "done".
    public var completed: Bool?
    /// The open exercise's answer so far, so that `nnl learn` resumes it too.
    public var answer: PartialAnswer?

    public struct PartialAnswer: Codable, Sendable, Equatable {
        public var cell: Int
        /// The variables and functions the answer set, as a program.
        public var code: String
        /// Those of its variables that are start values (`x_left = -2;`).
        public var starts: [String]
    }

    public init(lesson: Lesson) {
        self.lesson = lesson.name
        version = lesson.version
        cell = 0
        cellCount = lesson.cells.count
        exercises = []
        updated = Date()
    }

    public var isDone: Bool { cell >= cellCount || completed == true }

    /// The progress to start from when a finished lesson is opened again: cell 1, still done.
    public var reopened: LessonProgress {
        guard cell >= cellCount else { return self }
        var again = self
        again.cell = 0
        again.completed = true
        return again
    }
    public var skippedCount: Int { exercises.count(where: { $0.result == .skipped }) }

    mutating func record(_ result: Result, cell index: Int, title: String) {
        exercises.removeAll { $0.cell == index }
        exercises.append(Exercise(cell: index, title: title, result: result))
        exercises.sort { $0.cell < $1.cell }
    }

    /// What `nnl learn` lists: new, in progress, done (and skipped steps).
    public static func summary(_ progress: LessonProgress?) -> String {
        guard let progress else { return "new" }
        let skipped = progress.skippedCount == 0 ? "" : ", \(progress.skippedCount) skipped"
        if progress.isDone {
            let revisiting = progress.cell < progress.cellCount ? ", revisiting at cell \(progress.cell + 1)" : ""
            return "done" + skipped + revisiting
        }
        return "in progress (cell \(progress.cell + 1) of \(progress.cellCount)\(skipped))"
    }
}
