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
