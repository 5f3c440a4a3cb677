import Foundation

/// The whole workspace in one file (`:save` / `:load`): every variable, `ans` included, in
/// Octave's text format, and every user function as its source. Loading it back gives
/// equal values, handles that capture the same values, and the same functions.
extension Interpreter {
    public func saveWorkspace(to path: String) throws(Diagnostic) {
        let w = workspace
        let variables = w.variableNames.compactMap { name in w[name].map { (name, $0) } }
        let functions = w.functions.keys.sorted().compactMap { w.functions[$0] }
        do {
            try OctaveText.write(variables, functions: functions).write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw Diagnostic("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Adds the file's variables and functions to the workspace; returns the variables' names.
    @discardableResult
    public func loadWorkspace(from path: String) throws(Diagnostic) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic("cannot read \(path)", hint: "is the name right? paths are relative to \(FileManager.default.currentDirectoryPath)")
        }
        let contents: OctaveText.Contents
        do throws(OctaveText.ReadError) {
            contents = try OctaveText.read(String(decoding: data, as: UTF8.self), handles: functionHandle)
        } catch {
            throw Diagnostic("\(path): \(error.message)")
        }
        try define(functionSources: contents.functions, at: nil)
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        for (n, v) in contents.variables { self[variable: n.isEmpty ? name : n] = v }
        return contents.variables.map { $0.0.isEmpty ? name : $0.0 }
    }

    /// A handle from its text, with `captured` bound as they were when it was made.
    func functionHandle(_ text: String, _ captured: [(String, Value)]) throws(OctaveText.ReadError) -> Value {
        let source = SourceFile(name: "<handle>", text: text)
        guard let statements = try? Parser.parse(source), statements.count == 1,
              case .expression(let e, _) = statements[0].kind else {
            throw OctaveText.ReadError(message: "`\(text)` is not a function handle")
        }
        var resolver = Resolver(scope: Scope())
        resolver.resolve(statements)
        let frame = Frame(size: 0, names: [])
        if case .anonymousFunction(let decl) = e.kind {
            let values = Dictionary(captured, uniquingKeysWith: { a, _ in a })
            for c in decl.captures { frame[c.outer.slot] = values[c.outer.name] }
        }
        // Until evaluated, only `source` holds the file `e` points into; the handle then holds it.
        guard let value = withExtendedLifetime(source, { try? eval(e, frame) }), case .function = value else {
            throw OctaveText.ReadError(message: "`\(text)` is not a function handle")
        }
        return value
    }

    /// Defines the functions in each source text (the `# function:` entries of a saved file).
    func define(functionSources: [String], at range: SourceRange?) throws(Diagnostic) {
        for text in functionSources {
            let statements: [Stmt]
            do { statements = try Parser.parse(SourceFile(name: "<saved function>", text: text)) } catch {
                throw Diagnostic("a saved function does not parse: \(error.diagnostics.first?.message ?? "")", at: range)
            }
            for s in statements {
                guard case .function(let f) = s.kind else { continue }
                Resolver.resolve(f)
                define(f)
            }
        }
    }
}
