import Foundation
import Testing
@testable import NNLGrader

/// `nnl grade FILE --tests homework` grades with the homework's tests built into nnl, as
/// Sources/NNLGrader/EmbeddedHomework.swift, generated from lessons/homework/tests/tests.nnl by
/// this file. When the tests change, regenerate it with
/// `NNL_EMBED_HOMEWORK=1 swift test --filter EmbeddedHomeworkTests`.
@Suite struct EmbeddedHomeworkTests {
    static let generated = Homework.packageRoot.appendingPathComponent("Sources/NNLGrader/EmbeddedHomework.swift")

    @Test func theBuiltInTestsAreTheHomeworkFolders() throws {
        let source = Self.swiftSource(Homework.testsText)
        if ProcessInfo.processInfo.environment["NNL_EMBED_HOMEWORK"] != nil {
            try source.write(to: Self.generated, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOf: Self.generated, encoding: .utf8) == source,
                "EmbeddedHomework.swift is out of date: NNL_EMBED_HOMEWORK=1 swift test --filter EmbeddedHomeworkTests")
        #expect(EmbeddedHomework.tests == Homework.testsText)
    }

    @Test func homeworkNamesTheBuiltInTestsWhereNoFileHasThatName() throws {
        let suite = try TestSuite.load(path: "homework")
        #expect(suite.isBuiltIn && suite.tests.count == 8 && suite.maxScore == 10)
        #expect(suite.sourceName(besides: "planar_classifier.nnl") == "tests.nnl")
        #expect(try Homework.grade(Homework.solution, tests: EmbeddedHomework.tests).score == 10)
    }

    /// The tests as a raw multi-line string literal, with enough `#`s that no text can end it.
    static func swiftSource(_ text: String) -> String {
        var hashes = "#"
        while text.contains("\"\"\"" + hashes) { hashes += "#" }
        return """
            // Generated from lessons/homework/tests/tests.nnl by Tests/NNLGraderTests/EmbeddedHomeworkTests.swift; do not edit.
            // Regenerate: NNL_EMBED_HOMEWORK=1 swift test --filter EmbeddedHomeworkTests

            /// The homework's tests, built into nnl: `nnl grade FILE --tests homework`.
            enum EmbeddedHomework {
                static let tests = \(hashes)\"\"\"
            \(text)
            \"\"\"\(hashes)
            }

            """
    }
}
