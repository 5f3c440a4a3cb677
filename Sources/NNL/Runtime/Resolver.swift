/// Gives every name its frame slot once, before anything runs, so evaluation
/// indexes an array instead of looking names up in a dictionary.
struct Resolver {
    private var scope: Scope

    init(scope: Scope) { self.scope = scope }

    mutating func resolve(_ statements: [Stmt]) {
        for s in statements { resolve(s) }
    }

    /// A function's own frame: parameters first, then outputs, then its other names.
    static func resolve(_ function: FunctionDecl) {
        var resolver = Resolver(scope: Scope())
        for p in function.parameters { p.slot = resolver.scope.slot(for: p.name) }
        for o in function.outputs { o.slot = resolver.scope.slot(for: o.name) }
        resolver.resolve(function.body)
        function.frameSize = resolver.scope.count
        function.slotNames = resolver.scope.names
        function.narginSlot = resolver.scope.existingSlot(for: "nargin")
        function.nargoutSlot = resolver.scope.existingSlot(for: "nargout")
    }

    private mutating func resolve(_ s: Stmt) {
        switch s.kind {
        case .expression(let e, _): resolve(e)
        case .assign(let target, let value, _):
            resolve(value)
            resolve(target)
        case .multiAssign(let targets, let value, _):
            resolve(value)
            for t in targets { if let t { resolve(t) } }
        case .ifChain(let branches, let otherwise):
            for b in branches { resolve(b.condition); resolve(b.body) }
            if let otherwise { resolve(otherwise) }
        case .forLoop(let v, let seq, let body):
            resolve(seq)
            bind(v)
            resolve(body)
        case .whileLoop(let c, let body):
            resolve(c)
            resolve(body)
        case .switchChain(let subject, let cases, let otherwise):
            resolve(subject)
            for c in cases {
                for label in c.labels { resolve(label) }
                resolve(c.body)
            }
            if let otherwise { resolve(otherwise) }
        case .breakLoop, .continueLoop, .returnFromFunction: break
        case .function(let f): Resolver.resolve(f)
        }
    }

    private mutating func resolve(_ target: LValue) {
        bind(target.base)
        for accessor in target.path {
            switch accessor {
            case .index(let args, _): for a in args { resolve(a.value) }
            case .dynamicField(let name, _): resolve(name)
            case .field: break
            }
        }
    }

    private mutating func bind(_ id: Identifier) { id.slot = scope.slot(for: id.name) }

    private mutating func resolve(_ e: Expr) {
        switch e.kind {
        case .number, .string, .qualifiedName, .colon, .end, .functionHandle: break
        case .name(let id): bind(id)
        case .unary(_, let a), .transpose(let a), .field(let a, _): resolve(a)
        case .binary(_, let a, let b, _), .shortCircuit(_, let a, let b), .dynamicField(let a, let b):
            resolve(a)
            resolve(b)
        case .range(let a, let step, let b):
            resolve(a)
            if let step { resolve(step) }
            resolve(b)
        case .call(let callee, let args):
            resolve(callee)
            for a in args { resolve(a.value) }
        case .variadicArgument(let args):
            for a in args { resolve(a.value) }
        case .matrix(let rows):
            for row in rows { for x in row { resolve(x) } }
        case .anonymousFunction(let decl): resolveAnonymous(decl)
        }
    }

    /// The body gets a scope of its own; every other name it uses is captured
    /// from the enclosing scope when the handle is made, as Octave does.
    private mutating func resolveAnonymous(_ decl: AnonymousFunctionDecl) {
        var inner = Resolver(scope: Scope())
        for p in decl.parameters { inner.bind(p) }
        inner.resolve(decl.body)
        let parameterNames = Set(decl.parameters.map(\.name))
        decl.captures = inner.scope.names.enumerated().compactMap { slot, name in
            guard !parameterNames.contains(name) else { return nil }
            let outer = Identifier(name, range: decl.body.range)
            bind(outer)
            return (slot, outer)
        }
        decl.frameSize = inner.scope.count
        decl.slotNames = inner.scope.names
    }
}
