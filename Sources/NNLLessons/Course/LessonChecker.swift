import NNL
import Foundation

/// A mistake in a lesson file, at its place: `lessons/07-forward.nnl:42: message`.
public struct LessonProblem: Sendable, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}

/// `nnl check-lessons`, as rustlings' `dev check`: every cell runs with its solution and
/// every check must pass; every exercise with an empty answer must fail its checks; every hint
/// of code runs where its exercise starts, so a learner can paste it; every `%x` mistake gets
/// the feedback it states, and no small edit of a solution that changes its values is accepted
/// (`ExerciseProbe`).
public enum LessonChecker {
    public static func check(path: String) -> [LessonProblem] {
        do {
            return check(try Lesson.load(path: path))
        } catch let error as CellParser.FormatError {
            return [LessonProblem(file: error.file, line: error.line, message: error.message)]
        } catch {
            return [LessonProblem(file: path, line: 0, message: "\(error)")]
        }
    }

    public static func check(_ lesson: Lesson) -> [LessonProblem] {
        let runner = CodeRunner()
        var state = runner.empty
        var problems: [LessonProblem] = []
        func problem(_ line: Int, _ message: String) {
            problems.append(LessonProblem(file: lesson.path, line: line, message: message))
        }
        for cell in lesson.cells {
            var failure: RunError?
            (state, failure) = runner.run(cell.code.source(named: lesson.path), from: state)
            if let failure {
                problem(failure.line ?? cell.line, "the cell's code fails: \(failure.message) (later cells not checked)")
                break
            }
            guard cell.isExercise else { continue }
            if runner.runChecks(cell.checks, file: lesson.path, on: state).allSatisfy(\.passed) {
                problem(cell.line, "the exercise `\(cell.title)` passes its checks with an empty answer")
            }
            let start = state
            for (line, message) in hintProblems(cell, from: start, runner: runner, file: lesson.path) { problem(line, message) }
            (state, failure) = runner.run(cell.solution.source(named: lesson.path), from: state)
            if let failure {
                problem(failure.line ?? cell.line, "the solution fails: \(failure.message) (later cells not checked)")
                break
            }
            for check in runner.runChecks(cell.checks, file: lesson.path, on: state) where !check.passed {
                problem(check.line, "check fails with the solution: \(check.message)")
            }
            for (line, message) in ExerciseProbe(cell: cell, start: start, runner: runner, file: lesson.path).problems() {
                problem(line, message)
            }
            let (expected, probeFailure) = Exercise.probe(cell, state, runner: runner, file: lesson.path)
            if let probeFailure { problem(cell.line, "`%@ try` fails with the solution: \(probeFailure.message)") }
            for name in Exercise.targets(of: cell, start: start, solved: state, expected: expected) where expected[name] == nil {
                problem(cell.line, "`%@ expect` names `\(name)`, which the solution does not assign")
            }
        }
        return problems
    }

    /// A hint is code (the whole hint parses) or prose with its code in backticks. Code hints
    /// run in order from the exercise's start, as a learner pasting them one after another would.
    static func hintProblems(_ cell: Cell, from start: Snapshot, runner: CodeRunner, file: String) -> [(line: Int, message: String)] {
        var state = start
        var problems: [(line: Int, message: String)] = []
        for (i, (hint, line)) in zip(cell.hints, cell.hintLines).enumerated() {
            if Cell.isCode(hint: hint) {
                let failure: RunError?
                (state, failure) = runner.run(SourceFile(name: file, text: hint, firstLine: line), from: state)
                if let failure { problems.append((line, "hint \(i + 1) does not run where the exercise starts: \(failure.message)")) }
            } else if outsideBackticks(hint).contains(" = ") {
                problems.append((line, "hint \(i + 1) mixes prose and code: put the code in backticks, or make the hint code alone"))
            }
        }
        return problems
    }

    private static func outsideBackticks(_ text: String) -> String {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element).joined()
    }

    /// The `.nnl` files of a folder, in name order.
    public static func lessonFiles(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".nnl") }
            .sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }
}
