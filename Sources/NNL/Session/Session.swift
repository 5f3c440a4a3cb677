// The one way into the language for every host: the REPL, lessons, the grader, `nnl run` and
// the Jupyter kernel. A line of input goes:
//
//   text ──▶ InputBuffer (complete yet? `Session.completeness`) ──▶ Session.run
//        ──▶ Parser ──▶ Resolver ──▶ Interpreter
//        ──▶ SessionOutput events, as they happen, to `environment.output`
//            (text, values with their display, figures, warnings)
//        ──▶ and at the end nothing, or one `RunError` (syntax / runtime / interrupted / time limit)
//
// The host renders events and errors (DiagnosticRenderer: text, colour, HTML); the session
// decides nothing about terminals.
import Foundation
import Interruption

/// A workspace and the interpreter that runs code in it, configured by one environment value.
public final class Session {
    let interpreter: Interpreter
    /// Whether an error's hint is a tried fix (`RepairHint`); off in the sandbox that tries them.
    var triesFixes = true

    public init(_ environment: SessionEnvironment = SessionEnvironment()) {
        interpreter = Interpreter(environment: environment)
    }

    /// Where results go and the rules runs follow; a host may hand over a new one at any time.
    public var environment: SessionEnvironment {
        get { interpreter.environment }
        set { interpreter.environment = newValue }
    }

    // MARK: - Input

    /// Whether `text` is a whole entry: complete, waiting for more lines (an open block or
    /// bracket, however deeply nested), or wrong however it goes on.
    public static func completeness(of text: String) -> Completeness {
        withExtendedLifetime(SourceFile(name: "", text: text)) { file in
            do throws(SyntaxErrors) {
                _ = try Parser.parse(file)
                return .complete
            } catch {
                guard error.isIncomplete, CommentInParentheses.diagnostic(in: file) == nil else { return .invalid }
                return .incomplete(indent: InputBuffer.indent(after: text))
            }
        }
    }

    /// The statements of `source`, or its syntax errors. Text that stops early only because a
    /// comment swallowed the `)` (`print("%f" % x)`) gets that error instead of "unexpected end".
    static func statements(of source: SourceFile) throws(RunError) -> [Stmt] {
        do { return try Parser.parse(source) } catch {
            if error.isIncomplete, let trap = CommentInParentheses.diagnostic(in: source) { throw RunError(.syntax, [trap]) }
            throw RunError(error)
        }
    }

    /// The syntax errors of `source`, nil when it parses.
    static func syntaxError(in source: SourceFile) -> RunError? {
        do { _ = try statements(of: source); return nil } catch { return error }
    }

    // MARK: - Running

    /// Parses `source` without running it (a grader runs it later; the errors are all there).
    /// Under the session's stop token, so an interrupt ends the reading of a huge text; a Ctrl-C
    /// from before is forgotten, as a run forgets it. An interrupt that ends the reading has
    /// been answered: it is not left pending for the next run.
    public func parse(_ source: SourceFile) throws(RunError) -> Program {
        let stop = interpreter.stop
        stop.forgetEarlierInterrupts()
        do {
            return try onLargeStack { () throws(RunError) in
                try stop.whileRunning { () throws(RunError) in Program(statements: try Self.statements(of: source), source: source) }
            }
        } catch {
            if error.kind == .interrupted { stop.clear() }
            throw error
        }
    }

    /// Runs a program's text under a name used in messages (a file's path, `<answer>`, "").
    public func run(_ text: String, name: String = "") throws(RunError) {
        try run(SourceFile(name: name, text: text))
    }

    public func run(_ source: SourceFile) throws(RunError) {
        try run(parse(source), afterParsing: true)
    }

    /// Runs parsed statements within the environment's time limit; output goes out as it
    /// happens. After an error the workspace keeps whatever ran before it.
    public func run(_ program: Program) throws(RunError) {
        try run(program, afterParsing: false)
    }

    /// `afterParsing`: the program was parsed just now, as part of this run, so an interrupt
    /// that came while it was read (after `parse` forgot the earlier ones) is meant for it.
    private func run(_ program: Program, afterParsing: Bool) throws(RunError) {
        do {
            try guarded(afterParsing: afterParsing) { () throws(Diagnostic) in try interpreter.execute(program.statements) }
        } catch {
            throw triesFixes ? RepairHint.attach(to: error, in: program, session: self) : error
        }
    }

    /// Evaluates one expression to its value without showing it (lessons, tests).
    public func evaluate(_ text: String, name: String = "") throws(RunError) -> Value {
        let program = try parse(SourceFile(name: name, text: text))
        guard program.statements.count == 1, case .expression(let e, _) = program.statements[0].kind else {
            throw RunError(Diagnostic("expected one expression", at: program.statements.first?.range))
        }
        return try guarded(afterParsing: true) { () throws(Diagnostic) in try interpreter.evaluate(e, statements: program.statements) }
    }

    /// `:explain`: runs `text` recording every sub-expression written in it with its value.
    public func explain(_ text: String) -> (ExplainTrace, RunError?) {
        var trace = ExplainTrace()
        let source = SourceFile(name: "", text: text)
        interpreter.observer = { expr, value in trace.record(expr, value, in: source) }
        defer { interpreter.observer = nil }
        do {
            try run(source)
            return (trace, nil)
        } catch {
            return (trace, error)
        }
    }

    /// Stops this session's run in progress from any thread (a Jupyter interrupt, a test).
    public var interrupter: Interrupter { Interrupter(token: interpreter.stop) }

