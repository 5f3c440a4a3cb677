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

    /// Results in the order of `entries`.
    public func grade(_ entries: [SubmissionFolder.Entry]) -> [GradeResult] {
        let results = Mutex<[GradeResult?]>(Array(repeating: nil, count: entries.count))
        let nextIndex = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(parallelism, entries.count)) { _ in
            while case let i = nextIndex.add(1, ordering: .relaxed).oldValue, i < entries.count {
                let result = switch entries[i] {
                case .file(let path): gradePrivately(path)
                case .problem(let name, let reason): grader.unreadable(name, because: reason)
                }
                results.withLock { $0[i] = result }
            }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// Grades a private copy of one submission; a link (to `/etc/passwd`, to the tests) or
    /// anything else that is not a regular file is refused, never followed.
    public func gradePrivately(_ path: String) -> GradeResult {
        switch SubmissionFolder.type(of: path) {
        case nil: return grader.unreadable(path, because: "no such file")
        case .typeRegular?: break
        case .typeSymbolicLink?: return grader.unreadable(path, because: "not a regular file: it is a link, and links are not followed")
        default: return grader.unreadable(path, because: "not a regular file")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-grade-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent((path as NSString).lastPathComponent)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: URL(fileURLWithPath: path), to: copy)
        } catch {
            return grader.unreadable(path, because: "it cannot be read: \(error.localizedDescription)")
        }
        return grader.grade(copy.path, name: path, root: folder)
    }
}

extension IsolatedGrader {
    /// The result for a submission that could not even be copied.
    func unreadable(_ path: String, because reason: String) -> GradeResult {
        let message = "not graded: \(path): \(reason)"
        return GradeResult(submission: path, score: 0, maxScore: suite.maxScore, executionTime: 0,
                           run: SubmissionRun(output: "", error: message, parsed: true, stop: .notRun),
                           tests: suite.tests.map { .notRun($0, because: message) })
    }
}
