/// The body of `@(params) expr` and the variables it captured when it was created.
public final class AnonymousFunction: Sendable {
    public let parameters: [String]
    public init(parameters: [String]) { self.parameters = parameters }
}