    /// Every run: on a large stack (hosts need not remember to), under this session's stop
    /// token (its Ctrl-C, interrupt and time limit), and ending with no stop left pending.
    /// `afterParsing`: the run's text was read just now (see `run(_:afterParsing:)`), and the
    /// stops that came before the reading are forgotten already.
    private func guarded<T>(afterParsing: Bool = false, _ body: () throws(Diagnostic) -> T) throws(RunError) -> T {
        let stop = interpreter.stop
        if !afterParsing { stop.startRun() }
        stop.setDeadline(after: environment.timeLimit)
        defer { stop.setDeadline(after: nil) }
        do {
            return try onLargeStack { () throws(Diagnostic) in try stop.whileRunning(body) }
        } catch {
            if error.stop == .interrupted { stop.clear() }
            throw RunError(error)
        }
    }

    // MARK: - State

    /// The variables and functions: a value, cheap to copy, so hosts keep and restore it.
    public var workspace: Workspace {
        get { interpreter.workspace }
        set { interpreter.workspace = newValue }
    }

    public subscript(variable name: String) -> Value? {
        get { interpreter[variable: name] }
        set { interpreter[variable: name] = newValue }
    }

    /// numpy's generator, saved and restored with the workspace by lessons.
    public var rng: NumpyRandom {
        get { interpreter.rng }
        set { interpreter.rng = newValue }
    }

    public func seed(_ s: UInt32) { interpreter.rng.seed(s) }

    /// The checks recorded since the last call (under `CheckMode.record`), in the order they ran.
    public func takeChecks() -> [CheckRecord] {
        defer { interpreter.recordedChecks = [] }
        return interpreter.recordedChecks
    }

    /// Forgets what one run may leave for the next besides the workspace: the figure and `hold`,
    /// the stopwatch, the progress switch, the random stream (seeded with `seed`).
    public func resetRunState(seed: UInt32 = 0) {
        interpreter.plotting = Plotting()
        interpreter.stopwatch = nil
        interpreter.lastComparison = nil
        interpreter.recordedChecks = []
        interpreter.rng.seed(seed)
    }

    /// Writes every variable and function to `path` (Octave's text format, functions as source).
    public func saveWorkspace(to path: String) throws(RunError) {
        do { try interpreter.saveWorkspace(to: path) } catch { throw RunError(error) }
    }

    /// Adds the variables and functions in `path` to the workspace; gives the variables' names.
    @discardableResult public func loadWorkspace(from path: String) throws(RunError) -> [String] {
        do { return try interpreter.loadWorkspace(from: path) } catch { throw RunError(error) }
    }

    /// Writes a program of the workspace's `contents` to `path` (`:save FILE.nnl`).
    public func saveProgram(_ contents: ProgramContents, to path: String) throws(RunError) {
        do { try interpreter.programText(contents).write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw RunError(Diagnostic("cannot write \(path): \(error.localizedDescription)"))
        }
    }

    /// The program text `:save FILE.nnl` would write.
    public func programText(_ contents: ProgramContents) -> String { interpreter.programText(contents) }

    /// Runs the program in `path` in the workspace (`:load FILE.nnl`, as `source FILE`).
    public func runProgram(at path: String) throws(RunError) {
        try guarded { () throws(Diagnostic) in try interpreter.runProgram(at: URL(fileURLWithPath: path), named: path, at: nil) }
    }

    /// The functions protected code defined (a grader's `%% setup`), as a struct of handles.
    public var protectedFunctions: Value { .structure(interpreter.protectedFunctionHandles) }

    /// The figure the next `plot` replaces (or adds to under `hold on`).
    public var currentFigure: Figure? { interpreter.plotting.figure }

    public var builtinNames: [String] { interpreter.builtinNames }
    public func help(for name: String) -> String? { interpreter.help(for: name) }
}

/// A handle that stops one session's run in progress: "interrupted", the workspace kept.
public struct Interrupter: Sendable {
    let token: StopToken
    public func interrupt() { token.request() }
    /// Forgets a stop no run took (one that came between runs), Ctrl-C's too.
    public func forget() { token.clear() }
}

/// Parsed statements, ready to run, with the file they were read from: the syntax points
/// into it without holding it, so the program does.
public struct Program: Sendable {
    let statements: [Stmt]
    public let source: SourceFile

    /// True for text with nothing to run (blank lines and comments).
    public var isEmpty: Bool { statements.isEmpty }

    /// Whether its last statement shows a value (`1 + 1`, `x = 2` without `;`): a notebook makes
    /// that value the cell's result.
    public var lastStatementShows: Bool {
        switch statements.last?.kind {
        case .expression(_, let printing)?, .assign(_, _, let printing)?, .multiAssign(_, _, let printing)?: printing
        default: false
        }
    }

    /// The variables it assigns outside functions, in blocks too: a grader clears them before a
    /// test, so that a student's leftover `grads = "todo"` cannot break `grads.dW1 = …` there.
    public var assignedNames: Set<String> { Set(Self.assignments(in: statements).map(\.name)) }

    /// The names of the functions it defines.
    public var definedFunctions: Set<String> {
        Set(statements.compactMap { if case .function(let f) = $0.kind { f.name } else { nil } })
    }

    /// Its function definitions without its other statements: a grader whose worker was killed
    /// in a submission's top level gives the tests the functions alone.
    public var functionsOnly: Program {
        Program(statements: statements.filter { if case .function = $0.kind { true } else { false } }, source: source)
    }
}

/// The answer to "may this text run yet?" (the REPL's `...>`, Jupyter's `is_complete`).
public enum Completeness: Equatable, Sendable {
    case complete
    /// An open block or bracket; `indent` is what the next line would naturally start with.
    case incomplete(indent: String)
    case invalid
}
