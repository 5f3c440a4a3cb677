import ArgumentParser
import Foundation
import NNLLessons

struct CheckLessons: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-lessons",
        abstract: "Check lessons: each cell runs with its solution and passes its checks, and each exercise fails them with an empty answer.")

    @Argument(help: "A folder of lessons, or lesson files.")
    var paths: [String] = ["lessons"]

    func run() throws {
        var problems = 0
        for path in try files() {
            let started = Date()
            let found = LessonChecker.check(path: path)
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            print("\(found.isEmpty ? "ok  " : "FAIL") \(path) (\(seconds) s)")
            for problem in found { print("  \(problem)") }
            problems += found.count
        }
        print(problems == 0 ? "All lessons pass." : "\(problems) problem\(problems == 1 ? "" : "s").")
        if problems > 0 { throw ExitCode(1) }
    }

    private func files() throws -> [String] {
        try paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or folder: \(path)")
            }
            return isDirectory.boolValue ? try LessonChecker.lessonFiles(in: path) : [path]
        }
    }
}
