import Testing
@testable import NNLLessons

@Suite struct LessonCheckerTests {
    @Test func aGoodLessonHasNoProblems() throws {
        #expect(LessonChecker.check(path: try fixturePath("good/small.nnl")) == [])
    }

    @Test func aBrokenLessonReportsFileAndLine() throws {
        let path = try fixturePath("broken/broken.nnl")
        let problems = LessonChecker.check(path: path)
        #expect(problems.map(\.line) == [4, 12])
        #expect(problems[0].description.hasPrefix("\(path):4: "))
        #expect(problems[0].message.contains("passes its checks with an empty answer"))
        #expect(problems[1].message.contains("check fails with the solution: z is 4"))
    }

    /// A hint of code runs where the exercise starts, after the hints before it, as a learner
    /// pasting them would; code in a prose hint goes in backticks.
    @Test func hintsThatDoNotRunAreProblems() throws {
        let lesson = try Lesson(text: """
            %% Hints
            x = 2;
            %? Set `y` to `3*x`.
            y = 3*x;
            %! y = 3*z
            %! Then type y = 3*x
            %! Then type `y = 3*x`.
            %! t = x;
            %! y = 3*t
            check(y == 6, "y is 6")
            """, path: "hints.nnl")
        let problems = LessonChecker.check(lesson)
        #expect(problems.map(\.line) == [5, 6])
        #expect(problems.first?.message == "hint 1 does not run where the exercise starts: `z` is not defined")
        #expect(problems.last?.message.contains("hint 2 mixes prose and code") == true)
    }

    @Test func aHintWhoseBlockNeverEndsIsAFormatError() {
        #expect(throws: CellParser.FormatError.self) {
            _ = try Lesson(text: "%% A\n%? f\nf = 1;\n%! for k = 1:3, f = f + k; ...\ncheck(f == 1, \"f\")\n", path: "bad.nnl")
        }
    }

    /// `nnl check-lessons` on the course built into nnl: every solution passes, every empty
    /// answer fails, every hint of code runs where its exercise starts.
    @Test(arguments: Course.embedded.lessons.map(\.name))
    func theCourseChecks(name: String) throws {
        let lesson = try #require(Course.embedded.lesson(named: name))
        #expect(LessonChecker.check(lesson).map(\.description) == [])
        let codeHints = lesson.cells.flatMap(\.hints).filter { Cell.isCode(hint: $0) }
        #expect(!codeHints.isEmpty)
    }

    @Test func theHomeworksHintsAreTheFunctionsOverSeveralLines() throws {
        let homework = try #require(Course.embedded.lesson(named: "homework"))
        let functions = homework.cells.flatMap(\.hints).filter { $0.hasPrefix("function ") }
        #expect(functions.count == 8)
        #expect(functions.allSatisfy { $0.contains("\n") && $0.hasSuffix("\nend") })
    }

    @Test func aFormatErrorIsAProblem() throws {
        let problems = LessonChecker.check(path: "/nonexistent/lesson.nnl")
        #expect(problems.count == 1)
    }

    @Test func theCourseFindsLessonsByNumberOrName() throws {
        let course = try Course(folder: try fixturePath("good"))
        #expect(course.lesson(named: "small")?.name == "small")
        #expect(course.lesson(named: "small.nnl")?.name == "small")
        #expect(course.lesson(named: "nope") == nil)
    }
}
