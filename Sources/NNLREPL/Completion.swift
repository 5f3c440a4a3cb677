import LineEditor
import NNL

/// Tab's candidates: `:` commands, struct fields after `p.`, `np.` builtins, and the names
/// in scope (variables, user functions, builtins, keywords). Pure, so readline's callback can
/// call it with a snapshot of the workspace from any thread.
public struct CompletionCandidates: Sendable {
    public var workspace: Workspace
    public var builtinNames: [String]
    /// The prompt's `:` commands, without the colon.
    public var commandNames: [String]

    public init(workspace: Workspace, builtinNames: [String], commandNames: [String]) {
        self.workspace = workspace
        self.builtinNames = builtinNames
        self.commandNames = commandNames
    }

    static let keywords = ["if", "elseif", "else", "end", "for", "while", "break", "continue",
                           "switch", "case", "otherwise", "function", "return", "true", "false", "True", "False"]

    public func candidates(for request: CompletionRequest) -> [String] {
        if request.isCommand { return commandNames.map { ":" + $0 } }
        if let arguments = commandArguments(request) { return arguments }
        if let owner = request.fieldOwner {
            if let value = lookUp(owner), case .structure(let s) = value {
                return s.fields.keys.map { owner + "." + $0 }
            }
            return builtinNames.filter { $0.hasPrefix(owner + ".") }
        }
        return workspace.variableNames + workspace.functions.keys + builtinNames + Self.keywords
    }

    /// `:help sig` completes builtins, `:clear W` variables; `:explain` and `:time` take code
    /// (nil: complete as code).
    private func commandArguments(_ request: CompletionRequest) -> [String]? {
        guard request.textBefore.firstNonBlank == ":" else { return nil }
        let command = request.textBefore.drop { $0 != ":" }.dropFirst().prefix { !$0.isWhitespace }
        switch command {
        case "help": return builtinNames + commandNames.map { ":" + $0 }
        case "clear": return workspace.variableNames
        case "explain", "time": return nil
        default: return []
        }
    }

    /// `p` or `p.layer`: the value a dotted path names, if every step is a struct field.
    private func lookUp(_ path: String) -> Value? {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard var value = workspace[parts[0]] else { return nil }
        for part in parts.dropFirst() {
            guard case .structure(let s) = value, let next = s.fields[part] else { return nil }
            value = next
        }
        return value
    }
}
