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
                case .undecodable(let shown, let bytes): gradePrivately(bytes: bytes, shownAs: shown)
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
        gradePrivately(bytes: Array(path.utf8), shownAs: path)
    }

    private func gradePrivately(bytes path: [UInt8], shownAs name: String) -> GradeResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-grade-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent((name as NSString).lastPathComponent)
        switch Self.contents(ofRegularFile: path) {
        case .failure(let problem): return grader.unreadable(name, because: problem.reason)
        case .success(let data):
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try data.write(to: copy)
            } catch {
                return grader.unreadable(name, because: "it cannot be copied: \(error.localizedDescription)")
            }
        }
        return grader.grade(copy.path, name: name, root: folder)
    }

    private struct Unreadable: Error { var reason: String }

    /// The bytes of a regular file, read without following a link.
    private static func contents(ofRegularFile path: [UInt8]) -> Result<Data, Unreadable> {
        switch SubmissionFolder.kind(of: path) {
        case nil: return .failure(Unreadable(reason: "no such file"))
        case S_IFREG?: break
        case S_IFLNK?: return .failure(Unreadable(reason: "not a regular file: it is a link, and links are not followed"))
        default: return .failure(Unreadable(reason: "not a regular file"))
        }
        let fd = SubmissionFolder.withPath(path) { open($0, O_RDONLY | O_NOFOLLOW) }
        guard fd >= 0 else { return .failure(Unreadable(reason: "it cannot be read: \(String(cString: strerror(errno)))")) }
        let data = FileHandle(fileDescriptor: fd, closeOnDealloc: true).readDataToEndOfFile()
        return .success(data)
    }
}

extension IsolatedGrader {
    /// The result for a submission that could not even be copied.
    func unreadable(_ path: String, because reason: String) -> GradeResult {
        let message = "not graded: \(TextReport.name(path)): \(reason)"
        return GradeResult(submission: path, score: 0, maxScore: suite.maxScore, executionTime: 0,
                           run: SubmissionRun(output: "", error: message, parsed: true, stop: .notRun),
                           tests: suite.tests.map { .notRun($0, because: message) })
    }
}
