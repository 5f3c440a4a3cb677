import NNLMatrix

/// A function the language provides. Its help text and example live beside its code.
/// A class: a call site keeps the builtin it reaches (`CallTarget`), and copying a struct of
/// strings, arrays and a closure cost a dozen reference counts on every call.
final class Builtin: @unchecked Sendable {  // immutable once made
    let name: String
    /// Other names for the same function, such as numpy's spelling (`np.tanh` for `tanh`).
    let aliases: [String]
    /// First line: the call forms; then what it does.
    let help: String
    /// Code that runs as it is; `help` shows it and the tests run it.
    let example: String
    /// How many positional arguments it takes; checked before the body runs.
    let arity: ClosedRange<Int>
    /// Keyword arguments it accepts (`axis=`, `keepdims=`).
    let keywords: Set<String>
    let body: (inout BuiltinCall) throws(Diagnostic) -> [Value]
    /// The direct form of a function of one matrix, element by element (tanh, log): `tanh(z)`
    /// with z a matrix runs it on z without an argument list or a `BuiltinCall`
    /// (`Interpreter.callElementwise`). Nil for every other builtin.
    let elementwise: Elementwise?

    typealias Elementwise = (consuming Matrix, SourceRange, Interpreter) throws(Diagnostic) -> Matrix

    init(name: String, aliases: [String] = [], help: String, example: String, arity: ClosedRange<Int> = 0...Int.max,
         keywords: Set<String> = [], elementwise: Elementwise? = nil,
         body: @escaping (inout BuiltinCall) throws(Diagnostic) -> [Value]) {
        self.name = name
        self.aliases = aliases
        self.help = help
        self.example = example
        self.arity = arity
        self.keywords = keywords
        self.elementwise = elementwise
        self.body = body
    }

    /// A function of one matrix given by its direct form. Any call the direct form does not take
    /// (text, two arguments, a keyword, a call through a handle) goes through `body`, which
    /// checks the arguments as every builtin does and then runs the same form.
    convenience init(name: String, aliases: [String] = [], help: String, example: String,
                     elementwise: @escaping Elementwise) {
        self.init(name: name, aliases: aliases, help: help, example: example, arity: 1...1, elementwise: elementwise,
                  body: { c throws(Diagnostic) in [.matrix(try elementwise(c.takeMatrix(0), c.range, c.interpreter))] })
    }

    /// Runs the body after checking the arguments against the declaration.
    func call(_ c: inout BuiltinCall) throws(Diagnostic) -> [Value] {
        try c.checkKeywords(keywords)
        try c.count(arity)
        return try body(&c)
    }
}

/// The arguments of one builtin call, with helpers that turn wrong arguments into errors.
struct BuiltinCall {
    let interpreter: Interpreter
    let name: String
    var args: [Value]
    var keywords: [String: Value]
    let nargout: Int
    let range: SourceRange
    /// The arguments as written, when the call was written out (not through feval).
    var syntax = ArgumentSyntax()
    /// The frame of the code that made the call, when known: `who`, `exist` and `clear` inside a
    /// function see that function's variables, never the caller's or the workspace's.
    var callerFrame: Frame?

    /// Argument i as written, for messages that name it; the whole call when unknown.
    func argumentExpr(_ i: Int) -> Expr {
        syntax.positional(i) ?? Expr(.name(Identifier("argument \(i + 1)", range: range)), range)
    }

    func checkKeywords(_ accepted: Set<String>) throws(Diagnostic) {
        for k in keywords.keys where !accepted.contains(k) {
            let hint = accepted.isEmpty ? "\(name) takes no keyword arguments"
                : "it accepts: \(accepted.sorted().map { $0 + "=" }.joined(separator: ", "))"
            throw Diagnostic.fixable("`\(name)` has no keyword argument `\(k)=`", at: range, hint: hint)
        }
    }

    func count(_ allowed: ClosedRange<Int>) throws(Diagnostic) {
        guard allowed.contains(args.count) else {
            let expected = allowed.lowerBound == allowed.upperBound ? "\(allowed.lowerBound)"
                : allowed.upperBound == Int.max ? "at least \(allowed.lowerBound)"
                : "\(allowed.lowerBound) to \(allowed.upperBound)"
            throw Diagnostic("`\(name)` takes \(expected) argument\(allowed == 1...1 ? "" : "s") but was given \(args.count)",
                             at: range, hint: "see `help \(name)`")
        }
    }

    func matrix(_ i: Int) throws(Diagnostic) -> Matrix {
        switch args[i] {
        case .matrix(let m): return m
        case .string(let s): return Matrix(row: s.unicodeScalars.map { Double($0.value) })
        default:
            throw Diagnostic("argument \(i + 1) of `\(name)` must be numbers, not a \(args[i].className)", at: range)
        }
    }

    /// A result with argument i's kind: text in, text out (Octave's `sort('hello')` is 'ehllo').
    func sameKind(as i: Int, _ m: Matrix) -> Value {
        if case .string = args[i], m.rows <= 1 { return .string(text(fromCodes: m)) }
        return .matrix(m)
    }

