import Foundation
import Testing
@testable import NNLLessons

/// The course travels inside the binary as Sources/NNLLessons/Course/EmbeddedCourse.swift,
/// generated from lessons/*.nnl by this file. When a lesson changes, regenerate it with
/// `NNL_EMBED_LESSONS=1 swift test --filter EmbeddedCourseTests`.
@Suite struct EmbeddedCourseTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let generated = root.appendingPathComponent("Sources/NNLLessons/Course/EmbeddedCourse.swift")

    @Test func theEmbeddedCourseIsTheLessonsFolder() throws {
        let folder = Self.root.appendingPathComponent("lessons").path
        let files = try LessonChecker.lessonFiles(in: folder).map { path in
            (name: (path as NSString).lastPathComponent, text: try String(contentsOfFile: path, encoding: .utf8))
        }
        let source = Self.swiftSource(files)
        if ProcessInfo.processInfo.environment["NNL_EMBED_LESSONS"] != nil {
            try source.write(to: Self.generated, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOf: Self.generated, encoding: .utf8) == source,
                "EmbeddedCourse.swift is out of date: NNL_EMBED_LESSONS=1 swift test --filter EmbeddedCourseTests")
        #expect(EmbeddedCourse.lessons.map(\.name) == files.map(\.name))
        #expect(zip(EmbeddedCourse.lessons, files).allSatisfy { $0.text == $1.text })
    }

    @Test func theEmbeddedCourseParsesAndKeepsItsOrder() {
        let course = Course.embedded
        #expect(course.broken.isEmpty)
        #expect(course.lessons.first?.name == "01-repl-and-matrices")
        #expect(course.lesson(named: "forward")?.name == "07-forward-propagation")
        #expect(course.lesson(named: "7")?.name == "07-forward-propagation")
        #expect(course.lesson(named: "backward-propagation")?.name == "08-backward-propagation")
        #expect(course.lesson(named: "propagation") == nil)
        #expect(course.lesson(after: course.lessons[6])?.name == "08-backward-propagation")
    }

    /// Each lesson as a raw multi-line string literal, with enough `#`s that no text can end it.
    static func swiftSource(_ files: [(name: String, text: String)]) -> String {
        var out = """
            // Generated from lessons/*.nnl by Tests/NNLLessonsTests/EmbeddedCourseTests.swift; do not edit.
            // Regenerate: NNL_EMBED_LESSONS=1 swift test --filter EmbeddedCourseTests

            /// The course, built into nnl so that a copied or installed binary has it.
            enum EmbeddedCourse {
                static let origin = "<built-in course>"

                static let lessons: [(name: String, text: String)] = [

            """
        for (name, text) in files {
            var hashes = "#"
            while text.contains("\"\"\"" + hashes) { hashes += "#" }
            out += "(\"\(name)\", \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
        }
        return out + "]\n}\n"
    }
}
