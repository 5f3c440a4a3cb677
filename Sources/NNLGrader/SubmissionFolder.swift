import Foundation

/// What a folder of submissions holds: each `.nnl` or `.m` file is one student, and so is each
/// subfolder (a Canvas or Moodle export gives every student a folder) with its one such file.
/// Nothing is skipped silently: other files are listed as skipped, a link or a subfolder
/// without exactly one submission becomes a result that says why.
public struct SubmissionFolder: Sendable {
    public enum Entry: Sendable, Equatable {
        /// A file to grade (it may still turn out not to be a regular file).
        case file(String)
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
        for name in Self.names(in: path) {
            let item = (path as NSString).appendingPathComponent(name)
            guard URL(fileURLWithPath: item).standardizedFileURL.path != testsPath else { continue }
            switch Self.type(of: item) {
            case .typeDirectory: entries.append(Self.studentFolder(item))
            case .typeRegular, .typeSymbolicLink:
                if Self.isSubmission(name) { entries.append(.file(item)) } else { skipped.append(item) }
            default: skipped.append(item)
            }
        }
    }

    /// A student's folder: its one submission file, or why there is none to grade.
    private static func studentFolder(_ folder: String) -> Entry {
        let files = names(in: folder).filter(isSubmission)
        guard files.count == 1 else {
            let found = files.isEmpty ? "no .nnl or .m file" : "\(files.count) submission files (\(files.joined(separator: ", ")))"
            return .problem(folder + "/", reason: "\(found) in this student's folder; expected exactly one")
        }
        return .file((folder as NSString).appendingPathComponent(files[0]))
    }

    private static func names(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    private static func isSubmission(_ name: String) -> Bool {
        extensions.contains((name as NSString).pathExtension.lowercased())
    }

    /// The item's own type: a link is a link, never what it points to.
    static func type(of path: String) -> FileAttributeType? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
    }
}
