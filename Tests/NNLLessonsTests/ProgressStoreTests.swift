import Foundation
import Testing
@testable import NNLLessons

@Suite struct ProgressStoreTests {
    func temporaryStore() -> ProgressStore {
        ProgressStore(folder: FileManager.default.temporaryDirectory.appendingPathComponent("nnl-progress-\(UUID().uuidString)"))
    }

    @Test func saveAndLoad() throws {
        let store = temporaryStore()
        let lesson = try smallLesson()
        #expect(store.load(for: lesson) == .fresh)
        var progress = LessonProgress(lesson: lesson)
        progress.cell = 2
        progress.record(.skipped, cell: 1, title: "t")
        try store.save(progress)
        guard case .resumed(let loaded) = store.load(for: lesson) else { Issue.record("not resumed"); return }
        #expect(loaded.cell == 2 && loaded.skippedCount == 1)
        let json = try String(contentsOf: store.file(for: "small"), encoding: .utf8)
        #expect(json.contains("\"result\" : \"skipped\""))
    }

    @Test func aCorruptFileIsSetAside() throws {
        let store = temporaryStore()
        let lesson = try smallLesson()
        try FileManager.default.createDirectory(at: store.folder, withIntermediateDirectories: true)
        try Data("{ not json".utf8).write(to: store.file(for: "small"))
        guard case .setAside(let reason, let movedTo) = store.load(for: lesson) else { Issue.record("not set aside"); return }
        #expect(reason.contains("not readable"))
        #expect(FileManager.default.fileExists(atPath: movedTo))
        #expect(store.load(for: lesson) == .fresh)
    }

    @Test func anotherVersionIsSetAside() throws {
        let store = temporaryStore()
        let lesson = try smallLesson()
        var progress = LessonProgress(lesson: lesson)
        progress.version = "older"
        try store.save(progress)
        guard case .setAside(let reason, _) = store.load(for: lesson) else { Issue.record("not set aside"); return }
        #expect(reason.contains("another version"))
    }

    @Test func xdgStateHome() {
        #expect(ProgressStore.standard(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]).folder.path == "/s/nnl")
        #expect(ProgressStore.standard(environment: ["HOME": "/h"]).folder.path == "/h/.local/state/nnl")
    }

    @Test func summaries() throws {
        let lesson = try smallLesson()
        #expect(LessonProgress.summary(nil) == "new")
        var p = LessonProgress(lesson: lesson)
        p.cell = 1
        #expect(LessonProgress.summary(p) == "in progress (cell 2 of 3)")
        p.cell = 3
        p.record(.skipped, cell: 1, title: "t")
        #expect(LessonProgress.summary(p) == "done, 1 skipped")
    }
}
