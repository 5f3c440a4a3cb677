import NNLMatrix

/// Calls and indexing share one syntax, `f(x)`: a variable is indexed, anything
/// else is called — a user function first, then a builtin.
extension Interpreter {
    func evalCall(_ callee: Expr, _ args: [CallArgument], _ frame: Frame, nargout: Int,
                  at range: SourceRange) throws(Diagnostic) -> [Value] {
        switch callee.kind {
        case .name(let id):
            if let value = frame[id.slot] {
                // A handle in a variable gives all its outputs: `f = @max; [m, i] = f(x)`.
                if case .function = value {
                    let (values, keywords) = try evalArguments(args, frame)
                    return try callHandle(value, values, keywords: keywords, nargout: nargout, at: range)
                }
                return try [applyValue(value, args, frame, nargout: nargout, named: id.name, at: range)]
            }
            return try call(named: id.name, args, frame, nargout: nargout, site: callee, callerFrame: frame, at: range)
        case .qualifiedName(let name):
            return try call(named: name, args, frame, nargout: nargout, site: callee, callerFrame: nil, at: range)
        case .field(let object, let method) where Interpreter.numpyMethods.contains(method):
            // numpy's methods: `X.reshape(2, 3)` is np.reshape(X, 2, 3), `X.sum(axis=0)` np.sum(X, axis=0).
            let base = try eval(object, frame)
            guard case .matrix = base else {
                return [try applyValue(try field(method, of: base, at: callee.range), args, frame, nargout: nargout, named: nil, at: range)]
            }
            let (values, keywords) = try evalArguments(args, frame)
            return try call(named: "np." + method, args: [base] + values, keywords: keywords, nargout: nargout, at: range,
                            syntax: ArgumentSyntax(receiver: object, arguments: args))
        default:
            let base = try eval(callee, frame)
            if case .function = base {
                let (values, keywords) = try evalArguments(args, frame)
                return try callHandle(base, values, keywords: keywords, nargout: nargout, at: range)
            }
            return [try applyValue(base, args, frame, nargout: nargout, named: nil, at: range)]
        }
    }

    /// `f(args)` in an expression, where one value is wanted. Indexing a variable and an
    /// element-wise builtin of one argument give it without a list of results; the rest is `evalCall`.
    func evalCallValue(_ e: Expr, _ callee: Expr, _ args: [CallArgument], _ frame: Frame) throws(Diagnostic) -> Value {
        if let id = callee.identifier {
            if let value = frame[id.slot] {
                if case .function = value {} else {
                    return try applyValue(value, args, frame, nargout: 1, named: id.name, at: e.range)
                }
            } else if let argument = Self.loneArgument(args) {
                let called = try call(named: id.name, loneArgument: argument, args, frame, nargout: 1, site: callee,
                                      callerFrame: frame, at: e.range)
                if let value = called.direct { return value }
                return try single(called.values, e)
            }
        }
        return try single(evalCall(callee, args, frame, nargout: 1, at: e.range), e)
    }

    static let numpyMethods: Set<String> = ["reshape", "sum", "mean", "max", "min", "argmax", "argmin", "transpose",
                                            "dot", "std", "var", "prod", "cumsum", "squeeze", "clip", "round"]

    /// `name(args)` written out, for a name that is not a variable. A lone matrix argument of an
    /// element-wise builtin (`tanh(z1)`) goes straight to its direct form: no argument list.
    private func call(named name: String, _ args: [CallArgument], _ frame: Frame, nargout: Int, site: Expr,
                      callerFrame: Frame?, at range: SourceRange) throws(Diagnostic) -> [Value] {
        guard nargout <= 1, let argument = Self.loneArgument(args) else {
            let (values, keywords) = try evalArguments(args, frame)
            return try call(named: name, args: values, keywords: keywords, nargout: nargout, at: range,
                            frame: callerFrame, site: site, syntax: ArgumentSyntax(arguments: args))
        }
        let called = try call(named: name, loneArgument: argument, args, frame, nargout: nargout, site: site,
                              callerFrame: callerFrame, at: range)
        return called.direct.map { [$0] } ?? called.values
    }

