import Testing
@testable import NNL

/// A source file lives as long as something made from it, and no longer: a long REPL or kernel
/// session, or a loop making handles from text, keeps only the files its values and functions
/// still use. Each test holds a file weakly and watches when it goes.
@Suite struct SourceLifetimeTests {
    /// Runs `text` as a cell of its own and hands back its file, weakly held; the error it
    /// raised, if any, is given to `keep`.
    private func cell(_ text: String, in session: Session, keep: (RunError) -> Void = { _ in }) -> WeakFile {
        let file = SourceFile(name: "cell", text: text)
        do { try session.run(file) } catch { keep(error) }
        return WeakFile(file)
    }

    private func number(_ name: String, in session: Session) -> Double? {
        guard case .matrix(let m)? = session[variable: name], m.count == 1 else { return nil }
        return m[0]
    }

    @Test func aCellsFileGoesWithTheCell() throws {
        let session = Session()
        let file = cell("x = 1; y = x + 2;", in: session)
        #expect(file.isGone)
        #expect(number("y", in: session) == 3)
    }

    @Test func aFunctionKeepsTheFileThatDefinedItWhileItIsInTheWorkspace() throws {
        let session = Session()
        let first = cell("function y = f(x)\n  y = x + 1;\nend", in: session)
        #expect(!first.isGone)
        try session.run("z = f(1);")
        #expect(number("z", in: session) == 2)
        var saved: Workspace? = session.workspace  // a lesson's snapshot holds its functions
        let second = cell("function y = f(x)\n  y = x + 2;\nend", in: session)
        #expect(!first.isGone)
        session.workspace = saved!
        saved = nil
        #expect(second.isGone)
        try session.run("z = f(1);")
        #expect(number("z", in: session) == 2)
        try session.run("clear all")
        #expect(first.isGone)
    }

    @Test func aRecursiveFunctionGoesWhenReplaced() throws {
        let session = Session()
        let recursive = "function r = fact(n)\n  if n <= 1\n    r = 1;\n  else\n    r = n * fact(n - 1);\n  end\nend"
        let first = cell(recursive, in: session)
        try session.run("a = fact(5);")
        #expect(number("a", in: session) == 120)
        _ = cell(recursive, in: session)
        try session.run("a = fact(4);")
        #expect(number("a", in: session) == 24)
        #expect(first.isGone)
    }

    @Test func anErrorKeepsTheFileItQuotes() throws {
        let session = Session()
        var error: RunError?
        let file = cell("y = 1 + undefined_thing;", in: session) { error = $0 }
        #expect(!file.isGone)
        let rendered = DiagnosticRenderer(color: false).render(try #require(error))
        #expect(rendered.contains("cell:1:"), "\(rendered)")
        #expect(rendered.contains("y = 1 + undefined_thing;"), "\(rendered)")
        error = nil
        #expect(file.isGone)
    }

    @Test func anErrorInsideAFunctionKeepsItsCallSitesFile() throws {
        let session = Session()
        _ = cell("function y = g(x)\n  y = x + nothing_here;\nend", in: session)
        var error: RunError?
        let caller = cell("z = g(1);", in: session) { error = $0 }
        #expect(!caller.isGone)
        #expect(error?.first.trace.first?.callSite.text == "g(1)")
        error = nil
        #expect(caller.isGone)
    }

    @Test func aHandleFromTextKeepsItsTextWhileItLives() throws {
        let session = Session()
        try session.run("f = str2func('@(x) x + undefined_q');")
        var error: RunError?
        do { try session.run("f(1)") } catch let e { error = e }
        let handleText = WeakFile(try #require(error?.first.range?.file))
        #expect(handleText.file?.text == "@(x) x + undefined_q")
        error = nil
        #expect(!handleText.isGone)
        try session.run("f = 0;")
        #expect(handleText.isGone)
    }

    @Test func aHandleOutlivesTheCellThatMadeIt() throws {
        let session = Session()
        let file = cell("k = 3; f = @(x) x * k;", in: session)
        #expect(!file.isGone)
        try session.run("y = f(2);")
        #expect(number("y", in: session) == 6)
        try session.run("clear f")
        #expect(file.isGone)
    }

    @Test func aRecordedCheckKeepsItsFile() throws {
        var environment = SessionEnvironment()
        environment.checks = .record
        let session = Session(environment)
        let file = cell("check(1 == 2, \"one is two\")", in: session)
        var checks = session.takeChecks()
        #expect(!file.isGone)
        #expect(checks.first?.range.text == "check(1 == 2, \"one is two\")")
        checks = []
        #expect(file.isGone)
    }
}

/// A file held weakly.
private struct WeakFile {
    weak var file: SourceFile?
    init(_ file: SourceFile) { self.file = file }
    var isGone: Bool { file == nil }
}
