import Foundation

/// What a folder of submissions holds: each `.nnl` or `.m` file is one student, and so is each
/// subfolder (a Canvas or Moodle export gives every student a folder) with its one such file.
/// Nothing is skipped silently: other files are listed as skipped, a link or a subfolder
/// without exactly one submission becomes a result that says why. Names are read as the file
/// system has them, bytes: a name that is not UTF-8 (Latin-1, from an LMS zip) is still a student.
public struct SubmissionFolder: Sendable {
    public enum Entry: Sendable, Equatable {
        /// A file to grade (it may still turn out not to be a regular file).
        case file(String)
        /// A file whose path is not UTF-8: shown with its other bytes read as Latin-1, opened by its bytes.
        case undecodable(String, bytes: [UInt8])
        /// Something that looks like a student but cannot be graded, and why.
        case problem(String, reason: String)
    }

    public var entries: [Entry] = []
    /// Files that are not submissions (data, PDFs); hidden files are not listed.
    public var skipped: [String] = []

    static let extensions = ["nnl", "m"]

    /// The folder's entries in name order, leaving out the test file if it lives there.
    public init(path: String, excluding tests: String?) {
        let testsPath = tests.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        for name in Self.names(in: Array(path.utf8)) {
            let item = Array(path.utf8) + [UInt8(ascii: "/")] + name
            let shown = Self.text(item)
            guard URL(fileURLWithPath: shown).standardizedFileURL.path != testsPath else { continue }
            switch Self.kind(of: item) {
            case S_IFDIR?: entries.append(Self.studentFolder(item))
            case S_IFREG?, S_IFLNK?:
                if Self.isSubmission(name) { entries.append(Self.entry(item)) } else { skipped.append(shown) }
            default: skipped.append(shown)
            }
        }
    }

    /// A student's folder: its one submission file, or why there is none to grade.
    private static func studentFolder(_ folder: [UInt8]) -> Entry {
        let files = names(in: folder).filter(isSubmission)
        guard files.count == 1 else {
            let found = files.isEmpty ? "no .nnl or .m file" : "\(files.count) submission files (\(files.map(text).joined(separator: ", ")))"
            return .problem(text(folder) + "/", reason: "\(found) in this student's folder; expected exactly one")
        }
        return entry(folder + [UInt8(ascii: "/")] + files[0])
    }

    private static func entry(_ path: [UInt8]) -> Entry {
        String(validating: path, as: UTF8.self).map(Entry.file) ?? .undecodable(text(path), bytes: path)
    }

    /// The path as text: UTF-8 where it is, each other byte as Latin-1 (what LMS exports use).
    static func text(_ path: [UInt8]) -> String {
        String(validating: path, as: UTF8.self) ?? String(path.map { Character(Unicode.Scalar($0)) })
    }

    /// The names in a folder, as bytes, in order; hidden ones left out.
    private static func names(in folder: [UInt8]) -> [[UInt8]] {
        guard let dir = withPath(folder, { opendir($0) }) else { return [] }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name.first != UInt8(ascii: ".") { names.append(name) }
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }

    private static func isSubmission(_ name: [UInt8]) -> Bool {
        extensions.contains((text(name) as NSString).pathExtension.lowercased())
    }

    /// The item's own kind (`S_IFREG`, `S_IFDIR`, `S_IFLNK`, …): a link is a link, never what it points to.
    static func kind(of path: [UInt8]) -> mode_t? {
        var info = stat()
        guard withPath(path, { lstat($0, &info) }) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    /// Calls `body` with the path as a C string.
    static func withPath<T>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (path + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) } }
    }
}