    /// `name(x)`, x evaluated once: the value of the builtin's direct element-wise form when it
    /// has one (`direct`, no list of results), else the values of the ordinary call with `[x]`.
    private func call(named name: String, loneArgument argument: Expr, _ args: [CallArgument], _ frame: Frame,
                      nargout: Int, site: Expr, callerFrame: Frame?,
                      at range: SourceRange) throws(Diagnostic) -> (direct: Value?, values: [Value]) {
        var x = try eval(argument, frame)
        if let y = try callElementwise(name, &x, site: site, at: range) { return (y, []) }
        return (nil, try call(named: name, args: [x], keywords: [:], nargout: nargout, at: range,
                              frame: callerFrame, site: site, syntax: ArgumentSyntax(arguments: args)))
    }

    /// The one argument of `f(x)`, when it is positional and evaluates to one value as written
    /// (not `:`, not `varargin{:}`).
    private static func loneArgument(_ args: [CallArgument]) -> Expr? {
        guard args.count == 1, args[0].keyword == nil else { return nil }
        switch args[0].value.kind {
        case .colon, .variadicArgument: return nil
        default: return args[0].value
        }
    }

    /// `name(x)` when `name` is a builtin with a direct element-wise form and x holds a matrix:
    /// the form's result, as the builtin's body would give it. Nil, x untouched, otherwise.
    private func callElementwise(_ name: String, _ x: inout Value, site: Expr,
                                 at range: SourceRange) throws(Diagnostic) -> Value? {
        guard case .matrix(let m) = x, case .builtin(let builtin) = callees.target(of: name, at: site, in: self),
              let elementwise = builtin.elementwise else { return nil }
        // Let go of x, so that a temporary (`sigmoid(W2*a1 + b2)`) is uniquely referenced and
        // the kernel may reuse its storage.
        x = .string("")
        let result = try elementwise(m, range, self)
        try pollAfterKernel(at: range)
        return .matrix(result)
    }

    /// `v(args)` where `v` holds a value: call it if it is a handle, else index it.
    private func applyValue(_ value: Value, _ args: [CallArgument], _ frame: Frame, nargout: Int,
                            named name: String?, at range: SourceRange) throws(Diagnostic) -> Value {
        if case .function = value {
            let (values, keywords) = try evalArguments(args, frame)
            return try single(callHandle(value, values, keywords: keywords, nargout: max(nargout, 1), at: range),
                              Expr(.colon, range))
        }
        if let keyword = args.first(where: { $0.keyword != nil }) {
            throw Diagnostic("`\(keyword.keyword!)=` is a keyword argument, but \(name ?? "this value") is a variable, not a function",
                             at: keyword.value.range)
        }
        do {
            if case .matrix(let m) = value, args.count == 1 || args.count == 2 {
                // One or two subscripts, as `X(:, i)` and `Y(i)`: evaluated without an array, and
                // read directly when they pick one element, column or row.
                let first = try evalIndex(args, 0, of: value, frame)
                let second = args.count == 2 ? try evalIndex(args, 1, of: value, frame) : nil
                if let picked = try pick(m, first, second, at: range) { return .matrix(picked) }
                return try index(value, second.map { [first, $0] } ?? [first], name: name, at: range)
            }
            let indices = try evalIndices(args, of: value, frame)
            return try index(value, indices, name: name, at: range)
        } catch var error {
            // `sigmoid = 3; sigmoid(0.5)`: the variable hides the function of that name.
            if let name, !error.isInterruption, functions[name] != nil || builtins[name] != nil {
                error.hint = "`\(name)` is a variable here, which hides the function \(name); rename the variable, or `clear \(name)` to call the function"
            }
            throw error
        }
    }

