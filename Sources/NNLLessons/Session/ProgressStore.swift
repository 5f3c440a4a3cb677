import Foundation

/// Progress files, one per lesson, in `$XDG_STATE_HOME/nnl` (default `~/.local/state/nnl`).
public struct ProgressStore: Sendable {
    public var folder: URL

    public init(folder: URL) { self.folder = folder }

    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressStore {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".local/state")
        return ProgressStore(folder: state.appendingPathComponent("nnl"))
    }

    public enum Loaded: Sendable, Equatable {
        case fresh
        case resumed(LessonProgress)
        /// The file could not be used; it was renamed so nothing is lost.
        case setAside(reason: String, movedTo: String)
    }

    func file(for name: String) -> URL { folder.appendingPathComponent(name + ".json") }

    /// The saved progress of `lesson`, or why there is none to resume.
    public func load(for lesson: Lesson) -> Loaded {
        let url = file(for: lesson.name)
        guard let data = FileManager.default.contents(atPath: url.path) else { return .fresh }
        let reason: String
        if let progress = try? Self.decoder.decode(LessonProgress.self, from: data) {
            if progress.version == lesson.version && progress.lesson == lesson.name && progress.cellCount == lesson.cells.count {
                return .resumed(progress)
            }
            reason = "it was saved for another version of the lesson"
        } else {
            reason = "it is not readable progress"
        }
        let aside = url.appendingPathExtension("old-\(Int(Date().timeIntervalSince1970))")
        try? FileManager.default.removeItem(at: aside)
        do {
            try FileManager.default.moveItem(at: url, to: aside)
        } catch {
            return .setAside(reason: reason + " (and could not be renamed: \(error.localizedDescription))", movedTo: url.path)
        }
        return .setAside(reason: reason, movedTo: aside.path)
    }

    /// Progress without setting anything aside (for the course list).
    public func peek(name: String, version: String) -> LessonProgress? {
        guard let data = FileManager.default.contents(atPath: file(for: name).path),
              let progress = try? Self.decoder.decode(LessonProgress.self, from: data),
              progress.version == version else { return nil }
        return progress
    }

    public func save(_ progress: LessonProgress) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(progress).write(to: file(for: progress.lesson), options: .atomic)
    }

    public func remove(name: String) {
        try? FileManager.default.removeItem(at: file(for: name))
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
