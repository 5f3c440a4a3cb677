import Foundation
import Interruption
import NNLMatrix

/// Bounds on a run, so no program can hang or exhaust the machine.
struct Limits: Sendable {
    /// Deepest chain of user-function calls before "too deep".
    var maxCallDepth = 256
}

extension Interpreter {
    /// Polled at loop back-edges and calls: Ctrl-C, an interrupt, the time limit. A stop
    /// already noticed (by a kernel, say) costs one load; the clock is read every 256th poll.
    @inline(__always) func poll(at range: SourceRange) throws(Diagnostic) {
        pollCounter &+= 1
        let reason = pollCounter & 255 == 0 ? stop.reason : stop.pending
        if let reason { throw stopped(reason, at: range) }
    }

    /// After a builtin: a stop a kernel saw has already been thrown (`MatrixError.stopped`);
    /// this honours one that came during work that does not poll, before its result is kept.
    @inline(__always) func pollAfterKernel(at range: SourceRange) throws(Diagnostic) {
        if let reason = stop.pending { throw stopped(reason, at: range) }
    }

    private func stopped(_ reason: StopReason, at range: SourceRange) -> Diagnostic {
        Diagnostic(MatrixError.stopped(reason), at: range)
    }
}

extension Diagnostic {
    /// A matrix operation's failure, at the place of the operation: a refused allocation is a
    /// program's mistake; a stop is marked as one, so hosts tell it from a mistake.
    init(_ error: MatrixError, at range: SourceRange?) {
        switch error {
        case .stopped(.interrupted):
            self.init(error.message, at: range)
            stop = .interrupted
        case .stopped(.deadline):
            self.init(error.message, at: range, hint: "is there a loop that never ends?")
            stop = .timeLimit
        case .negativeSize, .tooLarge, .outOfMemory:
            self.init(error.message, at: range)
        }
    }
}

/// The one door to the file system: `load` and `save` ask it, and the grader
/// narrows it to the submission's folder.
public struct FileGate: Sendable {
    /// When set, only paths inside this folder are allowed.
    public var root: URL?
    public var allowed = true

    public init(root: URL? = nil) { self.root = root }

    public func resolve(_ path: String, at range: SourceRange) throws(Diagnostic) -> URL {
        guard allowed else {
            throw Diagnostic("file access is turned off here", at: range)
        }
        let base = root ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let url = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path))
            .standardizedFileURL.resolvingSymlinksInPath()
        if let root {
            let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
            guard url.path == rootPath || url.path.hasPrefix(rootPath + "/") else {
                throw Diagnostic("`\(path)` is outside the folder this program may use", at: range,
                                 hint: "only files in \(root.lastPathComponent)/ can be read or written here")
            }
        }
        return url
    }
}
