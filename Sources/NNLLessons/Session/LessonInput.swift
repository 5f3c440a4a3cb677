import Foundation

/// Where a lesson's lines come from. The plain one reads standard input; a readline
/// adapter can take its place without the session knowing.
public protocol LessonInput: AnyObject {
    /// The next line without its newline; nil at the end of input.
    func readLine(prompt: String) -> String?
}

/// Standard input, line by line, with the prompt written to standard output.
public final class StandardInput: LessonInput {
    public init() {}

    public func readLine(prompt: String) -> String? {
        FileHandle.standardOutput.write(Data(prompt.utf8))
        return Swift.readLine(strippingNewline: true)
    }
}

/// Drives a session from an input until the lesson ends or the learner quits.
public func runLesson(_ session: LessonSession, input: LessonInput) {
    session.start()
    while session.phase != .finished {
        let line = input.readLine(prompt: session.prompt)
        if (line.map(session.handle) ?? session.endOfInput()) == .quit { return }
    }
}
