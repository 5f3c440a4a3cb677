import Foundation
import Testing
@testable import NNLLessons

func fixturePath(_ relative: String) throws -> String {
    try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures").appendingPathComponent(relative).path
}

/// A session on the small fixture lesson whose output is collected.
final class Transcript {
    var text = ""
    let session: LessonSession
    var saved: [LessonProgress] = []

    init(_ lesson: Lesson, resumeFrom progress: LessonProgress? = nil) {
        var box: Transcript?
        session = LessonSession(lesson: lesson, resumeFrom: progress) { box?.text += $0 }
        box = self
        session.save = { [unowned self] in saved.append($0) }
        session.start()
    }

    /// Sends a line and returns only what it printed.
    @discardableResult
    func send(_ line: String) -> String {
        let before = text.count
        _ = session.handle(line)
        return String(text.dropFirst(before))
    }
}

func smallLesson() throws -> Lesson {
    try Lesson.load(path: fixturePath("small.nnl"))
}
