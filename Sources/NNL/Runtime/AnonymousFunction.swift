/// A live `@(params) expr`: its syntax and the values it captured when created.
public final class AnonymousFunction: @unchecked Sendable {
    let decl: AnonymousFunctionDecl
    let captured: [(slot: Int, value: Value)]

    init(decl: AnonymousFunctionDecl, captured: [(slot: Int, value: Value)]) {
        self.decl = decl
        self.captured = captured
    }

    public var parameters: [String] { decl.parameters.map(\.name) }
}

extension AnonymousFunction {
    /// The captured values under the names they had where the handle was made.
    public var capturedByName: [(String, Value)] {
        captured.compactMap { slot, value in
            decl.captures.first { $0.inner == slot }.map { ($0.outer.name, value) }
        }
    }
}
