/// Functions written in protected code (a grader's test file, its `%% setup`) live apart from
/// the student's: under the protection's prefix, so `forward_propagation` in the setup does not
/// replace the student's function of that name. Protected code reaches them as
/// `reference.forward_propagation` and by the plain name (before any student function of that
/// name, as it reaches builtins); student code can reach them neither by name nor by handle.
extension Interpreter {
    /// The name a function is kept under.
    func definedName(of f: FunctionDecl) -> String {
        let protection = environment.protection
        guard protection.isProtected(f.source) else { return f.name }
        return protection.functionPrefix + f.name
    }

    /// What a call of `name` reaches among protected functions: for protected code, the one
    /// named (`reference.f`) or the protected `f`, whatever the student defined; `.undefined`
    /// for student code naming one; nil when the name is not about them.
    func protectedFunction(_ name: String, calledFromProtectedCode isProtected: Bool) -> CallTarget? {
        let prefix = environment.protection.functionPrefix
        if name.hasPrefix(prefix), let f = functions[name] { return isProtected ? .user(f) : .undefined }
        if isProtected, let f = functions[prefix + name] { return .user(f) }
        return nil
    }

    /// Whether code from `source` is refused the builtin `name` (or the builtin it is an alias of).
    func isForbidden(_ name: String, in source: SourceFile?) -> Bool {
        let protection = environment.protection
        guard !protection.forbidden.isEmpty, !protection.isProtected(source), let builtin = builtins[name] else { return false }
        return protection.forbidden.contains(name) || protection.forbidden.contains(builtin.name)
    }

    /// What unprotected code reaches for a forbidden builtin: an error at the call.
    func forbiddenBuiltin(_ builtin: Builtin, calledAs name: String) -> Builtin {
        Builtin(name: name, help: builtin.help, example: "", body: { c throws(Diagnostic) in
            throw Self.forbidden(name, at: c.range)
        })
    }

    static func forbidden(_ name: String, at range: SourceRange) -> Diagnostic {
        Diagnostic("`\(name)` is forbidden in this homework: write your own", at: range)
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
