import Foundation

/// The course: the lessons of one folder, in order. `standard()` takes `$NNL_LESSONS`, else
/// `lessons/` in the working directory (where lesson authors work), else the course built into
/// nnl (`EmbeddedCourse`), so an installed or copied `nnl` always has its course.
public struct Course: Sendable {
    /// Where the lessons came from: a folder, or `EmbeddedCourse.origin`.
    public var folder: String
    public var lessons: [Lesson]
    /// Files that did not parse, with why.
    public var broken: [LessonProblem]

    public init(folder: String) throws {
        let files = try LessonChecker.lessonFiles(in: folder).map { path in
            (path: path, text: FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) })
        }
        self.init(origin: folder, files: files)
    }

    /// `text` nil: the file could not be read.
    init(origin: String, files: [(path: String, text: String?)]) {
        folder = origin
        lessons = []
        broken = []
        for (path, text) in files {
            do throws(CellParser.FormatError) {
                guard let text else { throw CellParser.FormatError(file: path, line: 0, message: "cannot read the file") }
                lessons.append(try Lesson(text: text, path: path))
            } catch {
                broken.append(LessonProblem(file: error.file, line: error.line, message: error.message))
            }
        }
        lessons.sort { ($0.order, $0.name) < ($1.order, $1.name) }
    }

    /// The course built into nnl.
    public static var embedded: Course {
        Course(origin: EmbeddedCourse.origin, files: EmbeddedCourse.lessons.map { ("\(EmbeddedCourse.origin)/\($0.name)", $0.text) })
    }

    /// `$NNL_LESSONS`, else `./lessons` when it holds lessons, else the embedded course.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Course {
        if let folder = environment["NNL_LESSONS"], !folder.isEmpty { return try Course(folder: folder) }
        if isFolder("lessons"), let files = try? LessonChecker.lessonFiles(in: "lessons"), !files.isEmpty {
            return try Course(folder: "lessons")
        }
        return embedded
    }

    /// `07`, `7`, `forward-propagation`, `07-forward-propagation` or a unique start of the
    /// name after its number (`forward`) names the same lesson.
    public func lesson(named query: String) -> Lesson? {
        let q = query.hasSuffix(".nnl") ? String(query.dropLast(4)) : query
        if let exact = lessons.first(where: { $0.name == q || matches($0, q) }) { return exact }
        let started = lessons.filter { Self.topic(of: $0).hasPrefix(q) && !q.isEmpty }
        return started.count == 1 ? started[0] : nil
    }

    /// The lesson after `lesson` in the course's order.
    public func lesson(after lesson: Lesson) -> Lesson? {
        guard let i = lessons.firstIndex(where: { $0.name == lesson.name }), i + 1 < lessons.count else { return nil }
        return lessons[i + 1]
    }

    /// The lessons `lesson` needs (`%@ needs:`) that are not done according to `store`.
    public func unfinishedNeeds(of lesson: Lesson, in store: ProgressStore) -> [Lesson] {
        lesson.needs.compactMap { self.lesson(named: $0) }.filter { needed in
            store.peek(name: needed.name, version: needed.version)?.isDone != true
        }
    }

    private func matches(_ lesson: Lesson, _ q: String) -> Bool {
        let number = lesson.name.prefix(while: \.isNumber)
        return (!number.isEmpty && Int(number) == Int(q)) || Self.topic(of: lesson) == q
    }

    /// `forward-propagation` for `07-forward-propagation`.
    private static func topic(of lesson: Lesson) -> Substring {
        lesson.name.drop(while: \.isNumber).drop(while: { $0 == "-" || $0 == "_" })
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
