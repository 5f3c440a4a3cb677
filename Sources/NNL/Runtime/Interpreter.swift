import Foundation
import Interruption
import NNLMatrix

/// Runs programs against a workspace. Hosts reach it through `Session`, which owns one;
/// not shared between threads.
final class Interpreter {
    /// Names of the top-level scope, shared by every workspace this interpreter makes.
    let globals = Scope()
    let globalFrame: Frame
    var functions: [String: FunctionDecl] = [:] {
        didSet { callees.invalidate() }
    }
    /// Which function or builtin each call site reaches; renewed when `functions` or the protection change.
    var callees = CallSiteCache()
    /// The random generator's state: lessons save and restore it with the workspace, so
    /// a learner's answer and the hidden solution draw the same numbers.
    var rng = NumpyRandom()
    let builtins: BuiltinTable
    /// What the host asked for: where output goes, files, checks, protection.
    var environment: SessionEnvironment {
        didSet { callees.invalidate() }
    }
    var limits = Limits()
    /// Ctrl-C and the time limit of the run in progress.
    let stop = StopToken()
    /// Sees every sub-expression's value as it is computed (`:explain`).
    var observer: ((Expr, Value) -> Void)?
    /// Figures and `hold`: state of the session, reset for each graded test.
    var plotting = Plotting()
    /// The operands of the latest `allclose`/`isequal`, for the `check` around it.
    var lastComparison: Comparison?
    /// Checks recorded under `CheckMode.record`, in the order they ran.
    var recordedChecks: [CheckRecord] = []

    var callDepth = 0
    var endContext: [(value: Value, position: Int, count: Int)] = []
    var pollCounter = 0
    var stopwatch: Date?
    /// Learner-trap warnings already given (`sqrt` of a negative…): each is shown once.
    var warnedOnce: Set<String> = []

    init(environment: SessionEnvironment) {
        builtins = BuiltinTable.standard
        globalFrame = Frame(size: 0, names: [])
        self.environment = environment
    }

    // MARK: - Workspace

    var workspace: Workspace {
        get {
            var w = Workspace(scope: globals)
            w.values = globalFrame.values
            w.functions = functions
            return w
        }
        set {
            precondition(newValue.scope === globals, "a workspace from another interpreter")
            globalFrame.values = newValue.values
            functions = newValue.functions
        }
    }

    subscript(variable name: String) -> Value? {
        get { workspace[name] }
        set { globalFrame[globals.slot(for: name)] = newValue }
    }

    var builtinNames: [String] { builtins.names }
    func help(for name: String) -> String? { builtins.help(for: name) }

    // MARK: - Output

    func output(_ text: String) { environment.output(.text(text)) }
    func errorOutput(_ text: String) { environment.output(.errorText(text)) }
    func warn(_ d: Diagnostic) { environment.output(.warning(d)) }

    func show(_ name: String, _ value: Value) {
        environment.output(.value(name: name, value: value, text: display(name: name, value: value, options: environment.display)))
    }

    // MARK: - Running

    /// Runs parsed statements at top level: functions first (so a script may call a
    /// function defined below), then every statement in order.
    func execute(_ statements: [Stmt]) throws(Diagnostic) {
        endContext = []
        callDepth = 0
        try executeInWorkspace(statements)
    }

    /// Runs statements at the workspace's level: a program, or one that `source` reads.
    func executeInWorkspace(_ statements: [Stmt]) throws(Diagnostic) {
        var resolver = Resolver(scope: globals)
        resolver.resolve(statements)
        for s in statements { if case .function(let f) = s.kind { define(f) } }
        let frame = globalFrame
        frame.values += Array(repeating: nil, count: max(0, globals.count - frame.values.count))
        if case .returnFromFunction = try executeBlock(statements, frame) {}
    }

    /// Evaluates one parsed expression at top level, without showing it.
    func evaluate(_ e: Expr, statements: [Stmt]) throws(Diagnostic) -> Value {
        var resolver = Resolver(scope: globals)
        resolver.resolve(statements)
        globalFrame.values += Array(repeating: nil, count: max(0, globals.count - globalFrame.values.count))
        return try eval(e, globalFrame)
    }

