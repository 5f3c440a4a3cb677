import Foundation
@testable import NNLGrader

/// The homework in lessons/homework, and a place to grade variants of its solution the way
/// `nnl grade` does: the submission in a folder of its own, the tests one level up.
enum Homework {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = packageRoot.appendingPathComponent("lessons/homework")
    static let solution = read(folder.appendingPathComponent("solution/planar_classifier.nnl"))
    static let starter = read(folder.appendingPathComponent("starter/planar_classifier.nnl"))
    static let testsText = read(folder.appendingPathComponent("tests/tests.nnl"))

    static func fixture(_ name: String) -> String {
        read(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "nnl")!)
    }

    /// A missing file stops the tests: an empty solution or test file would pass for the wrong reason.
    static func read(_ url: URL) -> String {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { fatalError("missing fixture: \(url.path)") }
        return text
    }

    /// A fresh folder holding `tests.nnl` and `submission/`, the submission's root.
    static func sandbox() throws -> (tests: String, root: URL) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-grader-tests-\(UUID().uuidString)")
        let root = base.appendingPathComponent("submission")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let tests = base.appendingPathComponent("tests.nnl").path
        try testsText.write(toFile: tests, atomically: true, encoding: .utf8)
        return (tests, root)
    }

    /// Grades `text` in this process, as the worker does (against the homework's tests, or `tests`).
    static func grade(_ text: String, tests testText: String = testsText, timeout: Double = 10) throws -> GradeResult {
        let (tests, root) = try sandbox()
        let suite = try TestSuite.parse(testText, file: tests)
        var run: SubmissionRun?
        var results: [TestResult] = []
        SubmissionGrader(suite: suite, timeout: timeout, root: root).grade(submission: "planar_classifier.nnl", text: text) { event in
            switch event {
            case .submission(let r): run = r
            case .test(let t): results.append(t)
            }
        }
        return GradeResult(submission: "planar_classifier.nnl", score: results.reduce(0) { $0 + $1.score },
                           maxScore: suite.maxScore, executionTime: 0, run: run!, tests: results)
    }
}
