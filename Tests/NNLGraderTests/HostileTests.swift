import Foundation
import Testing
@testable import NNLGrader

/// In-process checks of what Tests/grader/hostile.sh drives through the real binary.
@Suite struct HostileTests {
    private func grade(_ submission: String, tests: String, timeout: Double = 10) throws -> GradeResult {
        try Homework.grade(submission, tests: tests, timeout: timeout)
    }

    @Test(arguments: ["\r\n", "\r"])
    func windowsLineEndsAndByteOrderMarkScoreTen(_ end: String) throws {
        let text = "\u{FEFF}" + Homework.solution.replacingOccurrences(of: "\n", with: end)
        #expect(try Homework.grade(text).score == 10)
    }

    @Test func controlCharactersAreShownNotSent() {
        let shown = TextReport.visible("\u{1B}[2J\r10/10 ✓\u{7}\u{0}\u{7F}\u{9B}\u{202E}\tend\n")
        #expect(shown == "\\e[2J^M10/10 ✓^G^@^?\\u{9B}\\u{202E}\tend\n")
    }

    @Test func forbiddenBuiltinFailsOnlyStudentCalls() throws {
        let tests = "%% forbid: relu\n%% t\ncheck(isequal(my_relu([-1 2]), [0 2]), \"mine\")\ncheck(isequal(relu(-1), 0), \"the test's own relu\")\n"
        let cheat = try grade("function y = my_relu(x)\n  y = feval(\"relu\", x);\nend\n", tests: tests)
        #expect(cheat.tests[0].score == 0)
        #expect(cheat.tests[0].error?.contains("`relu` is forbidden in this homework") == true, "\(cheat.tests[0].error ?? "")")
        let own = try grade("function y = relu(x)\n  y = max(x, 0);\nend\nfunction y = my_relu(x)\n  y = relu(x);\nend\n", tests: tests)
        #expect(own.tests[0].passed)
    }

    @Test func requiredFunctionsThatAreMissingAreNamed() throws {
        let result = try grade("function y = a()\n  y = 1;\nend\n", tests: "%% require: a, b, c\n%% t\ncheck(a() == 1, \"a\")\n")
        #expect(result.run.missing == ["b", "c"])
        #expect(TextReport.render(result).contains("missing: b, c"))
    }

    @Test func aTestsOwnTimeoutWins() throws {
        let result = try grade("x = 1;", tests: "%% slow [timeout=0.2]\nwhile true\nend\n%% fast\ncheck(x == 1, \"x\")\n", timeout: 30)
        #expect(result.tests[0].stop == .timeout)
        #expect(result.tests[0].error?.contains("time limit (0.2 s)") == true)
        #expect(result.tests[1].passed)
        #expect(result.status == "timeout")
    }

    @Test func gradescopeSummaryCountsOnlyVisibleTests() throws {
        let result = try grade("x = 1;", tests: "%% a [points=2]\ncheck(x == 1)\n%% b [hidden] [points=3]\ncheck(x == 1)\n%% c [never]\ncheck(x == 2)\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(ReportFormat.gradescope.render([result]).utf8)) as? [String: Any])
        let output = try #require(object["output"] as? String)
        #expect(output.hasPrefix("Visible tests: 2/2 points (2 other tests are not shown here)"), "\(output)")
        #expect((object["tests"] as? [[String: Any]])?.compactMap { $0["visibility"] as? String } == ["visible", "after_published", "hidden"])
    }

    @Test func jsonForAFolderIsAlwaysAnArray() throws {
        let result = try grade("x = 1;", tests: "%% a\ncheck(x == 1)\n")
        let folder = try JSONSerialization.jsonObject(with: Data(ReportFormat.json.render([result], folder: true).utf8))
        let single = try JSONSerialization.jsonObject(with: Data(ReportFormat.json.render([result]).utf8))
        #expect((folder as? [Any])?.count == 1)
        #expect(single is [String: Any])
    }

    @Test func foldersListStudentsLinksAndStrayFiles() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-folder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let fm = FileManager.default
        for dir in ["alice", "bob", "carol"] { try fm.createDirectory(at: base.appendingPathComponent(dir), withIntermediateDirectories: true) }
        for file in ["alice/hw.nnl", "bob/a.nnl", "bob/b.m", "dan.m", "erin.nnl", "notes.txt", ".DS_Store", "tests.nnl"] {
            try "x = 1;".write(to: base.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        try fm.createSymbolicLink(atPath: base.appendingPathComponent("frank.nnl").path, withDestinationPath: "/etc/passwd")
        let folder = SubmissionFolder(path: base.path, excluding: base.appendingPathComponent("tests.nnl").path)
        let at = { (name: String) in base.appendingPathComponent(name).path }
        #expect(folder.entries == [.file(at("alice/hw.nnl")),
                                   .problem(at("bob") + "/", reason: "2 submission files (a.nnl, b.m) in this student's folder; expected exactly one"),
                                   .problem(at("carol") + "/", reason: "no .nnl or .m file in this student's folder; expected exactly one"),
                                   .file(at("dan.m")), .file(at("erin.nnl")), .file(at("frank.nnl"))])
        #expect(folder.skipped == [at("notes.txt")])
    }
}
