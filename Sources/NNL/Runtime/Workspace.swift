/// The variables and user functions of a session. A value type: copying it is
/// O(1) (copy-on-write arrays), so lessons can roll back a wrong answer and the
/// grader can give each test a fresh copy.
public struct Workspace: Sendable {
    let scope: Scope
    var values: [Value?]
    public internal(set) var functions: [String: FunctionDecl] = [:]

    init(scope: Scope) {
        self.scope = scope
        values = []
    }

    public subscript(name: String) -> Value? {
        get {
            guard let slot = scope.existingSlot(for: name), slot < values.count else { return nil }
            return values[slot]
        }
        set {
            let slot = scope.slot(for: name)
            if slot >= values.count { values += Array(repeating: nil, count: slot - values.count + 1) }
            values[slot] = newValue
        }
    }

    /// Defined variables, in the order their names first appeared.
    public var variableNames: [String] {
        values.indices.compactMap { values[$0] == nil ? nil : scope.names[$0] }
    }

    public mutating func removeAll() {
        values = []
        functions = [:]
    }
}
