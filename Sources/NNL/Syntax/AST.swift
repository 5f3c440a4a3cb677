/// The syntax tree. Nodes are classes so names can carry their resolved slot
/// (filled in once by `Resolver`) and every node keeps its source range.

/// A name in the program. `slot` indexes the frame of the scope it was resolved in.
final class Identifier: @unchecked Sendable {
    public let name: String
    public let range: SourceRange
    var slot = -1

    init(_ name: String, range: SourceRange) {
        self.name = name
        self.range = range
    }
}

final class Expr: @unchecked Sendable {
    public let kind: Kind
    public let range: SourceRange
    /// A number literal's value, made once: evaluating `1/m` in a loop allocates nothing for
    /// the `1`. Shared, so no kernel writes over it (they check for unique references).
    let constant: Value?
    /// For a called name: what it meant when last called (see `CallSiteCache`).
    var callee: CallSiteBinding?
    /// The name of a `.name` node, read without a pattern over `kind`, which copies the payload
    /// of every case (~180 instructions) where a call's callee is examined.
    let identifier: Identifier?
    /// The evaluator's hot path reads these stored parts instead of switching over `kind`,
    /// which copies the whole 57-byte payload to the stack (and retains each node it binds).
    let form: Form
    /// The operand of a unary operator or a transpose, a binary operator's left operand, a
    /// call's callee; `right` is a binary operator's right operand.
    let left: Expr?
    let right: Expr?
    /// A binary operator and where it stands.
    let binaryOperator: BinaryOperator?
    let operatorRange: SourceRange
    /// A call's arguments.
    let arguments: [CallArgument]

    enum Form: UInt8 { case number, name, binary, transpose, call, other }

    init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
        if case .number(let x) = kind { constant = .scalar(x) } else { constant = nil }
        if case .name(let id) = kind { identifier = id } else { identifier = nil }
        var parts: (Form, Expr?, Expr?, BinaryOperator?, SourceRange, [CallArgument]) = (.other, nil, nil, nil, range, [])
        switch kind {
        case .number: parts.0 = .number
        case .name: parts.0 = .name
        case .binary(let op, let a, let b, let opRange): parts = (.binary, a, b, op, opRange, [])
        case .transpose(let operand): (parts.0, parts.1) = (.transpose, operand)
        case .unary(_, let operand): parts.1 = operand
        case .call(let callee, let args): (parts.0, parts.1, parts.5) = (.call, callee, args)
        default: break
        }
        (form, left, right, binaryOperator, operatorRange, arguments) = parts
    }

    public enum Kind {
        case number(Double)
        case string(String)
        case name(Identifier)
        /// `np.sum`, `np.random.seed`: a builtin in the numpy namespace.
        case qualifiedName(String)
        case unary(UnaryOperator, Expr)
        /// `op` is where the operator stands, for the caret of a shape error.
        case binary(BinaryOperator, Expr, Expr, op: SourceRange)
        case shortCircuit(isAnd: Bool, Expr, Expr)
        case transpose(Expr)
        case range(start: Expr, step: Expr?, stop: Expr)
        /// `f(args)` or `X(args)`: a call or an index, decided when it runs.
        case call(Expr, [CallArgument])
        case field(Expr, String)
        /// `s.(name)`: the field whose name is the text `name` evaluates to.
        case dynamicField(Expr, Expr)
        /// `varargin{k}`, `varargin{:}`: extra inputs of a function whose last parameter is varargin.
        case variadicArgument([CallArgument])
        case matrix([[Expr]])
        /// A lone `:` in an index: every position.
        case colon
        /// `end` in an index: the last position of the dimension being indexed.
        case end
        case anonymousFunction(AnonymousFunctionDecl)
        case functionHandle(String)
    }
}

struct CallArgument: Sendable {
    public var keyword: String?
    public var value: Expr
}

enum UnaryOperator: String, Sendable {
    case negate = "-", plus = "+", not = "!"
}

enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", matrixMultiply = "*", divide = "/", leftDivide = "\\"
    case elementMultiply = ".*", elementDivide = "./", matrixPower = "^", elementPower = ".^"
    /// numpy's `@`: the matrix product, as `*`.
    case matmul = "@"
    /// `**`: numpy's element-wise power for every shape (see `help **`).
    case starPower = "**"
    case equal = "==", notEqual = "~=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "&", or = "|"
}

