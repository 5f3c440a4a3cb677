import Foundation
import NNL
import Testing
@testable import NNLJupyter

/// `:save FILE.nnl` in a notebook writes a program, as the homework notebook tells the learner.
@Suite struct SaveProgramTests {
    final class Collected: ExecutionOutput {
        var text = ""
        func stream(_ stream: NNLJupyter.OutputStream, _ text: String) { self.text += text }
        func display(_ data: MimeBundle) {}
        func clear() {}
    }

    @Test func aNotebooksFunctionsAreSavedAsAProgramThatRuns() throws {
        let language = NNLLanguage(version: "test")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-notebook-\(UUID()).nnl").path
        _ = language.execute("function y = twice(x)\n  y = 2 * x;\nend\nalpha = 1.2;", output: Collected())
        let said = Collected()
        _ = language.execute(":save \(path)", output: said)
        #expect(said.text.contains("wrote 1 function and 1 variable to \(path), a program"))
        let program = try String(contentsOfFile: path, encoding: .utf8)
        #expect(program.contains("alpha = 1.2;") && program.contains("function y = twice(x)"))
        let run = Session()
        try run.run(program + "\nassert_twice = twice(alpha);")
        #expect(run[variable: "assert_twice"].map { mat2str($0) } == "2.4")
    }
}
