import Foundation
import Testing
@testable import NNLGrader

/// The tests' privileges (the builtins a homework forbids, the setup's own functions, checks
/// that count) belong to the test file itself, not to whatever has its name: a submission named
/// like the tests, or one that `source`s a file of that name, is a submission.
@Suite struct ProtectionIdentityTests {
    /// A test file that forbids `relu` and keeps a helper of its own, and a student's functions
    /// that reach for both: protected code could call them, student code must not.
    static let tests = """
        %% forbid: relu
        %% setup
        function y = secret_helper(x)
          y = 42;
        end
        %% forbidden builtin
        check(isequal(my_relu([-1 2]), [0 2]), "relu")
        %% setup's function
        check(peek() == 42, "peek")
        %% student's own check
        check(own_check() == 1, "own")

        """
    static let cheat = """
        function y = my_relu(x)
          y = relu(x);
        end
        function y = peek()
          y = secret_helper(1);
        end
        function y = own_check()
          check(false, "recorded as a test's check?");
          y = 1;
        end

        """

    /// Grades `submission` under `name` against a suite read from `testsFile` (as given on the
    /// command line), in a root that holds `files`.
    private func grade(_ submission: String, named name: String, testsFile: String,
                       files: [String: String] = [:]) throws -> [TestResult] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-protection-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for (file, text) in files { try text.write(to: root.appendingPathComponent(file), atomically: true, encoding: .utf8) }
        let suite = try TestSuite.parse(Self.tests, file: testsFile)
        var results: [TestResult] = []
        SubmissionGrader(suite: suite, root: root).grade(submission: name, text: submission) { event in
            if case .test(let t) = event { results.append(t) }
        }
        return results
    }

    private func expectNoPrivilege(_ results: [TestResult]) {
        #expect(results.count == 3)
        guard results.count == 3 else { return }
        #expect(!results[0].passed)
        #expect(results[0].error?.contains("`relu` is forbidden in this homework") == true, "\(results[0].error ?? "")")
        #expect(!results[1].passed)
        #expect(results[1].error?.contains("secret_helper") == true, "\(results[1].error ?? "")")
        // The student's failed check stops the test as an error; it is not one of the test's checks.
        #expect(!results[2].passed)
        #expect(results[2].error?.contains("check failed: recorded as a test's check?") == true, "\(results[2].error ?? "")")
        #expect(results[2].checks.allSatisfy { $0.message == "own" })
    }

    @Test func aSubmissionNamedExactlyLikeTheTestsGetsNoProtectedAccess() throws {
        // The suite given as a bare name: the name tests run under is the submission's own name.
        let suite = try TestSuite.parse(Self.tests, file: "tests.nnl")
        #expect(suite.sourceName(besides: "tests.nnl") == "tests.nnl")
        expectNoPrivilege(try grade(Self.cheat, named: "tests.nnl", testsFile: "tests.nnl"))
    }

    @Test func functionsSourcedFromAFileNamedLikeTheTestsGetNoProtectedAccess() throws {
        let results = try grade("source tests.nnl\n", named: "planar_classifier.nnl", testsFile: "/course/tests.nnl",
                                files: ["tests.nnl": Self.cheat])
        expectNoPrivilege(results)
    }

    @Test func theTestFileItselfKeepsItsPrivileges() throws {
        let tests = """
            %% forbid: relu
            %% setup
            function y = secret_helper(x)
              y = 42;
            end
            %% t
            check(isequal(relu([-1 2]), [0 2]), "the test's relu")
            check(secret_helper(0) == 42, "the setup's function")

            """
        let suite = try TestSuite.parse(tests, file: "tests.nnl")
        let root = FileManager.default.temporaryDirectory
        var results: [TestResult] = []
        SubmissionGrader(suite: suite, root: root).grade(submission: "tests.nnl", text: "x = 1;") { event in
            if case .test(let t) = event { results.append(t) }
        }
        #expect(results.count == 1)
        #expect(results.first?.passed == true, "\(results.first?.error ?? "")")
        #expect(results.first?.checks.count == 2)
    }
}