    func evalArguments(_ args: [CallArgument], _ frame: Frame) throws(Diagnostic) -> ([Value], [String: Value]) {
        var values: [Value] = []
        values.reserveCapacity(args.count)  // one allocation, not a regrowth at the second argument
        var keywords: [String: Value] = [:]
        for a in args {
            if case .colon = a.value.kind {
                values.append(.string(":"))
            } else if case .variadicArgument(let picks) = a.value.kind, a.keyword == nil {
                values += try variadicArguments(picks, frame, at: a.value.range)
            } else if let k = a.keyword {
                keywords[k] = try eval(a.value, frame)
            } else {
                values.append(try eval(a.value, frame))
            }
        }
        return (values, keywords)
    }

    func evalIndices(_ args: [CallArgument], of value: Value, _ frame: Frame) throws(Diagnostic) -> [IndexArgument] {
        var result: [IndexArgument] = []
        for position in args.indices { result.append(try evalIndex(args, position, of: value, frame)) }
        return result
    }

    /// Subscript `position` of `value(args)`, where `end` means the extent it indexes.
    func evalIndex(_ args: [CallArgument], _ position: Int, of value: Value,
                   _ frame: Frame) throws(Diagnostic) -> IndexArgument {
        let e = args[position].value
        if case .colon = e.kind { return .all }
        // A number or a variable has no `end` in it to give a meaning to (`X(:, i)` in a loop).
        let mayHoldEnd = if e.constant != nil { false } else if let id = e.identifier { !frame.holdsValue(at: id.slot) } else { true }
        if mayHoldEnd { endContext.append((value, position, args.count)) }
        defer { if mayHoldEnd { endContext.removeLast() } }
        return .values(try eval(e, frame), e.range)
    }

    // MARK: - Calling by name

    /// Calls what `name` means now: a user function (unless the name is protected), else a
    /// builtin. `site` is the callee's node, which remembers the answer (see `CallSiteCache`).
    func call(named name: String, args: consuming [Value], keywords: [String: Value], nargout: Int,
              at range: SourceRange, frame: Frame? = nil, site: Expr? = nil,
              syntax: ArgumentSyntax = ArgumentSyntax()) throws(Diagnostic) -> [Value] {
        switch site.map({ callees.target(of: name, at: $0, in: self) }) ?? callTarget(of: name, in: range.file) {
        case .user(let f):
            guard keywords.isEmpty else {
                throw Diagnostic("`\(name)` is your own function; it takes no keyword arguments", at: range)
            }
            return try callUser(f, args, nargout: nargout, at: range)
        case .builtin(let builtin):
            var call = BuiltinCall(interpreter: self, name: name, args: args, keywords: keywords,
                                   nargout: nargout, range: range, syntax: syntax, callerFrame: frame)
            let results = try builtin.call(&call)
            try pollAfterKernel(at: range)
            return results
        case .undefined:
            throw undefined(name, at: range, frame ?? globalFrame, called: !args.isEmpty || !keywords.isEmpty)
        }
    }

    /// What a call of `name` reaches, looked up in the dictionaries.
    /// `source`: where the call is written; protected names are protected only in protected code.
    func callTarget(of name: String, in source: SourceFile?) -> CallTarget {
        let protection = environment.protection
        let isProtected = protection.isProtected(source)
        if let own = protectedFunction(name, calledFromProtectedCode: isProtected) { return own }
        if !(protection.names.contains(name) && isProtected), let f = functions[name] { return .user(f) }
        if let builtin = builtins[name] {
            return .builtin(isForbidden(name, in: source) ? forbiddenBuiltin(builtin, calledAs: name) : builtin)
        }
        return .undefined
    }

    func callHandle(_ handle: Value, _ args: [Value], keywords: [String: Value] = [:], nargout: Int,
                    at range: SourceRange) throws(Diagnostic) -> [Value] {
        guard case .function(let f) = handle else {
            throw Diagnostic("expected a function handle such as `@(x) x.^2`, found a \(handle.className)", at: range)
        }
        switch f.target {
        case .named(let name):
            return try call(named: name, args: args, keywords: keywords, nargout: nargout, at: range)
        case .anonymous(let fn):
            return try callAnonymous(fn, args, nargout: nargout, at: range)
        }
    }

