import Synchronization

/// What a call of a name reaches: the user's function, a builtin, or nothing.
enum CallTarget {
    case user(FunctionDecl)
    case builtin(Builtin)
    case undefined
}

/// A call site's remembered answer, valid while its generation is current.
///
/// A user function is not held: while the generation that found it is current, the
/// interpreter's `functions` holds it (any change there takes a new generation). Held, a
/// recursive function would hold itself through its own body's call site, and so its file,
/// for the life of the process.
struct CallSiteBinding {
    let generation: Int
    private let function: Unmanaged<FunctionDecl>?
    private let other: CallTarget

    init(generation: Int, target: CallTarget) {
        self.generation = generation
        if case .user(let f) = target {
            function = Unmanaged.passUnretained(f)
            other = .undefined
        } else {
            function = nil
            other = target
        }
    }

    /// Read only while `generation` is current.
    var target: CallTarget { function.map { .user($0.takeUnretainedValue()) } ?? other }
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
