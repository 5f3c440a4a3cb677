import Foundation
import Testing
@testable import NNLGrader

@Suite struct TestFileTests {
    @Test func homeworkTestsAreWorthTen() throws {
        let suite = try TestSuite.parse(Homework.testsText, file: "tests.nnl")
        #expect(suite.maxScore == 10)
        #expect(suite.tests.count == 8)
        #expect(suite.setup != nil)
        #expect(suite.tests.filter(\.hidden).map(\.name) == ["predict", "nn_model"])
        #expect(suite.tests.first { $0.partial }?.name == "backward_propagation")
    }

    @Test(arguments: [
        ("%% a [points=two]\ncheck(1)\n", "t.nnl:1:"),
        ("%% a [points=1]\ncheck(1)\n%% b [weight=2]\ncheck(1)\n", "t.nnl:3:"),
        ("%% a\nx = [1 2\n", "t.nnl:2:"),
        ("x = 1\n%% a\ncheck(1)\n", "t.nnl:1:"),
        ("% only comments\n", "t.nnl:1:"),
        // A list without its colon, a bracket left open, a test without a name: not tests.
        ("%% forbid relu\n%% a\ncheck(1)\n", "t.nnl:1: `%% forbid relu` reads as a test; a list needs a colon"),
        ("%% a\ncheck(1)\n%% b [points=2\ncheck(1)\n", "t.nnl:3: a test name holds no `[`"),
        ("%% [points=2]\ncheck(1)\n", "t.nnl:1: a test needs a name"),
    ])
    func malformedFilesNameTheLine(text: String, place: String) {
        #expect { try TestSuite.parse(text, file: "t.nnl") } throws: { error in
            "\(error)".hasPrefix(place)
        }
    }

    /// As lessons/homework/README.md says: a third argument sets both rtol and atol, so
    /// `allclose(a, b, 1e-4)` allows `1e-4 + 1e-4*|b|`.
    @Test func allcloseToleranceIsBothRtolAndAtol() throws {
        let tests = """
            %% within atol + rtol*|b| [partial]
            check(allclose(1.00015, 1, 1e-4), "1.5e-4 from 1 is within 2e-4")
            check(allclose(0.00015, 0, 1e-4), "but 1.5e-4 from 0 is not within 1e-4")

            """
        let result = try Homework.grade("x = 1;\n", tests: tests)
        #expect(result.tests[0].checks.map(\.passed) == [true, false])
    }

    @Test func outputIsCutAtTheLimit() {
        var buffer = OutputBuffer(limit: 10)
        buffer.append("12345678")
        buffer.append("abcdef")
        buffer.append("more")
        #expect(buffer.report.hasPrefix("12345678ab\n[output truncated: 8 more bytes"))
    }

    @Test func csvQuotesNeutralisesAndAddsUp() throws {
        let suite = try TestSuite.parse("%% a, \"quoted\" [points=2] [partial]\ncheck(1)\n%% =b\ncheck(1)\n%% c\ncheck(1)\n", file: "t.nnl")
        let third = 2.0 / 3
        let result = GradeResult(submission: "=HYPERLINK(x,y).nnl", score: 3 * third, maxScore: 4, executionTime: 0,
                                 run: SubmissionRun(output: "", error: nil, parsed: true),
                                 tests: [TestResult(suite.tests[0], score: third, passed: false, checks: [], error: nil, stop: nil, output: "", executionTime: 0),
                                         TestResult(suite.tests[1], score: third, passed: false, checks: [], error: nil, stop: nil, output: "", executionTime: 0),
                                         .notRun(suite.tests[2], because: "", stop: .timeout)])
        let csv = CSVReport.render([result], suite: suite)
        #expect(csv == "file,score,max_score,status,\"a, \"\"quoted\"\"\",'=b,c\n\"'=HYPERLINK(x,y).nnl\",1.334,4,timeout,0.667,0.667,0\n")
    }

    @Test(arguments: [
        ("%% setup\nx = 1;\n%% setup\ny = 2;\n%% a\ncheck(1)\n", "t.nnl:3: a second `%% setup`"),
        ("%% SETUP [points=5]\nx = 1;\n%% a\ncheck(1)\n", "t.nnl:1: the setup cell is written"),
        ("%% a [hidden=no]\ncheck(1)\n", "t.nnl:1: `[hidden=no]`"),
        ("%% a [points=1] [points=3]\ncheck(1)\n", "t.nnl:1: the attribute `[points]` is given twice"),
        ("%% a\ncheck(1)\n%% b\ncheck(1)\n%% a\ncheck(1)\n", "t.nnl:5: a second test named `a` (the first is at line 1)"),
        ("%% a [points=1e19]\ncheck(1)\n", "t.nnl:1: `[points=1e19]` needs a number from 0 to 1000000"),
        ("%% a [points=inf]\ncheck(1)\n", "t.nnl:1: `[points=inf]`"),
        ("%% a [points=nan]\ncheck(1)\n", "t.nnl:1: `[points=nan]`"),
        ("%% a [timeout=inf]\ncheck(1)\n", "t.nnl:1: `[timeout=inf]`"),
        ("%% a [timeout=0]\ncheck(1)\n", "t.nnl:1: `[timeout=0]`"),
        ("%% a [hidden] [never]\ncheck(1)\n", "t.nnl:1: a test has one visibility"),
        ("%% forbid: relu, not_a_builtin\n%% a\ncheck(1)\n", "t.nnl:1: `not_a_builtin` is not a builtin"),
        ("%% require: f g\n%% a\ncheck(1)\n", "t.nnl:1: `f g` is not a function name"),
        ("%% Forbid: relu\n%% a\ncheck(1)\n", "t.nnl:1: write `%% forbid: NAME, NAME`"),
        ("%% forbid: relu\nx = 1;\n%% a\ncheck(1)\n", "t.nnl:1: `%% forbid:` takes no code"),
    ])
    func strictTestFiles(text: String, message: String) {
        #expect { try TestSuite.parse(text, file: "t.nnl") } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }

    @Test func visibilityTimeoutAndLists() throws {
        let text = "%% forbid: relu, relu_grad\n%% require: f\n%% a [hidden]\ncheck(1)\n%% b [after_due_date] [timeout=2.5]\ncheck(1)\n%% c [never]\ncheck(1)\n%% d\ncheck(1)\n"
        let suite = try TestSuite.parse(text, file: "t.nnl")
        #expect(suite.tests.map(\.visibility) == [.afterPublished, .afterDueDate, .hidden, .visible])
        #expect(suite.tests.map(\.timeout) == [nil, 2.5, nil, nil])
        #expect(suite.forbidden == ["relu", "relu_grad"] && suite.required == ["f"])
    }

    @Test func junitEscapesEverything() throws {
        #expect(JUnitReport.escape("<a & \"b\">\u{1}", attribute: true) == "&lt;a &amp; &quot;b&quot;&gt;\u{FFFD}")
    }
}
