import Foundation

/// Bounds on a run, so no program can hang or exhaust the machine.
public struct Limits: Sendable {
    /// Deepest chain of user-function calls before "too deep".
    public var maxCallDepth = 256
    /// Wall-clock moment after which the run stops with a time-limit error.
    public var deadline: Date?

    public init() {}
}

extension Interpreter {
    /// Polled at loop back-edges and calls: Ctrl-C, the grader's time limit.
    @inline(__always) func poll(at range: SourceRange) throws(Diagnostic) {
        pollCounter &+= 1
        if pollCounter & 255 != 0 { return }
        if interruptRequested() {
            var d = Diagnostic("interrupted", at: range)
            d.isInterruption = true
            throw d
        }
        if let deadline = limits.deadline, Date() >= deadline {
            var d = Diagnostic("time limit exceeded", at: range,
                               hint: "is there a loop that never ends?")
            d.isInterruption = true
            throw d
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
