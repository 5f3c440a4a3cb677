import Testing
@testable import NNL

/// The repair engine alone: which edits it proposes, in the user's spelling, and that the
/// sandbox leaves the session untouched.
struct RepairEngineTests {
    func session(_ setup: String) throws -> Session {
        let s = Session()
        try s.run(setup)
        return s
    }

    @Test func editsAreTheUsersOwnText() throws {
        let s = try session("A = ones(2, 3); v = ones(3, 1); b = ones(2, 1);")
        let edits = EditEnumerator(workspace: s.workspace, families: .shape).edits(of: "z = A.*v + b")
        let texts = edits.compactMap { RepairEdit.apply([$0], to: "z = A.*v + b") }
        #expect(texts.contains("z = A*v + b"))
        #expect(texts.contains("z = A.*v' + b"))
        #expect(texts.contains("z = A'.*v + b"))
        #expect(!texts.contains { $0.contains("b1") }, "shape edits rename nothing")
    }

    @Test func numpyTextIsTransposedWithDotT() throws {
        let s = try session("W = ones(3, 2); X = ones(3, 4);")
        let texts = EditEnumerator(workspace: s.workspace, families: .shape).edits(of: "np.dot(W, X)")
            .compactMap { RepairEdit.apply([$0], to: "np.dot(W, X)") }
        #expect(texts.contains("np.dot(W.T, X)"))
        #expect(texts.contains("np.dot(X, W)"))
    }

    @Test func everyFamilyOfTheIssue() throws {
        let s = try session("W1 = ones(4, 2); W2 = ones(1, 4); X = ones(2, 5); b1 = ones(4, 1); Z1 = X; A1 = X; m = 5; n = 3;")
        func texts(_ text: String) -> [String] {
            EditEnumerator(workspace: s.workspace).edits(of: text).compactMap { RepairEdit.apply([$0], to: text) }
        }
        #expect(texts("A2 = tanh(W1*X) + b1").contains("A2 = tanh(W1*X + b1)"))
        #expect(texts("A2 = tanh(W1*X + b1)").contains("A2 = tanh(W1*X) + b1"))
        #expect(texts("Z = W2*Z1").contains("Z = W2*A1"))
        #expect(texts("Z = W1'*X").contains("Z = W1*X"))
        #expect(texts("J = sum(X)").contains("J = 2*sum(X)"))
        #expect(texts("J = sum(X)").contains("J = sum(X)/m"))
        #expect(texts("J = sum(X)").contains("J = -sum(X)"))
        #expect(texts("Z = W1*X").contains("Z = W1*X + b1"))
        #expect(texts("Z = W1*X + b1").contains("Z = W1*X"))
        #expect(texts("s = np.sum(X, axis=1)").contains("s = np.sum(X, axis=1, keepdims=True)"))
        #expect(texts("s = np.sum(X, axis=1)").contains("s = np.sum(X, axis=0)"))
        #expect(texts("s = sum(X, 1)").contains("s = sum(X, 2)"))
        #expect(texts("for i = 0:n-1, t = i; end").contains("for i = 1:n, t = i; end"))
        #expect(texts("for i = 1:n, t = i; end").contains("for i = 1:n, t = n; end"))
        #expect(texts("y = 3*X").contains("y = m*X"))
        #expect(!texts("y = 3*X").contains("y = 3*y"), "y is not defined before the statement")
        #expect(texts("y = m*X").contains("y = 5*X"))
    }

    @Test func aFunctionsLiteralsAndParameters() {
        // No values known: a function's text, as a mutant would edit it.
        let text = "function p = update(p, g, learning_rate)\n  p.W = p.W - 1.2 * g.dW;\nend"
        let texts = EditEnumerator(names: []).edits(of: text).compactMap { RepairEdit.apply([$0], to: text) }
        #expect(texts.contains("function p = update(p, g, learning_rate)\n  p.W = p.W - learning_rate * g.dW;\nend"))
        #expect(texts.contains("function p = update(p, g, learning_rate)\n  p.W = p.W - 2.4 * g.dW;\nend"))
        let pinned = EditEnumerator(names: [], value: { $0 == "learning_rate" ? .scalar(0.5) : nil })
            .edits(of: "function p = f(learning_rate)\n  p = 2 * learning_rate;\nend")
        #expect(pinned.contains { $0.kind == .nameToLiteral(name: "learning_rate", literal: "0.5") })
    }

    @Test func pairsWhenNoSingleEditWorks() throws {
        let s = try session("W1 = [1 2; 3 4]; X = [1 0; 2 1]; b1 = [1; 2]; expected = W1*X + b1;")
        let search = RepairSearch(enumerator: EditEnumerator(workspace: s.workspace),
                                  sandbox: RepairSandbox(copying: s), budget: 5, limit: 1)
        let found = search.search("Z = W1'*X") { w in
            guard case .matrix(let z)? = w["Z"], case .matrix(let e)? = w["expected"], z.rows == e.rows, z.cols == e.cols else { return false }
            return (0..<z.count).allSatisfy { abs(z[$0] - e[$0]) < 1e-12 }
        }
        #expect(found.fixes.first?.edits.count == 2)
        #expect(found.fixes.first?.text == "Z = W1*X + b1")
    }

    func scalar(_ v: Value?) -> Double? {
        if case .matrix(let m)? = v, m.isScalar { m.scalar } else { nil }
    }

    @Test func sandboxLeavesTheSessionAlone() throws {
        var shown = ""
        let s = Session(SessionEnvironment { shown += $0.text() })
        try s.run("x = 1;")
        let sandbox = RepairSandbox(copying: s)
        guard case .success(let w) = sandbox.run("x = 2; printf('hi')") else { Issue.record("it did not run"); return }
        #expect(scalar(w["x"]) == 2)
        #expect(scalar(s[variable: "x"]) == 1)
        #expect(shown.isEmpty)
        guard case .failure = sandbox.run("save('repair-sandbox-test.txt', 'x')") else {
            Issue.record("the sandbox may write files")
            return
        }
    }

    @Test func sandboxStopsAtItsTimeLimit() throws {
        let s = try session("x = 1;")
        let start = ContinuousClock.now
        if case .success = RepairSandbox(copying: s, timeLimit: 0.05).run("while true, x = x + 1; end") {
            Issue.record("an endless loop finished")
        }
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(scalar(s[variable: "x"]) == 1)
    }
}
