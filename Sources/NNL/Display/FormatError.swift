/// A bad printf template, argument or num2str option. The message has no function-name
/// prefix: the builtin that called adds its own (`sprintf: invalid format specified`).
public struct FormatError: Error, Sendable, Equatable {
    public var message: String
    public init(message: String) { self.message = message }
}
