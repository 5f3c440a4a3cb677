import Foundation
import NNL
import Testing
@testable import NNLREPL

/// `:save FILE.nnl` writes a program; `:load FILE.nnl`, `source` and `run` read one back.
@Suite struct ProgramFileTests {
    func temporary(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-program-\(UUID())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    @Test func aSavedProgramBringsBackItsVariablesAndFunctions() throws {
        let path = temporary("work.nnl")
        let a = ScriptedSession().type(
            "X = [1 -2.5; 1e-300 NaN]; e = zeros(0, 3); ok = [1 2 3] > 2; s = 'it''s'; third = 1/3;",
            "p.W = [0.1 0.2]; p.inner.k = 3; h = @max; sq = @(x) x.^2;",
            "function y = twice(x)", "  y = 2 * x; % doubled", "end",
            ":save \(path)")
        #expect(a.take().out.contains("wrote 1 function and 8 variables to \(path), a program"))
        let b = ScriptedSession().type("source('\(path)')")
        #expect(b.take().err == "")
        let first = a.session.session.workspace, second = b.session.session.workspace
        #expect(Set(first.variableNames) == Set(second.variableNames))
        for name in first.variableNames {
            #expect(mat2str(first[name]!, precision: 17) == mat2str(second[name]!, precision: 17), "\(name)")
        }
        b.type("disp(class(ok)), disp(size(e)), disp(twice(4)), disp(sq(3))")
        #expect(b.take().out == "logical\n   0   3\n8\n9\n")
    }

    /// A handle holding values, text with line breaks, a very large matrix: named, not written.
    @Test func valuesThatAreNotSourceAreNamedInAComment() throws {
        let path = temporary("left.nnl")
        let s = ScriptedSession().type("a = 2; f = @(x) a * x; t = sprintf(\"two\\nlines\"); big = zeros(200, 200) + 1; kept = 1;",
                                       ":save \(path)")
        #expect(s.take().err == "")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("% Not written here: big (more than 10000 numbers), f (a handle holding values from when it was made), t (text with line breaks)."))
        #expect(text.contains("kept = 1;"))
    }

    @Test func otherNamesAreWorkspaceFilesAndNoExtensionGetsNnlw() throws {
        let path = temporary("work")
        let s = ScriptedSession().type("x = 1;", ":save \(path)")
        #expect(s.take().out == "wrote your workspace (1 variable, 0 functions) to \(path).nnlw: `:load \(path).nnlw` brings it back\n")
        let b = ScriptedSession().type(":load \(path).nnlw", "x")
        #expect(b.take().out == "loaded x\nx = 1\n")
    }

    @Test func loadRunsAProgramAndSaysWhatItDefined() throws {
        let path = temporary("prog.nnl")
        try "alpha = 0.5;\nfunction y = f(x)\n  y = x + 1;\nend\n".write(toFile: path, atomically: true, encoding: .utf8)
        let s = ScriptedSession().type(":load \(path)", "f(alpha)")
        #expect(s.take().out == "loaded \(path): function f; variable alpha\nans = 1.5000\n")
        s.type("run(\"\(path)\")")
        #expect(s.take().err == "")
    }

    @Test func aProgramThatSourcesItselfStopsAtTheCallLimit() throws {
        let path = temporary("self.nnl")
        try "source('\(path)')\n".write(toFile: path, atomically: true, encoding: .utf8)
        let s = ScriptedSession().type("source('\(path)')")
        #expect(s.take().err.contains("too many nested calls"))
        s.type("function g()", "source('\(path)');", "end", "g()")
        #expect(s.take().err.contains("call them at the prompt or at the top of a program, not in a function"))
    }
}
