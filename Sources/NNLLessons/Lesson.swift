// NNLLessons: lesson files, the lesson runner, and `check-lessons`
//
// A lesson is a plain `.nnl` program split into cells by `%%`. Everything here works
// on values and strings, with no terminal, so the tests drive it directly.
//
// - `Format/` — `Cell` and `CellParser`: the file format, shared with the grader.
//   Directives: `%%` title `[attr]`, `%>` prose, `%?` exercise prompt (the code after it is the
//   hidden solution), `%!` hints in order (a hint of code may go on over the next `%!` lines
//   until its block ends; a hint is code when it parses and ends without a full stop),
//   `check(...)` lines, `%@ key: value` metadata.
//   Prose after `%?` is shown once the exercise is answered.
//   Metadata: in the first cell `title`, `order`, `needs`; in an exercise cell `expect: A, B`
//   names the variables an answer is compared on (default: every variable the solution changes,
//   except `ans`), `expect: none` lets the checks alone judge (when many answers are right), and
//   `try: CALL` runs CALL after the solution and after each answer and compares what it assigns.
// - `Lesson.swift` — a parsed file, its metadata, and a hash of its text (the progress version).
// - `Session/` — `LessonSession`, the state machine behind `nnl learn`; `CodeRunner` runs code on
//   `Snapshot`s (workspace + random state) with checks recorded, not thrown; `Exercise` runs the
//   hidden solution in the shadow state (and the cell's `%@ try:` call, for an exercise that asks
//   for a function) and judges answers (`AnswerComparison`: shape first, finiteness, transposes,
//   then values within a tolerance relative to the expected values' scale; `RepairDiagnosis`
//   names the edit of the answer that makes it right, `MistakeFinder` what the values alone show,
//   else a constant factor, a sign, the largest difference); `LessonCommands` the `:commands` (`:save` too); `LessonProgress`/`ProgressStore`
//   the JSON progress in `$XDG_STATE_HOME/nnl`; `LessonInput` the line source.
// - `Render/` — `ProseRenderer` (Markdown subset; hints and messages verbatim), `MathText`
//   (LaTeX-lite to Unicode, layers as `W^[1]`), `TerminalStyle` (ANSI only on a terminal
//   without `NO_COLOR`).
// - `Course/` — `Course` (`$NNL_LESSONS`, else `./lessons`, else `EmbeddedCourse`: the lessons
//   compiled into nnl, generated from `lessons/` by Tests/NNLLessonsTests/EmbeddedCourseTests)
//   and `LessonChecker` (`nnl check-lessons`; it also runs every hint of code where its exercise
//   starts, pasted in order).
//
// Two states are kept while learning: the shadow state (what the solutions leave before each cell,
// cached per cell so `:back` is instant) and the learner's workspace (the shadow plus the
// learner's own variables and functions). An answer may take several inputs: each runs on the
// learner's workspace (an input that fails is dropped), and once everything the exercise asks
// for is set (or on `:check`) they are judged together; a wrong part goes back, the right parts
// stay. After every cell the learner's workspace takes the shadow's variables again, so a mistake never
// cascades; functions the learner wrote and an exercise accepted stay the learner's.

import Foundation

/// A lesson file, parsed: its cells and what its first cell's `%@` metadata says.
///
///     %% Forward propagation
///     %@ title: Forward propagation
///     %@ order: 7
///     %@ needs: 06-cost
public struct Lesson: Sendable {
    /// The file name without `.nnl`: progress is kept under this name.
    public var name: String
    public var path: String
    public var title: String
    public var order: Int
    public var needs: [String]
    public var cells: [Cell]
    /// A hash of the text: progress saved against another version is set aside.
    public var version: String

    public init(text: String, path: String) throws(CellParser.FormatError) {
        self.path = path
        name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        cells = try CellParser.parse(text, file: path)
        let metadata = cells.first?.metadata ?? [:]
        title = metadata["title"] ?? cells.first(where: { !$0.title.isEmpty })?.title ?? name
        order = metadata["order"].flatMap { Int($0) } ?? Int(name.prefix(while: \.isNumber)) ?? Int.max
        needs = metadata["needs"].map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        version = fnv1a(text)
    }

    public static func load(path: String) throws -> Lesson {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CellParser.FormatError(file: path, line: 0, message: "cannot read the file")
        }
        return try Lesson(text: String(decoding: data, as: UTF8.self), path: path)
    }

    public var exerciseCount: Int { cells.count(where: \.isExercise) }
}

/// FNV-1a, 64 bits, as hex: stable across runs (Swift's `Hasher` is seeded per process).
func fnv1a(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x100_0000_01b3
    }
    return String(hash, radix: 16)
}
