/// A function handle: `@name` or an anonymous `@(x) expr` with the values it captured.
public struct FunctionValue: Sendable {
    public enum Target: Sendable {
        case named(String)
        case anonymous(AnonymousFunction)
    }
    public var target: Target
    /// How Octave shows it: `@(x) 2 * (x - 3)` or `@sin`.
    public var text: String

    public init(target: Target, text: String) {
        self.target = target
        self.text = text
    }
}