    private func callAnonymous(_ fn: AnonymousFunction, _ args: [Value], nargout: Int,
                               at range: SourceRange) throws(Diagnostic) -> [Value] {
        let decl = fn.decl
        guard args.count <= decl.parameters.count else {
            throw Diagnostic("\(decl.text) takes \(decl.parameters.count) input\(decl.parameters.count == 1 ? "" : "s") but was given \(args.count)", at: range)
        }
        let frame = Frame(size: decl.frameSize, names: decl.slotNames)
        for (slot, value) in fn.captured { frame[slot] = value }
        for (p, a) in zip(decl.parameters, args) { frame[p.slot] = a }
        try enterCall(at: range)
        defer { callDepth -= 1 }
        return try evalMulti(decl.body, frame, nargout: nargout)
    }

    func enterCall(at range: SourceRange) throws(Diagnostic) {
        try poll(at: range)
        guard callDepth < limits.maxCallDepth else {
            throw Diagnostic("too many nested calls (more than \(limits.maxCallDepth))", at: range,
                             hint: "does a function call itself without a case that stops?")
        }
        callDepth += 1
    }

    /// Runs a user function in a frame of its own and collects its outputs.
    func callUser(_ f: FunctionDecl, _ args: [Value], nargout: Int, at range: SourceRange) throws(Diagnostic) -> [Value] {
        guard args.count <= f.parameters.count || f.isVariadic else {
            throw Diagnostic("`\(f.name)` takes \(f.parameters.count) input\(f.parameters.count == 1 ? "" : "s") but was given \(args.count)",
                             at: range, hint: "it is defined as \(signature(f))")
        }
        guard nargout <= max(f.outputs.count, 1) else {
            throw Diagnostic("`\(f.name)` returns \(f.outputs.count) value\(f.outputs.count == 1 ? "" : "s") but \(nargout) are asked for",
                             at: range, hint: "it is defined as \(signature(f))")
        }
        let frame = Frame(size: f.frameSize, names: f.slotNames)
        let named = f.isVariadic ? f.parameters.dropLast() : f.parameters[...]
        for (p, a) in zip(named, args) { frame[p.slot] = a }
        if f.isVariadic { frame.extraArguments = Array(args.dropFirst(named.count)) }
        if let slot = f.narginSlot { frame[slot] = .scalar(Double(args.count)) }
        if let slot = f.nargoutSlot { frame[slot] = .scalar(Double(nargout)) }
        try enterCall(at: range)
        defer { callDepth -= 1 }
        do {
            _ = try executeBlock(f.body, frame)
        } catch var error {
            if !error.isInterruption { error.trace.append(.init(function: f.name, callSite: range)) }
            throw error
        }
        var results: [Value] = []
        for (i, output) in f.outputs.enumerated() where i < max(nargout, 1) {
            guard let v = frame[output.slot] else {
                if i < nargout || (i == 0 && nargout == 1) {
                    throw Diagnostic("`\(f.name)` never assigned its output `\(output.name)`", at: range,
                                     hint: "assign `\(output.name) = ...` somewhere in the body of \(f.name)")
                }
                break
            }
            results.append(v)
        }
        return results
    }

    /// The inputs `varargin{args}` picks out (`end` is how many there are).
    func variadicArguments(_ args: [CallArgument], _ frame: Frame, at range: SourceRange) throws(Diagnostic) -> [Value] {
        guard let extra = frame.extraArguments else {
            throw Diagnostic("varargin only exists inside a function whose last parameter is varargin", at: range,
                             hint: "define it as function f(a, varargin); then varargin{1} is the first input after a")
        }
        let placeholder = Value.matrix(Matrix(row: extra.indices.map(Double.init)))
        let indices = try evalIndices(args, of: placeholder, frame)
        guard case .matrix(let picked) = try index(placeholder, indices, name: "varargin", at: range) else { return [] }
        return picked.elements.map { extra[Int($0)] }
    }

