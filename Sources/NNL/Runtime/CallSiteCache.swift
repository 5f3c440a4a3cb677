import Synchronization

/// What a call of a name reaches: the user's function, a builtin, or nothing.
enum CallTarget {
    case user(FunctionDecl)
    case builtin(Builtin)
    case undefined
}

/// A call site's remembered answer, valid while its generation is current.
struct CallSiteBinding {
    let generation: Int
    let target: CallTarget
}

/// Binds each call site to its callee once instead of looking the name up in `protectedNames`,
/// `functions` and the builtin table on every call (three string hashes per call per iteration).
///
/// The meaning of a name changes only when the user's functions change (a definition, a
/// workspace restored, `clear`) or `protectedNames` does; the interpreter then calls
/// `invalidate()`, which takes a new generation and so retires every binding at once.
/// Generations come from one process-wide counter: a syntax tree run by two interpreters (a
/// lesson and its shadow workspace) never mistakes the other interpreter's binding for its own.
struct CallSiteCache {
    private(set) var generation = CallSiteCache.nextGeneration()

    mutating func invalidate() { generation = Self.nextGeneration() }

    func target(of name: String, at site: Expr, in interpreter: Interpreter) -> CallTarget {
        if let binding = site.callee, binding.generation == generation { return binding.target }
        let target = interpreter.callTarget(of: name, in: site.range.file)
        site.callee = CallSiteBinding(generation: generation, target: target)
        return target
    }

    private static let counter = Atomic<Int>(0)
    private static func nextGeneration() -> Int { counter.add(1, ordering: .relaxed).newValue }
}
