import Foundation

/// `:save FILE` and `:load FILE`, the same at every prompt (REPL, lesson, notebook): a `.nnl`
/// FILE is a program, any other a workspace file (`.nnlw` when no extension is given).
extension Session {
    func saveCommand(_ path: String, program: (Workspace) -> ProgramContents) throws(RunError) {
        guard !path.isEmpty else {
            throw RunError(Diagnostic("usage: :save FILE.nnl (a program) or :save FILE.nnlw (the whole workspace)"))
        }
        switch SavedFileKind(path: path) {
        case .program:
            let contents = program(workspace)
            try saveProgram(contents, to: path)
            let what = [Self.count(contents.functions.count, "function"), Self.count(contents.variables.count, "variable")]
            interpreter.output("wrote \(what.joined(separator: " and ")) to \(path), a program: `nnl run \(path)` runs it, `nnl grade \(path) --tests …` grades it, `:load \(path)` reads it back\n")
        case .workspace(let file):
            try saveWorkspace(to: file)
            let what = [Self.count(workspace.variableNames.count, "variable"), Self.count(workspace.functions.count, "function")]
            interpreter.output("wrote your workspace (\(what.joined(separator: ", "))) to \(file): `:load \(file)` brings it back\n")
        }
    }

    func loadCommand(_ path: String) throws(RunError) {
        guard !path.isEmpty else { throw RunError(Diagnostic("usage: :load FILE, e.g. :load planar.nnl or :load work.nnlw")) }
        let text = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        if SavedFileKind(path: path) == .program, let text, !SavedFileKind.isWorkspaceFile(text) {
            let before = workspace
            try runProgram(at: path)
            interpreter.output("loaded \(path): " + Self.changes(from: before, to: workspace) + "\n")
            return
        }
        let names = try loadWorkspace(from: path)
        let old = SavedFileKind(path: path) == .program
            ? " (\(path) is a workspace file from an earlier nnl; workspace files are now .nnlw, and `:save FILE.nnl` writes a program)" : ""
        interpreter.output("loaded \(names.isEmpty ? "no variables" : names.joined(separator: ", "))\(old)\n")
    }

    /// "functions f, g; variables x, y" for what a program defined or changed.
    private static func changes(from before: Workspace, to after: Workspace) -> String {
        let functions = after.functions.keys.filter { after.functions[$0] !== before.functions[$0] }.sorted()
        let variables = after.variableNames.filter { name in
            guard let old = before[name] else { return true }
            return !(after[name].map { valuesEqual($0, old) } ?? true)
        }.sorted()
        var parts: [String] = []
        if !functions.isEmpty { parts.append((functions.count == 1 ? "function " : "functions ") + functions.joined(separator: ", ")) }
        if !variables.isEmpty { parts.append((variables.count == 1 ? "variable " : "variables ") + variables.joined(separator: ", ")) }
        return parts.isEmpty ? "nothing new" : parts.joined(separator: "; ")
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
