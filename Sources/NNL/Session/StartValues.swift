/// Which assignments set a value written out in full (`x_left = -2`, `y = zeros(1, 3)`) and
/// which compute one. A lesson takes an input of written-out values as the start of an answer
/// built over several inputs (the loop comes next), not as the answer itself.
extension Program {
    /// The variables the program sets, when all it does is set variables to written-out values;
    /// nil when any statement does something else.
    public var startValues: [String]? {
        var names: [String] = []
        for s in statements {
            guard case .assign(let target, let value, _) = s.kind, target.path.isEmpty, value.isWrittenOut else { return nil }
            names.append(target.base.name)
        }
        return names.isEmpty ? nil : names
    }

    /// Whether it has a `for` or `while` loop outside functions: an answer computed by steps.
    public var hasLoop: Bool {
        statements.contains { s in
            switch s.kind {
            case .forLoop, .whileLoop: true
            default: false
            }
        }
    }

    /// The variables it computes, in blocks too: assigned anything but a written-out value, or
    /// assigned through an index or a field (`y(i) = x(i)^2` fills in what `zeros` made).
    public var computedNames: Set<String> {
        Set(Self.assignments(in: statements).filter { !$0.writtenOut }.map(\.name))
    }

    /// Every assignment outside functions, in blocks too: the name, and whether the whole
    /// variable gets a written-out value (a loop's variable does not).
    static func assignments(in statements: [Stmt]) -> [(name: String, writtenOut: Bool)] {
        statements.flatMap { s -> [(name: String, writtenOut: Bool)] in
            switch s.kind {
            case .assign(let target, let value, _): [(target.base.name, target.path.isEmpty && value.isWrittenOut)]
            case .multiAssign(let targets, _, _): targets.compactMap { $0.map { ($0.base.name, false) } }
            case .ifChain(let branches, let otherwise): branches.flatMap { assignments(in: $0.body) } + assignments(in: otherwise ?? [])
            case .forLoop(let variable, _, let body): [(variable.name, false)] + assignments(in: body)
            case .whileLoop(_, let body): assignments(in: body)
            case .switchChain(_, let cases, let otherwise): cases.flatMap { assignments(in: $0.body) } + assignments(in: otherwise ?? [])
            case .expression, .breakLoop, .continueLoop, .returnFromFunction, .function: []
            }
        }
    }
}

extension Expr {
    /// Numbers, text and the shapes made of them: `-2`, `[1 2; 3 4]`, `1:10`, `zeros(4, 1)`, `pi/4`.
    /// Nothing in it reads a variable or calls a function of the learner's.
    var isWrittenOut: Bool {
        switch kind {
        case .number, .string: true
        case .name(let id): Self.writtenOutNames.contains(id.name)
        case .unary(_, let e), .transpose(let e): e.isWrittenOut
        case .binary(_, let a, let b, _): a.isWrittenOut && b.isWrittenOut
        case .range(let start, let step, let stop): start.isWrittenOut && (step?.isWrittenOut ?? true) && stop.isWrittenOut
        case .matrix(let rows): rows.allSatisfy { $0.allSatisfy(\.isWrittenOut) }
        case .call(let callee, let arguments):
            callee.makesFilledShapes && arguments.allSatisfy { $0.value.isWrittenOut }
        case .qualifiedName, .shortCircuit, .field, .dynamicField, .variadicArgument, .colon, .end, .anonymousFunction, .functionHandle: false
        }
    }

    private static let writtenOutNames: Set<String> = ["pi", "Inf", "inf", "NaN", "nan", "true", "false", "True", "False"]

    /// `zeros`, `ones`, `eye` (and numpy's `np.zeros`, `np.ones`): room made for an answer.
    private var makesFilledShapes: Bool {
        switch kind {
        case .name(let id): ["zeros", "ones", "eye"].contains(id.name)
        case .qualifiedName(let name): ["np.zeros", "np.ones", "np.eye"].contains(name)
        default: false
        }
    }
}