    func seed(_ s: UInt32) { rng.seed(s) }

    func define(_ f: FunctionDecl) {
        functions[definedName(of: f)] = f
    }

    // MARK: - Statements

    enum Flow { case normal, breakLoop, continueLoop, returnFromFunction }

    func executeBlock(_ statements: [Stmt], _ frame: Frame) throws(Diagnostic) -> Flow {
        for s in statements {
            try poll(at: s.range)  // straight-line code hears a stop too, not only loops and calls
            let flow = try execute(s, frame)
            if flow != .normal { return flow }
        }
        return .normal
    }

    func execute(_ s: Stmt, _ frame: Frame) throws(Diagnostic) -> Flow {
        // Read twice rather than bound: a binding retains and releases it, every statement.
        if s.plainAssignment != nil {
            try execute(s.plainAssignment!, frame)
            return .normal
        }
        switch s.kind {
        case .expression(let e, let printing):
            try executeExpressionStatement(e, printing: printing, frame)
        case .assign(let target, let e, let printing):
            try assign(eval(e, frame), to: target, frame)
            if printing { show(target.base.name, frame[target.base.slot]!) }
        case .multiAssign(let targets, let e, let printing):
            try executeMultiAssign(targets, e, printing: printing, frame)
        case .ifChain(let branches, let otherwise):
            for branch in branches where try isTrue(eval(branch.condition, frame), at: branch.condition.range) {
                return try executeBlock(branch.body, frame)
            }
            if let otherwise { return try executeBlock(otherwise, frame) }
        case .forLoop(let variable, let sequence, let body):
            return try executeFor(variable, sequence, body, frame)
        case .whileLoop(let condition, let body):
            while try isTrue(eval(condition, frame), at: condition.range) {
                try poll(at: condition.range)
                let flow = try executeBlock(body, frame)
                if flow == .breakLoop { break }
                if flow == .returnFromFunction { return flow }
            }
        case .switchChain(let subject, let cases, let otherwise):
            return try executeSwitch(subject, cases, otherwise: otherwise, frame)
        case .breakLoop: return .breakLoop
        case .continueLoop: return .continueLoop
        case .returnFromFunction: return .returnFromFunction
        case .function(let f): define(f)
        }
        return .normal
    }

    /// `x = e`; `x = x op e` updates x in place when x holds a matrix.
    private func execute(_ assignment: PlainAssignment, _ frame: Frame) throws(Diagnostic) {
        let slot = assignment.target.slot
        if assignment.update != nil, observer == nil, frame.holdsMatrix(at: slot) {
            try self.update(slot, assignment.update!, frame)
        } else {
            frame.store(try eval(assignment.value, frame), at: slot)
        }
        if assignment.printing { show(assignment.target.name, frame[slot]!) }
    }

    /// `x = x op e` where x holds a matrix: the result is written over x's own storage when
    /// nothing else shares it, so `W1 = W1 - alpha * dW1` allocates nothing.
    /// e is evaluated first, with x still in place (e may read x; then x is shared and the
    /// kernel copies). Expressions cannot assign variables, so x is then the value the ordinary
    /// left-to-right order would have read. x leaves its slot only for the kernel itself, and
    /// goes back unchanged when the operation fails, so an error leaves the workspace as it was.
    private func update(_ slot: Int, _ update: PlainAssignment.SelfUpdate, _ frame: Frame) throws(Diagnostic) {
        let b = try eval(update.right, frame)
        guard frame.holdsMatrix(at: slot), case .matrix(var x)? = frame.values[slot].take() else {
            return frame[slot] = try binary(update.op, eval(update.left, frame), b, left: update.left, right: update.right,
                                            at: update.opRange)
        }
        do {
            let y = try numeric(b, for: update.op.rawValue, at: update.right.range)
            try apply(update.op, to: &x, y, left: update.left, right: update.right, at: update.opRange)
        } catch {
            frame[slot] = .matrix(x)
            throw error
        }
        frame[slot] = .matrix(x)
    }