    func signature(_ f: FunctionDecl) -> String {
        let outs = f.outputs.map(\.name)
        let lhs = outs.isEmpty ? "" : (outs.count == 1 ? outs[0] + " = " : "[\(outs.joined(separator: ", "))] = ")
        return "`function \(lhs)\(f.name)(\(f.parameters.map(\.name).joined(separator: ", ")))`"
    }

    // MARK: - Undefined names

    /// `called`: the name is used as a function (`tahn(z)`), so functions come first in "did you mean".
    func undefined(_ name: String, at range: SourceRange, _ frame: Frame, called: Bool = false) -> Diagnostic {
        if let habit = Interpreter.habits[name] {
            return Diagnostic("`\(name)` is not defined", at: range, hint: habit)
        }
        let variables = frame === globalFrame
            ? workspace.variableNames
            : frame.names.indices.compactMap { frame[$0] == nil ? nil : frame.names[$0] }
        let callables = Array(functions.keys) + builtins.names
        let suggestion = called ? closestName(to: name, in: callables) ?? closestName(to: name, in: variables)
                                : closestName(to: name, in: variables + callables)
        return Diagnostic("`\(name)` is not defined", at: range,
                          hint: suggestion.map { "did you mean `\($0)`?" })
    }

    /// What Python and numpy habits mean here, where the nearest name would mislead (`print`
    /// is not `printf`'s typo, `float` is not `floor`).
    static let habits: [String: String] = [
        "print": "to show a value write it without `;`, or use disp(x); for formatted text printf(\"%g\\n\", x)",
        "str": "num2str(x) is a number as text, and [...] joins text: ['W' num2str(l)] is Python's 'W' + str(l)",
        "isinstance": "class(x) names what x is ('double', 'char', 'struct', 'function_handle'); isnumeric(x), ischar(x), isstruct(x) test it",
        "type": "class(x) names what x is ('double', 'char', 'struct', 'function_handle')",
        "copy": "assignment already copies here: p2 = p is a separate copy of p (Python's copy.deepcopy(p))",
        "len": "numel(x) counts the elements, length(x) is the longer side, size(x) the shape",
        "range": "write ranges as a:b or a:step:b; numpy's range(n) is 0:n-1",
        "append": "append to a row with x = [x, value], to a column with x = [x; value]",
        "import": "numpy's functions are built in: np.sum(X) works without an import",
        "dict": "use a struct: p.W1 = W1, or struct('W1', W1)",
        "varargin": "in a function defined as f(a, varargin), varargin{k} is the k-th input after a and nargin counts all inputs (nnl has no cell arrays: numel(varargin) is nargin minus the number of named inputs)",
        "np.matrix": "use np.array, or a literal such as [1 2; 3 4]",
    ]
}

/// The candidate within a small edit distance of `name`, for "did you mean": the nearest by
/// edits and swaps of neighbours (`tahn` is one swap from `tanh`).
public func closestName(to name: String, in candidates: [String]) -> String? {
    // Any two one-letter names are one edit apart: suggest for those only a change of case (x → X).
    let limit = name.count == 1 ? 0 : name.count <= 3 ? 1 : 2
    let lower = name.lowercased()
    var best: (name: String, rank: (Int, Int))?
    for c in Set(candidates) where c != name {
        let d = editDistance(lower, c.lowercased())
        guard d <= limit else { continue }
        // Fewer edits first, then the longer common beginning (`prnt` → printf, not plot).
        let rank = (d, -zip(lower, c.lowercased()).prefix { $0 == $1 }.count)
        if best == nil || rank < best!.rank || (rank == best!.rank && c < best!.name) { best = (c, rank) }
    }
    return best?.name
}

/// Insertions, deletions, substitutions and swaps of two neighbouring letters, each costing one
/// (the optimal string alignment distance).
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var before = [Int](), previous = Array(0...b.count)
    for i in 1...a.count {
        var row = [i] + [Int](repeating: 0, count: b.count)
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { row[j] = min(row[j], before[j - 2] + 1) }
        }
        (before, previous) = (previous, row)
    }
    return previous[b.count]
}