/// `@(x, y) body`: parameters get the first slots of its own scope; the names it
/// uses from outside are captured by value when the handle is created.
final class AnonymousFunctionDecl: @unchecked Sendable {
    let parameters: [Identifier]
    let body: Expr
    let text: String
    /// The file its ranges point into, held: a handle outlives the cell (or `str2func` text)
    /// that made it, and its body's errors quote that file.
    let source: SourceFile
    /// (slot inside the body, the enclosing name whose value is captured).
    var captures: [(inner: Int, outer: Identifier)] = []
    var frameSize = 0
    /// The body's names by slot, for "did you mean" in errors.
    var slotNames: [String] = []

    init(parameters: [Identifier], body: Expr, text: String, source: SourceFile) {
        self.parameters = parameters
        self.body = body
        self.text = text
        self.source = source
    }
}

final class Stmt: @unchecked Sendable {
    let kind: Kind
    let range: SourceRange
    /// `x = e` with no index or field, for the interpreter to read without a switch over `kind`,
    /// which copies the whole payload (a reference count for each part) each time a loop runs it.
    let plainAssignment: PlainAssignment?

    init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
        if case .assign(let target, let value, let printing) = kind, target.path.isEmpty {
            plainAssignment = PlainAssignment(target: target.base, value: value, printing: printing)
        } else {
            plainAssignment = nil
        }
    }

    enum Kind {
        case expression(Expr, printing: Bool)
        case assign(LValue, Expr, printing: Bool)
        /// `[a, ~, c] = f(...)`: nil targets are ignored outputs.
        case multiAssign([LValue?], Expr, printing: Bool)
        case ifChain([(condition: Expr, body: [Stmt])], otherwise: [Stmt]?)
        case forLoop(Identifier, Expr, [Stmt])
        case whileLoop(Expr, [Stmt])
        /// `switch x, case 1 ..., case {2, 3} ..., otherwise ... end`: a case lists its labels.
        case switchChain(Expr, [(labels: [Expr], body: [Stmt])], otherwise: [Stmt]?)
        case breakLoop, continueLoop, returnFromFunction
        case function(FunctionDecl)
    }
}

/// `x = e`, the parts of `Stmt.Kind.assign` when the target is a plain name.
final class PlainAssignment: @unchecked Sendable {
    let target: Identifier
    let value: Expr
    let printing: Bool
    /// `x = x op y`: the operator and its operands (`W = W - alpha*dW` can update W in place).
    let update: SelfUpdate?

    final class SelfUpdate: @unchecked Sendable {
        let op: BinaryOperator
        let left: Expr, right: Expr
        let opRange: SourceRange
        init(op: BinaryOperator, left: Expr, right: Expr, opRange: SourceRange) {
            (self.op, self.left, self.right, self.opRange) = (op, left, right, opRange)
        }
    }

    init(target: Identifier, value: Expr, printing: Bool) {
        (self.target, self.value, self.printing) = (target, value, printing)
        if case .binary(let op, let left, let right, let opRange) = value.kind,
           case .name(let id) = left.kind, id.name == target.name {
            update = SelfUpdate(op: op, left: left, right: right, opRange: opRange)
        } else {
            update = nil
        }
    }
}

/// The target of an assignment: a name followed by indexes and fields, `p.W(2, :)`.
struct LValue: Sendable {
    var base: Identifier
    var path: [Accessor]
    var range: SourceRange

    enum Accessor: Sendable {
        case index([CallArgument], SourceRange)
        case field(String, SourceRange)
        /// `p.(['W' num2str(l)]) = ...`: the name is evaluated when the assignment runs.
        case dynamicField(Expr, SourceRange)
    }
}

/// `function [a, b] = name(x, y) ... end`. Resolved once, with its own frame layout.
public final class FunctionDecl: @unchecked Sendable {
    public let name: String
    let parameters: [Identifier]
    let outputs: [Identifier]
    let body: [Stmt]
    let range: SourceRange
    /// The whole definition, `function` to `end`, as typed: `:save` writes it back.
    public let sourceText: String
    /// The file its ranges point into, held: a function outlives the cell that defined it.
    let source: SourceFile
    var frameSize = 0
    /// Every name of the frame by slot, for `who`-style errors and "did you mean".
    var slotNames: [String] = []
    /// Slots of `nargin` and `nargout` when the body uses them, found once by the resolver.
    var narginSlot: Int?
    var nargoutSlot: Int?
    /// Octave's `function f(a, varargin)`: any number of inputs after the named ones.
    var isVariadic: Bool { parameters.last?.name == "varargin" }

    init(name: String, parameters: [Identifier], outputs: [Identifier], body: [Stmt], range: SourceRange,
         sourceText: String, source: SourceFile) {
        self.name = name
        self.parameters = parameters
        self.outputs = outputs
        self.body = body
        self.range = range
        self.sourceText = sourceText
        self.source = source
    }
}

