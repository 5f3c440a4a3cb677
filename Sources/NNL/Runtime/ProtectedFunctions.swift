/// Functions written in protected code (a grader's test file, its `%% setup`) live apart from
/// the student's: under the protection's prefix, so `forward_propagation` in the setup does not
/// replace the student's function of that name, protected code finds its own first, and student
/// code can reach neither by name nor by handle.
extension Interpreter {
    /// The name a function is kept under.
    func definedName(of f: FunctionDecl) -> String {
        let protection = environment.protection
        guard protection.isProtected(f.range.file) else { return f.name }
        return protection.functionPrefix + f.name
    }

    /// What a call of `name` reaches among protected functions: protected code's own function,
    /// `.undefined` for anyone else naming one, nil when the name is not about them.
    func protectedFunction(_ name: String, calledFromProtectedCode isProtected: Bool) -> CallTarget? {
        let prefix = environment.protection.functionPrefix
        if isProtected, let f = functions[prefix + name] ?? (name.hasPrefix(prefix) ? functions[name] : nil) {
            return .user(f)
        }
        if name.hasPrefix(prefix), !isProtected, functions[name] != nil { return .undefined }
        return nil
    }

    /// Handles to the protected functions under their plain names, as a struct: put in a test's
    /// workspace as `reference`, it makes `reference.forward_propagation(X, p)` work.
    var protectedFunctionHandles: StructValue {
        let prefix = environment.protection.functionPrefix
        var handles = StructValue()
        for name in functions.keys.sorted() where name.hasPrefix(prefix) {
            handles.fields[String(name.dropFirst(prefix.count))] = .function(FunctionValue(target: .named(name), text: "@" + name))
        }
        return handles
    }
}
