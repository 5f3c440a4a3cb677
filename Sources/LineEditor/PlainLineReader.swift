#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines from a pipe or file: no prompt, no escapes, no history. Reads with `read()` itself
/// rather than stdio so that a Ctrl-C (EINTR) is not mistaken for the end of input.
public final class PlainLineReader: LineReader {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var atEnd = false

    public init(fileDescriptor: Int32 = STDIN_FILENO) {
        fd = fileDescriptor
        Interrupt.install()
    }

    /// `prompt` is ignored: a pipe gets no prompts. A Ctrl-C while waiting returns `.interrupted`.
    public func readLine(prompt: String) -> ReadResult {
        Interrupt.clear()  // a Ctrl-C that came after the last computation is not for this line
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[..<newline]
                buffer.removeSubrange(...newline)
                return .line(Self.decode(line))
            }
            if atEnd {
                guard !buffer.isEmpty else { return .endOfInput }
                defer { buffer.removeAll() }
                return .line(Self.decode(buffer[...]))  // a last line without a newline
            }
            switch fill() {
            case .interrupted:
                Interrupt.clear()
                return .interrupted
            default: continue
            }
        }
    }

    public func addToHistory(_ line: String) {}

    private enum Fill { case data, interrupted }

    /// Appends one `read()` worth of bytes; EOF and errors end the input.
    private func fill() -> Fill {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n > 0 {
            buffer.append(contentsOf: chunk[..<n])
        } else if n < 0 && errno == EINTR {
            if Interrupt.isRequested { return .interrupted }
        } else {
            atEnd = true
        }
        return .data
    }

    /// UTF-8 with invalid bytes repaired; a CRLF file's `\r` dropped.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        var bytes = bytes
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
