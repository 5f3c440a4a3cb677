import Foundation
import Testing
@testable import NNLGrader

/// The third hostile round (issue 22), in-process: each hole that was found stays closed.
@Suite struct ContainmentTests {
    static let sigmoidTests = "%% forbid: sigmoid\n%% my_sigmoid\ncheck(my_sigmoid(0) == 0.5, \"my_sigmoid(0)\")\n"

    @Test(arguments: [
        "clear all\nfunction y = my_sigmoid(x)\n  y = sigmoid(x);\nend\n",
        "clear all\nhalf = sigmoid(0);\nmy_sigmoid = @(x) half;\n",
        "my_sigmoid = @sigmoid;\n",
        "function y = my_sigmoid(x)\n  f = str2func(\"sigmoid\"); y = f(x);\nend\n",
    ])
    func clearAllAndHandlesDoNotLiftForbid(_ submission: String) throws {
        let result = try Homework.grade(submission, tests: Self.sigmoidTests)
        #expect(result.score == 0)
        let error = result.run.error ?? result.tests[0].checks.first?.detail ?? result.tests[0].error ?? ""
        #expect(error.contains("`sigmoid` is forbidden in this homework"), "\(error)")
        #expect(!error.contains("<forbid>"))
    }

    @Test func aStudentsOwnFunctionOfAForbiddenNameIsAllowed() throws {
        let own = "function y = sigmoid(x)\n  y = 1 ./ (1 + exp(-x));\nend\nfunction y = my_sigmoid(x)\n  y = sigmoid(x);\nend\n"
        #expect(try Homework.grade(own, tests: Self.sigmoidTests).score == 1)
    }

    static let setupTests = """
        %% setup
        function y = ref_double(x)
          y = 2 * x;
        end
        %% my_double [hidden]
        check(isequal(my_double(3), ref_double(3)), "agrees with the reference")
        check(isequal(reference.ref_double(1), 2), "reference.NAME is the same function")

        """

    @Test(arguments: [
        ("function y = my_double(x)\n  y = 0;\nend\nfunction y = ref_double(x)\n  y = 0;\nend\n", 0.0),
        ("ref_double = @(x) 0;\nfunction y = my_double(x)\n  y = 0;\nend\n", 0.0),
        ("function y = my_double(x)\n  y = 2 * x;\nend\n", 1.0),
    ])
    func bareNamesInTestsReachTheSetupsFunctions(_ submission: String, score: Double) throws {
        #expect(try Homework.grade(submission, tests: Self.setupTests).score == score)
    }

    @Test func errorMessagesAndSyntaxErrorsAreCapped() throws {
        let huge = try Homework.grade("function y = f()\n  error(repmat(\"a\", 1, 2^20));\nend\n", tests: "%% a\ncheck(f() == 1)\n")
        let error = try #require(huge.tests[0].error)
        #expect(error.utf8.count < ErrorText.maxBytes + 100 && error.contains("more bytes not shown"))
        let many = try Homework.grade(String(repeating: "x = [1 2\n", count: 5000), tests: "%% a\ncheck(1)\n")
        let syntax = try #require(many.run.error)
        #expect(syntax.contains("more syntax errors, not shown") && syntax.utf8.count < ErrorText.maxBytes + 100)
    }

    @Test func saveStopsAtTheDiskQuota() throws {
        let submission = "s = repmat(\"x\", 1, 20e6);\nfor k = 1:5\n  save(sprintf(\"f%d.txt\", k), \"s\");\nend\n"
        let result = try Homework.grade(submission, tests: "%% a\ncheck(1)\n")
        let error = try #require(result.run.error)
        #expect(error.contains("quota of 64 MB") && error.contains("planar_classifier.nnl:3"), "\(error)")
    }

    @Test func aFailingSetupIsTheTestFilesError() throws {
        let result = try Homework.grade("x = 1;\n", tests: "%% setup\ny = [1 2] * [3 4];\n%% a\ncheck(true)\n")
        #expect(result.tests[0].stop == .setup && result.status == "setup error")
        let text = TextReport.render(result)
        #expect(text.split(separator: "\n")[1].contains("`%% setup` stopped with an error"), "\(text)")
        // A student's error inside a function the setup calls is the student's.
        let student = try Homework.grade("function y = f()\n  y = [1 2] * [3 4];\nend\n", tests: "%% setup\ny = f();\n%% a\ncheck(true)\n")
        #expect(student.tests[0].stop == .error)
    }

    @Test func tracesNameTheTestFileNotItsPath() throws {
        let result = try Homework.grade("function y = f()\n  y = [1 2] * [3 4];\nend\n", tests: "%% a\ncheck(isequal(f(), 1))\n")
        let detail = try #require(result.tests[0].checks.first?.detail)
        #expect(detail.contains("tests.nnl:2") && !detail.contains("/"), "\(detail)")
    }

    @Test func aFailedCheckNamesTheLearnersLine() throws {
        let wrong = Homework.solution.replacingOccurrences(of: "grads.dW1 = 1/m * dZ1 * X';", with: "grads.dW1 = 2/m * dZ1 * X';")
        let result = try Homework.grade(wrong)
        let line = wrong.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("grads.dW1 = 2/m") }! + 1
        let check = try #require(result.tests.first { $0.name == "backward_propagation" }?.checks.first { !$0.passed })
        #expect(check.place == "planar_classifier.nnl:\(line) in backward_propagation")
        #expect(TextReport.render(result).contains("(your code: planar_classifier.nnl:\(line) in backward_propagation)"))
    }

    @Test func namesAreEscapedAndLongTestNamesKeepTheColumn() throws {
        #expect(TextReport.name("a.nnl: 0/10\nzz.nnl: 10/10") == "a.nnl: 0/10\\nzz.nnl: 10/10")
        #expect(TextReport.visible("\u{202E}x\u{061C}") == "\\u{202E}x\\u{61C}")
        let long = String(repeating: "long name ", count: 8)
        #expect(TextReport.column(long, width: 40).count == 40 && TextReport.column("short", width: 40).count == 40)
        #expect(TextReport.column(long, width: 40).contains("…"))
    }

    @Test func aLatin1FileNameIsAStudent() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-latin1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        let name = Array(base.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".nnl".utf8)
        let fd = SubmissionFolder.withPath(name) { open($0, O_CREAT | O_WRONLY, 0o644) }
        #expect(fd >= 0)
        close(fd)
        let folder = SubmissionFolder(path: base.path, excluding: nil)
        #expect(folder.entries == [.undecodable(base.path + "/café.nnl", bytes: name)])
        #expect(folder.skipped.isEmpty)
    }
}
