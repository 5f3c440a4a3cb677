// LineEditor reads the REPL's lines and knows nothing of the language (the REPL hands it a
// completer). Files: LineReader (this: the protocol and the choice of reader), PlainLineReader
// (pipes: read(), no prompt, no escapes), ReadlineLineReader (the only file calling readline),
// Interrupt (the Ctrl-C flag), Completion (which word Tab completes), History (path and rules).
// Ctrl-C while typing gives `.interrupted` at once (a SIGINT handler without SA_RESTART makes
// read() return EINTR; readline's own signal handling is off, and its getc is ours); during a
// computation the session's stop token sees the same flag. History entries must be single lines.
import NNL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one prompt produced.
public enum ReadResult: Equatable, Sendable {
    /// A line without its newline.
    case line(String)
    /// Ctrl-C while the line was being typed: the line was discarded and the flag cleared.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

/// Reads the REPL's lines. Behind a protocol so pipes never touch readline (and readline,
/// GPL-licensed, could be swapped for another editor without touching the REPL).
public protocol LineReader: AnyObject {
    func readLine(prompt: String) -> ReadResult
    /// Offers a line to the history; empty lines and repeats of the previous line are dropped.
    func addToHistory(_ line: String)
}

/// Readline only when both ends are a terminal: otherwise it echoes prompts and input and
/// writes bracketed-paste escapes into redirected output.
public func isInteractiveTerminal() -> Bool {
    isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
}

/// Readline on a terminal, plain lines otherwise. Both install the SIGINT handler.
public func makeLineReader(
    historyPath: String = ReadlineLineReader.defaultHistoryPath(),
    completer: @escaping @Sendable (CompletionRequest) -> [String]
) -> LineReader {
    if isInteractiveTerminal() {
        return ReadlineLineReader(historyPath: historyPath, completer: completer)
    }
    return PlainLineReader()
}
