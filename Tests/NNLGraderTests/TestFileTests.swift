import Foundation
import Testing
@testable import NNLGrader

@Suite struct TestFileTests {
    @Test func homeworkTestsAreWorthTen() throws {
        let suite = try TestSuite.parse(Homework.testsText, file: "tests.nnl")
        #expect(suite.maxScore == 10)
        #expect(suite.tests.count == 8)
        #expect(suite.setup != nil)
        #expect(suite.tests.filter(\.hidden).map(\.name) == ["predict", "training on the flower data set"])
        #expect(suite.tests.first { $0.partial }?.name == "backward_propagation")
    }

    @Test(arguments: [
        ("%% a [points=two]\ncheck(1)\n", "t.nnl:1:"),
        ("%% a [points=1]\ncheck(1)\n%% b [weight=2]\ncheck(1)\n", "t.nnl:3:"),
        ("%% a\nx = [1 2\n", "t.nnl:2:"),
        ("x = 1\n%% a\ncheck(1)\n", "t.nnl:1:"),
        ("% only comments\n", "t.nnl:1:"),
    ])
    func malformedFilesNameTheLine(text: String, place: String) {
        #expect { try TestSuite.parse(text, file: "t.nnl") } throws: { error in
            "\(error)".hasPrefix(place)
        }
    }

    @Test func outputIsCutAtTheLimit() {
        var buffer = OutputBuffer(limit: 10)
        buffer.append("12345678")
        buffer.append("abcdef")
        buffer.append("more")
        #expect(buffer.report.hasPrefix("12345678ab\n[output truncated: 8 more bytes"))
    }

    @Test func csvQuotesAndCompletes() throws {
        let suite = try TestSuite.parse("%% a, \"quoted\" [points=2]\ncheck(1)\n%% b\ncheck(1)\n", file: "t.nnl")
        let result = GradeResult(submission: "x,y.nnl", score: 2, maxScore: 3, executionTime: 0,
                                 run: SubmissionRun(output: "", error: nil, parsed: true),
                                 tests: [TestResult.notRun(suite.tests[1], because: "")])
        let csv = CSVReport.render([result], suite: suite)
        #expect(csv == "file,score,max_score,\"a, \"\"quoted\"\"\",b\n\"x,y.nnl\",2,3,0,0\n")
    }

    @Test func junitEscapesEverything() throws {
        #expect(JUnitReport.escape("<a & \"b\">\u{1}", attribute: true) == "&lt;a &amp; &quot;b&quot;&gt;\u{FFFD}")
    }
}
