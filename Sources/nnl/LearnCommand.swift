import ArgumentParser
import Foundation
import NNLLessons

struct Learn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Take a lesson; with no name, list the course and your progress.",
        discussion: """
        NAME is a lesson file, or a lesson of the course by number or name (`nnl learn 7`,
        `nnl learn forward-propagation`, `nnl learn forward`). The course is $NNL_LESSONS, else
        ./lessons, else the course built into nnl. Progress is kept in
        $XDG_STATE_HOME/nnl (default ~/.local/state/nnl) and resumed.
        """)

    @Argument(help: "A lesson file or a lesson's name or number.")
    var name: String?

    func run() throws {
        guard let name else { return try listCourse(ProgressStore.standard()) }
        try LessonLauncher.run(try Learn.findLesson(name))
    }

    static func findLesson(_ name: String) throws -> Lesson {
        do {
            if FileManager.default.fileExists(atPath: name) && !name.hasSuffix("/") { return try Lesson.load(path: name) }
            let course = try Course.standard()
            guard let lesson = course.lesson(named: name) else {
                throw ValidationError("no lesson \(name) in \(course.folder); `nnl learn` lists them")
            }
            return lesson
        } catch let error as CellParser.FormatError {
            throw ValidationError(error.description)
        }
    }

    private func listCourse(_ store: ProgressStore) throws {
        let course = try Course.standard()
        print("The course (\(course.folder)):")
        let nameWidth = course.lessons.map(\.name.count).max() ?? 0
        let titleWidth = course.lessons.map(\.title.count).max() ?? 0
        for lesson in course.lessons {
            let state = LessonProgress.summary(store.peek(name: lesson.name, version: lesson.version))
            print("  " + lesson.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + lesson.title.padding(toLength: titleWidth, withPad: " ", startingAt: 0) + "  " + state)
        }
        for problem in course.broken { printError("nnl: \(problem)\n") }
        print("\nStart or resume one with `nnl learn NAME`, e.g. `nnl learn \(course.lessons.first?.name ?? "01")`.")
    }
}
