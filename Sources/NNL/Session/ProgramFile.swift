import Foundation
import NNLMatrix

/// What `:save FILE.nnl` writes: a program that `nnl run` and `nnl grade` accept, holding the
/// variables as assignments (where a value can be written as source) and the functions as typed.
/// A workspace file (`FILE.nnlw`, Octave's text format) is the other kind: every value exactly.
public struct ProgramContents: Sendable {
    /// Comment lines at the top, without their `%`.
    public var header: [String]
    public var variables: [String]
    public var functions: [String]

    public init(header: [String], variables: [String], functions: [String]) {
        self.header = header
        self.variables = variables
        self.functions = functions
    }

    /// Every variable but `ans`, by name, and every user function.
    public static func everything(in workspace: Workspace, from host: String) -> ProgramContents {
        ProgramContents(header: ["Written by :save in \(host): `nnl run FILE` runs it, `source FILE` reads it into a workspace."],
                        variables: workspace.variableNames.filter { $0 != "ans" }.sorted(),
                        functions: workspace.functions.keys.sorted())
    }
}

/// The two kinds of file `:save` writes, told apart by the name: `.nnl` is a program, anything
/// else a workspace file (no extension gets `.nnlw`).
public enum SavedFileKind: Equatable, Sendable {
    case program
    case workspace(path: String)

    public init(path: String) {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "nnl" || ext == "m" { self = .program } else { self = .workspace(path: ext.isEmpty ? path + ".nnlw" : path) }
    }

    /// Whether `text` is a workspace file (Octave's text format) rather than a program: earlier
    /// versions of nnl wrote workspace files under any name, `.nnl` too.
    public static func isWorkspaceFile(_ text: String) -> Bool {
        let lines = text.prefix(4096).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        return lines.first { !$0.isEmpty }.map { $0.hasPrefix("# Created by") || $0.hasPrefix("# name:") } ?? false
    }
}

/// One value as source text, or why it cannot be one.
enum ProgramLiteral {
    /// Past this many numbers a value is left out: a program is for reading, a workspace file keeps all.
    static let maximumElements = 10_000

    static func text(of value: Value) -> Result<String, Reason> {
        switch value {
        case .matrix(let m) where m.count > maximumElements: return .failure(.tooLarge)
        case .matrix(let m) where m.isEmpty: return .success(m.rows == 0 && m.cols == 0 ? "[]" : "zeros(\(m.rows), \(m.cols))")
        case .matrix(let m) where m.isLogical: return .success("logical(\(mat2str(.matrix(m), precision: 17)))")
        case .matrix: return .success(mat2str(value, precision: 17))
        case .string(let s) where s.contains(where: { $0.isNewline || $0.asciiValue.map { $0 < 32 } == true }):
            return .failure(.notSource)
        case .string: return .success(mat2str(value))
        case .structure(let s):
            var fields: [String] = []
            for (name, field) in s.fields {
                switch text(of: field) {
                case .success(let t): fields.append("'\(name)', \(t)")
                case .failure(let reason): return .failure(reason)
                }
            }
            return .success("struct(" + fields.joined(separator: ", ") + ")")
        case .function(let f):
            if case .anonymous(let fn) = f.target, !fn.captured.isEmpty { return .failure(.capturesValues) }
            return .success(f.text)
        }
    }

    enum Reason: Error {
        case tooLarge, notSource, capturesValues

        var text: String {
            switch self {
            case .tooLarge: "more than \(maximumElements) numbers"
            case .notSource: "text with line breaks"
            case .capturesValues: "a handle holding values from when it was made"
            }
        }
    }
}

extension Interpreter {
    /// The program text of `contents`: variables as assignments, then functions; a value that
    /// cannot be written as source is named in a comment.
    func programText(_ contents: ProgramContents) -> String {
        var out = contents.header.map { "% " + $0 + "\n" }.joined() + "\n"
        var left: [String] = []
        for name in contents.variables {
            guard let value = workspace[name] else { continue }
            switch ProgramLiteral.text(of: value) {
            case .success(let text): out += "\(name) = \(text);\n"
            case .failure(let reason): left.append("\(name) (\(reason.text))")
            }
        }
        if !left.isEmpty {
            out += "% Not written here: " + left.joined(separator: ", ") + ". `:save FILE.nnlw` keeps every value.\n"
        }
        let functions = contents.functions.compactMap { workspace.functions[$0]?.sourceText }
        if !functions.isEmpty { out += (contents.variables.isEmpty ? "" : "\n") + functions.joined(separator: "\n\n") + "\n" }
        return out
    }

    /// Runs the program in `url` in the workspace (`source`, `run`, `:load FILE.nnl`).
    func runProgram(at url: URL, named path: String, at range: SourceRange?) throws(Diagnostic) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Diagnostic("cannot read `\(path)`", at: range, hint: "is the name right? paths are relative to \(environment.files.root?.path ?? FileManager.default.currentDirectoryPath)")
        }
        let text = String(decoding: data, as: UTF8.self)
        if SavedFileKind.isWorkspaceFile(text) {
            throw Diagnostic("`\(path)` is a workspace file (written by :save), not a program", at: range,
                             hint: "`:load \(path)` or load(\"\(path)\") reads it")
        }
        let file = SourceFile(name: path, text: text)
        let statements: [Stmt]
        do { statements = try Parser.parse(file) } catch {
            throw error.diagnostics.first ?? Diagnostic("`\(path)` does not parse", at: range)
        }
        // The statements point into the file without holding it.
        try withExtendedLifetime(file) { () throws(Diagnostic) in
            guard let range else { return try execute(statements) }
            // Read from a running program: a file that sources itself meets the call depth limit.
            let context = endContext
            endContext = []
            try enterCall(at: range)
            defer { callDepth -= 1; endContext = context }
            try executeInWorkspace(statements)
        }
    }
}