    /// Argument i as a matrix, let go of by the argument list, so that a temporary argument
    /// (`sigmoid(W2*A1 + b2)`) is uniquely referenced and the kernel may reuse its storage.
    mutating func takeMatrix(_ i: Int) throws(Diagnostic) -> Matrix {
        let m = try matrix(i)
        args[i] = .string("")
        return m
    }

    func scalar(_ i: Int) throws(Diagnostic) -> Double {
        let m = try matrix(i)
        guard m.count == 1 else {
            throw Diagnostic("argument \(i + 1) of `\(name)` must be a single number, but it is \(m.rows)×\(m.cols)", at: range)
        }
        return m.scalar
    }

    /// A whole number, such as a size or a dimension.
    func integer(_ i: Int, minimum: Int = 0) throws(Diagnostic) -> Int {
        try integer(try scalar(i), what: "argument \(i + 1) of `\(name)`", minimum: minimum)
    }

    /// `what` names the number in a message; made only for one (`sum(X, 2)` runs in loops).
    func integer(_ x: Double, what: @autoclosure () -> String, minimum: Int = 0) throws(Diagnostic) -> Int {
        guard x == x.rounded(), x >= Double(minimum) else {
            throw Diagnostic("\(what()) must be a whole number ≥ \(minimum), not \(formatNumberForMessage(x))", at: range)
        }
        guard x < 1e15 else {
            throw Diagnostic("\(what()) is too large (10^15 or more): no matrix can hold that many elements", at: range)
        }
        return Int(x)
    }

    func string(_ i: Int) throws(Diagnostic) -> String {
        guard case .string(let s) = args[i] else {
            throw Diagnostic("argument \(i + 1) of `\(name)` must be text, not a \(args[i].className)", at: range)
        }
        return s
    }

    func keyword(_ k: String) -> Value? { keywords[k] }

    func keywordBool(_ k: String) throws(Diagnostic) -> Bool? {
        guard let v = keywords[k] else { return nil }
        guard case .matrix(let m) = v, m.count == 1 else {
            throw Diagnostic("`\(k)=` must be true or false", at: range)
        }
        return m.scalar != 0
    }

    /// a×b for a size, as an error when it does not fit in an Int (`repmat(X, 1e15, 1e15)`).
    func sizeProduct(_ a: Int, _ b: Int) throws(Diagnostic) -> Int {
        let (n, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else {
            throw Diagnostic("`\(name)` was asked for more elements than any computer holds (\(a) × \(b))", at: range)
        }
        return n
    }

    func allocate(_ rows: Int, _ cols: Int) throws(Diagnostic) -> Matrix {
        try interpreter.allocate(rows: rows, cols: cols, at: range)
    }

    func kernel(_ body: () throws(MatrixError) -> Matrix) throws(Diagnostic) -> Value {
        .matrix(try interpreter.kernel(range, body))
    }
}

/// A call's arguments as written, for messages that name an operand: kept as the syntax tree has
/// them, and the positional ones picked out only when a message asks (not on every call).
struct ArgumentSyntax {
    /// `X` in `X.reshape(2, 3)`: the first positional argument of np.reshape.
    var receiver: Expr? = nil
    var arguments: [CallArgument] = []

    func positional(_ i: Int) -> Expr? {
        let written = arguments.lazy.filter { $0.keyword == nil }.map(\.value)
        let all = (receiver.map { [$0] } ?? []) + written
        return i < all.count ? all[i] : nil
    }
}

/// All builtins by name, built once. User code cannot change this table.
struct BuiltinTable: Sendable {
    private let table: [String: Builtin]
    let names: [String]

    /// Every name and alias must be new: `duplicateNames` says which are not, and debug builds
    /// stop at start-up rather than let one silently replace another.
    init(_ groups: [[Builtin]]) {
        var table: [String: Builtin] = [:]
        for b in groups.joined() {
            for name in [b.name] + b.aliases { table[name] = b }
        }
        self.table = table
        names = table.keys.sorted()
        all = groups.joined().sorted { $0.name < $1.name }
        assert(BuiltinTable.duplicateNames(groups).isEmpty,
               "builtins declared twice: \(BuiltinTable.duplicateNames(groups).joined(separator: ", "))")
    }

    static func duplicateNames(_ groups: [[Builtin]]) -> [String] {
        var seen: Set<String> = [], duplicates: [String] = []
        for name in groups.joined().flatMap({ [$0.name] + $0.aliases }) where !seen.insert(name).inserted {
            duplicates.append(name)
        }
        return duplicates
    }

    subscript(name: String) -> Builtin? { table[name] }

    func help(for name: String) -> String? {
        guard let b = table[name] else { return nil }
        let also = ([b.name] + b.aliases).filter { $0 != name }
        return b.help + (also.isEmpty ? "" : "\nAlso called: \(also.joined(separator: ", ")).")
            + "\n\nExample:\n" + b.example.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
    }

    /// Each builtin once, under its own name.
    let all: [Builtin]
}

