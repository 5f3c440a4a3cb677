/// A live `@(params) expr`: its syntax and the values it captured when created.
public final class AnonymousFunction: @unchecked Sendable {
    public let decl: AnonymousFunctionDecl
    public let captured: [(slot: Int, value: Value)]

    init(decl: AnonymousFunctionDecl, captured: [(slot: Int, value: Value)]) {
        self.decl = decl
        self.captured = captured
    }

    public var parameters: [String] { decl.parameters.map(\.name) }
}
