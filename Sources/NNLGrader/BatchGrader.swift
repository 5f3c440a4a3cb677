import Foundation
import Synchronization

/// Grades many submissions at once, one worker per core. Each submission is copied alone
/// into a private folder, so no student can read or overwrite another's file, or the tests.
public struct BatchGrader: Sendable {
    public var grader: IsolatedGrader
    public var parallelism: Int

    public init(grader: IsolatedGrader, parallelism: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.grader = grader
        self.parallelism = max(1, parallelism)
    }

    /// Results in the order of `paths`.
    public func grade(_ paths: [String]) -> [GradeResult] {
        let results = Mutex<[GradeResult?]>(Array(repeating: nil, count: paths.count))
        let nextIndex = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(parallelism, paths.count)) { _ in
            while case let i = nextIndex.add(1, ordering: .relaxed).oldValue, i < paths.count {
                let result = gradePrivately(paths[i])
                results.withLock { $0[i] = result }
            }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// Grades a private copy of one submission.
    public func gradePrivately(_ path: String) -> GradeResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-grade-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent((path as NSString).lastPathComponent)
        guard FileManager.default.isReadableFile(atPath: path) else {
            return grader.unreadable(path, because: "no such file, or it cannot be read")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: URL(fileURLWithPath: path), to: copy)
        } catch {
            return grader.unreadable(path, because: error.localizedDescription)
        }
        return grader.grade(copy.path, name: path, root: folder)
    }
}

extension IsolatedGrader {
    /// The result for a submission that could not even be copied.
    func unreadable(_ path: String, because reason: String) -> GradeResult {
        let message = "not graded: cannot read \(path) (\(reason))"
        return GradeResult(submission: path, score: 0, maxScore: suite.maxScore, executionTime: 0,
                           run: SubmissionRun(output: "", error: message, parsed: false),
                           tests: suite.tests.map { .notRun($0, because: message) })
    }
}
