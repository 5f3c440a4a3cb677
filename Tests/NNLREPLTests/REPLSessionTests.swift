import Foundation
import LineEditor
import NNL
@testable import NNLREPL
import Testing

/// A session fed scripted lines; stdout and stderr captured apart.
final class ScriptedSession {
    var out = ""
    var err = ""
    lazy var session = REPLSession(color: false, write: { [unowned self] in out += $0 },
                                   writeError: { [unowned self] in err += $0 })

    @discardableResult
    func type(_ lines: String...) -> ScriptedSession {
        for line in lines { session.feed(line) }
        return self
    }

    @discardableResult
    func take() -> (out: String, err: String) {
        defer { out = ""; err = "" }
        return (out, err)
    }
}

@Suite struct REPLSessionTests {
    @Test func explainShowsEverySubExpressionWithItsShape() {
        let s = ScriptedSession().type("m = 4; dZ2 = [1 2 3 4]; A1 = ones(3, 4);")
        s.take()
        s.type(":explain dW2 = 1/m * dZ2 * A1'")
        #expect(s.take().out == """
              m                → 1×1  4
              1/m              → 1×1  0.25
              dZ2              → 1×4  [1 2 3 4]
              1/m * dZ2        → 1×4  [0.25 0.5 0.75 1]
              A1               → 3×4  [1 1 1 1; …]
              A1'              → 4×3  [1 1 1; …]
              1/m * dZ2 * A1'  → 1×3  [2.5 2.5 2.5]
            dW2 = (1×3)

               2.5000   2.5000   2.5000


            """)
        #expect(s.session.session[variable: "dW2"] != nil)
    }

    @Test func explainStopsAtAnErrorAndKeepsTheStepsBefore() {
        let s = ScriptedSession().type("W1 = ones(4, 2); X = ones(400, 2);")
        s.take()
        s.type(":explain Z1 = W1 * X + 1")
        let (out, err) = s.take()
        #expect(out == "  W1  → 4×2    [1 1; …]\n  X   → 400×2  [1 1; …]\n")
        #expect(err.hasPrefix("error: `*` needs the inner sizes to agree"))
    }

    @Test func varsIsAWhosTable() {
        let s = ScriptedSession().type("W1 = zeros(4, 2); ok = W1 > 1; name = \"nnl\"; p.b = [1 2]; f = @(x) x + 1;",
                                       "function y = twice(x)", "y = 2 * x;", "end")
        s.take()
        s.type(":vars")
        #expect(s.take().out == """
              Name   Size   Class             Bytes
              W1     4×2    double               64
              f      1×1    function_handle       0
              name   1×3    char                  3
              ok     4×2    logical               8
              p      1×1    struct               16

            Total: 5 variables using 91 bytes
            Functions: twice

            """)
    }

    @Test func saveAndLoadRoundTripTheWholeWorkspace() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-ws-\(UUID()).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let a = ScriptedSession().type(
            "X = [1 -2.5; 1e-300 NaN]; e = zeros(0, 3); ok = [1 2 3] > 2; s = \"two\\nlines\";",
            "p.W = [0.1 0.2]; p.inner.k = 3; p.f = @sin; a = 3; g = @(x) a * x + p.W; h = @max;",
            "function y = twice(x)", "  y = 2 * x; % doubled", "end",
            ":save \(path)")
        #expect(a.take().err == "")
        let b = ScriptedSession().type(":load \(path)")
        #expect(b.take().err == "")
        b.type("disp(mat2str(X)), disp(size(e)), disp(class(ok)), disp(isequal(s, sprintf(\"two\\nlines\")))",
               "disp(p.inner.k), disp(p.f(0)), disp(g(2)), disp(h(1, 2)), disp(twice(4)), disp(a)")
        let (out, err) = b.take()
        #expect(err == "")
        #expect(out == "[1 -2.5;1e-300 NaN]\n   0   3\nlogical\n1\n3\n0\n   6.1000   6.2000\n2\n8\n3\n", "\(err)")
        let first = a.session.session.workspace, second = b.session.session.workspace
        #expect(first.variableNames == second.variableNames)
        for name in first.variableNames {
            #expect(mat2str(first[name]!, precision: 17) == mat2str(second[name]!, precision: 17), "\(name)")
        }
    }

    @Test func blocksWaitForTheirEnd() {
        let s = ScriptedSession().type("total = 0;", "for i = 1:4")
        #expect(s.session.isContinuing)
        s.type("total = total + i;")
        #expect(s.session.isContinuing)
        s.type("end", "total")
        #expect(!s.session.isContinuing)
        #expect(s.take().out == "total = 10\n")
    }

    @Test func anOpenParenthesisContinuesOnTheNextLine() {
        let s = ScriptedSession().type("x = max(3,", "7)")
        #expect(s.take().out == "x = 7\n")
    }

    @Test func aSyntaxErrorShowsTheCaretAndTheSessionGoesOn() {
        let s = ScriptedSession().type("x = 1;", "y = (x + ) * 2")
        let (_, err) = s.take()
        #expect(err.contains("y = (x + ) * 2\n"))
        #expect(err.contains("^"))
        #expect(!s.session.isContinuing)
        s.type("x")
        #expect(s.take().out == "x = 1\n")
    }

    @Test func anInterruptionKeepsWhatWasAssigned() {
        let s = ScriptedSession()
        let interrupter = s.session.session.interrupter
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { interrupter.interrupt() }
        s.type("kept = 42; while true end")
        #expect(s.take().err == "interrupted\n")
        s.type("kept")
        #expect(s.take().out == "kept = 42\n")
    }

    @Test func unknownCommandsGetADidYouMean() {
        let s = ScriptedSession().type(":vasr")
        #expect(s.take().err == "error: there is no command :vasr\nhint: did you mean :vars?\n")
    }

    @Test func clearForgetsOneOrAll() {
        let s = ScriptedSession().type("a = 1; b = 2;", ":clear a")
        #expect(s.session.session.workspace.variableNames == ["b"])
        s.type(":clear")
        #expect(s.session.session.workspace.variableNames == [])
    }

    @Test func helpOfANameIsTheBuiltinsHelp() {
        let s = ScriptedSession().type(":help sigmoid")
        #expect(s.take().out == s.session.session.help(for: "sigmoid"))
    }

    @Test func lessonSaysWhereLessonsRunUntilARunnerIsWiredIn() {
        let s = ScriptedSession().type(":lesson neuron")
        #expect(s.take().out.contains("nnl learn neuron"))
        var started: String?
        s.session.lessonRunner = { started = $0 }
        s.type(":lesson neuron")
        #expect(started == "neuron")
    }

    @Test func quitEndsTheSession() {
        let s = ScriptedSession().type(":quit")
        #expect(s.session.wantsToQuit)
    }

    /// Line by line at the REPL, a script prints what `nnl run` prints for it.
    @Test func linesGiveTheSameOutputAsTheWholeProgram() throws {
        let script = "seed(1); W = randn(2, 3)\nfor k = 1:2\n  printf(\"%d\\n\", k)\nend\ns.a = 1\n"
        let s = ScriptedSession()
        for line in script.split(separator: "\n") { s.type(String(line)) }
        var whole = ""
        try Session(SessionEnvironment { whole += $0.text() }).run(script)
        #expect(s.take().out == whole)
    }
}

@Suite struct CompletionCandidatesTests {
    func candidates(_ line: String, _ setup: String = "p.W1 = 1; p.W2 = 2; p.layer.k = 3; alpha = 1;") -> [String] {
        let session = Session()
        try? session.run(setup)
        let c = CompletionCandidates(workspace: session.workspace, builtinNames: session.builtinNames,
                                     commandNames: REPLSession(color: false, write: { _ in }, writeError: { _ in }).commands.names)
        let request = CompletionRequest(line: line)
        return c.candidates(for: request).filter { $0.hasPrefix(request.word) }.sorted()
    }

    @Test func variablesFieldsBuiltinsAndCommands() {
        #expect(candidates("alp") == ["alpha"])
        #expect(candidates("disp(p.W") == ["p.W1", "p.W2"])
        #expect(candidates("p.layer.") == ["p.layer.k"])
        #expect(candidates("np.random.se") == ["np.random.seed"])
        #expect(candidates("sigm").contains("sigmoid"))
        #expect(candidates(":va") == [":vars"])
        #expect(candidates(":clear al") == ["alpha"])
        #expect(candidates(":explain p.W") == ["p.W1", "p.W2"])
    }
}

@Suite struct ExportTests {
    @Test func exportWritesTheSessionWithOutputsAndFigures() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-export-\(UUID()).ipynb").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let s = ScriptedSession().type("x = [1 2 3]", "plot(x, x.^2, title=\"squares\")", ":vars", ":export \(path)")
        #expect(s.take().out.hasSuffix("wrote 2 entries to \(path)\n"))
        let notebook = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        let cells = try #require(notebook?["cells"] as? [[String: Any]])
        #expect(cells.count == 2)
        let outputs = cells.map { ($0["outputs"] as? [[String: Any]])?.map { $0["output_type"] as? String } ?? [] }
        #expect(outputs == [["stream"], ["display_data"]])
    }

    @Test func exportNamesTheFormatsItKnows() {
        let s = ScriptedSession().type(":export notes.txt")
        #expect(s.take().err.contains(".ipynb, .md or .html"))
    }
}