    private func executeExpressionStatement(_ e: Expr, printing: Bool, _ frame: Frame) throws(Diagnostic) {
        // A call whose function returns nothing (`disp(x)`) sets no `ans`.
        let values = try evalMulti(e, frame, nargout: 0)
        guard let value = values.first else { return }
        if case .name(let id) = e.kind, frame[id.slot] != nil {
            if printing { show(id.name, value) }
            return
        }
        globalOrLocalAns(frame, value)
        if printing { show("ans", value) }
    }

    private func globalOrLocalAns(_ frame: Frame, _ value: Value) {
        if frame === globalFrame {
            frame[globals.slot(for: "ans")] = value
        }
    }

    private func executeMultiAssign(_ targets: [LValue?], _ e: Expr, printing: Bool, _ frame: Frame) throws(Diagnostic) {
        let values = try evalMulti(e, frame, nargout: targets.count)
        if values.count < targets.count, let missing = targets[values.count...].firstIndex(where: { $0 != nil }) {
            throw Diagnostic("this call gives \(values.count) value\(values.count == 1 ? "" : "s") but \(targets.count) are assigned",
                             at: targets[missing]?.range ?? e.range)
        }
        for (target, value) in zip(targets, values) {
            guard let target else { continue }
            try assign(value, to: target, frame)
            if printing { show(target.base.name, frame[target.base.slot]!) }
        }
    }

    /// `for` runs over the columns of its value, as Octave does (a row vector gives scalars).
    private func executeFor(_ variable: Identifier, _ sequence: Expr, _ body: [Stmt], _ frame: Frame) throws(Diagnostic) -> Flow {
        let seq = try eval(sequence, frame)
        let columns: Int
        switch seq {
        case .matrix(let m): columns = m.isEmpty ? 0 : m.cols
        case .string(let s): columns = s.count
        default: columns = 1
        }
        // Octave leaves the variable as the empty sequence after a loop over nothing (1:0 gives 1×0).
        if columns == 0 { frame[variable.slot] = seq.className == "double" ? seq : .matrix(Matrix.empty()) }
        let progress = columns >= LoopProgress.minimumIterations && plotting.progressEnabled ? environment.progress : nil
        progress?.loopStarted(iterations: columns)
        defer { progress?.loopEnded() }
        for c in 0..<columns {
            frame.store(try column(c, of: seq, at: sequence.range), at: variable.slot)
            let flow = try executeBlock(body, frame)
            if flow == .breakLoop { break }
            if flow == .returnFromFunction { return flow }
            try poll(at: sequence.range)
            if (c + 1) & (LoopProgress.reportEvery - 1) == 0 { progress?.loopAdvanced(done: c + 1) }
        }
        return .normal
    }

    private func column(_ c: Int, of value: Value, at range: SourceRange) throws(Diagnostic) -> Value {
        switch value {
        case .matrix(let m):
            if m.rows == 1 { return .scalar(m[0, c]) }
            var col = try allocate(rows: m.rows, cols: 1, at: range)
            for r in 0..<m.rows { col[r] = m[r, c] }
            col.isLogical = m.isLogical
            return .matrix(col)
        case .string(let s):
            return .string(String(s[s.index(s.startIndex, offsetBy: c)]))
        default:
            return value
        }
    }

    /// Octave's truth: non-empty and every element nonzero.
    func isTrue(_ value: Value, at range: SourceRange) throws(Diagnostic) -> Bool {
        switch value {
        case .matrix(let m):
            if m.isEmpty { return false }
            for i in 0..<m.count where m[i] == 0 { return false }
            for i in 0..<m.count where m[i].isNaN {
                throw Diagnostic("a condition cannot be NaN", at: range)
            }
            return true
        case .string(let s): return !s.isEmpty && !s.unicodeScalars.contains { $0.value == 0 }
        default:
            throw Diagnostic("a \(value.className) cannot be used as a condition", at: range)
        }
    }

    /// Every matrix a program creates passes here, so caps become errors with a place.
    func allocate(rows: Int, cols: Int, at range: SourceRange?) throws(Diagnostic) -> Matrix {
        do {
            return try Matrix(uninitializedRows: rows, cols: cols)
        } catch {
            throw Diagnostic(error, at: range)
        }
    }
}

