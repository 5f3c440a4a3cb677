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
    /// Bytes the files under `root` may take together (a grader's quota); nil for no limit.
    public var quota: Int?

    public init(root: URL? = nil) { self.root = root }

    /// Writes `text` to `url` (a path `resolve` gave), keeping the files under `root` within the quota.
    public func write(_ text: String, to url: URL, at range: SourceRange) throws(Diagnostic) {
        let data = Data(text.utf8)
        if let quota, let root {
            let used = Self.bytes(under: root) - Self.bytes(under: url)
            guard used + data.count <= quota else {
                throw Diagnostic("writing `\(url.lastPathComponent)` (\(Self.megabytes(data.count))) would take this program's files past their quota of \(Self.megabytes(quota))",
                                 at: range, hint: "the files this program writes may take \(Self.megabytes(quota)) in all; \(Self.megabytes(used)) are taken")
            }
        }
        do { try data.write(to: url, options: .atomic) } catch {
            throw Diagnostic("cannot write \(url.lastPathComponent): \(error.localizedDescription)", at: range)
        }
    }

    /// The bytes of the regular files at or under `url`.
    private static func bytes(under url: URL) -> Int {
        let size = { (u: URL) in (try? u.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])).flatMap { $0.isRegularFile == true ? $0.fileSize : 0 } ?? 0 }
        guard let walk = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey]) else { return size(url) }
        return walk.reduce(size(url)) { $0 + (($1 as? URL).map(size) ?? 0) }
    }

    private static func megabytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
    }

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
