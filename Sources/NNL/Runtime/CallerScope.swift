/// The variables a builtin such as `who`, `exist` or `clear` works on: those of the code that
/// called it. Inside a function that is the function's own frame, as in Octave, so a student's
/// function graded by a test can neither see nor clear the test's variables.
struct CallerScope {
    let interpreter: Interpreter
    let frame: Frame

    var isWorkspace: Bool { frame === interpreter.globalFrame }

    var variableNames: [String] {
        if isWorkspace { return interpreter.workspace.variableNames }
        return frame.names.indices.compactMap { frame[$0] == nil ? nil : frame.names[$0] }
    }

    func value(of name: String) -> Value? {
        if isWorkspace { return interpreter[variable: name] }
        return frame.names.firstIndex(of: name).flatMap { frame[$0] }
    }

    func clear(_ name: String) {
        if isWorkspace { return interpreter[variable: name] = nil }
        if let slot = frame.names.firstIndex(of: name) { frame[slot] = nil }
    }

    func clearAll() {
        for slot in frame.values.indices { frame[slot] = nil }
    }
}

extension BuiltinCall {
    var callerScope: CallerScope { CallerScope(interpreter: interpreter, frame: callerFrame ?? interpreter.globalFrame) }
}

extension Interpreter {
    /// Evaluates one expression's text in a scope of its own (`str2func`): an anonymous
    /// function made here captures nothing from the code that asked for it.
    /// The text's file lives as long as the handle made from it (`AnonymousFunctionDecl`).
    func evaluateAlone(_ text: String, name: String) throws(Diagnostic) -> Value? {
        let source = SourceFile(name: name, text: text)
        guard let statements = try? Parser.parse(source), statements.count == 1,
              case .expression(let e, _) = statements[0].kind else { return nil }
        var resolver = Resolver(scope: Scope())
        resolver.resolve(statements)
        return try withExtendedLifetime(source) { () throws(Diagnostic) in try eval(e, Frame(size: 0, names: [])) }
    }
}
