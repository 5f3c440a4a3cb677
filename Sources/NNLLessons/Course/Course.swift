import Foundation

/// The course: the lessons of one folder, in order. The folder is `$NNL_LESSONS`, else
/// `lessons/` in the working directory, else the `lessons/` (or `share/nnl/lessons/`) found
/// walking up from the executable, so a built or installed `nnl` finds the course.
public struct Course: Sendable {
    public var folder: String
    public var lessons: [Lesson]
    /// Files that did not parse, with why.
    public var broken: [LessonProblem]

    public init(folder: String) throws {
        self.folder = folder
        lessons = []
        broken = []
        for path in try LessonChecker.lessonFiles(in: folder) {
            do {
                lessons.append(try Lesson.load(path: path))
            } catch let error as CellParser.FormatError {
                broken.append(LessonProblem(file: error.file, line: error.line, message: error.message))
            }
        }
        lessons.sort { ($0.order, $0.name) < ($1.order, $1.name) }
    }

    public static func locateFolder(environment: [String: String] = ProcessInfo.processInfo.environment,
                                    executable: String = CommandLine.arguments.first ?? "") -> String? {
        if let folder = environment["NNL_LESSONS"], !folder.isEmpty { return folder }
        if isFolder("lessons") { return "lessons" }
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.path != "/" {
            for candidate in ["lessons", "share/nnl/lessons"] where isFolder(dir.appendingPathComponent(candidate).path) {
                return dir.appendingPathComponent(candidate).path
            }
            dir.deleteLastPathComponent()
        }
        return nil
    }

    /// `07`, `7`, `forward-propagation` or `07-forward-propagation` names the same lesson.
    public func lesson(named query: String) -> Lesson? {
        let q = query.hasSuffix(".nnl") ? String(query.dropLast(4)) : query
        return lessons.first { $0.name == q }
            ?? lessons.first { lesson in
                let number = lesson.name.prefix(while: \.isNumber)
                let rest = lesson.name.dropFirst(number.count).drop(while: { $0 == "-" || $0 == "_" })
                return (!number.isEmpty && Int(number) == Int(q)) || rest == q
            }
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
