import Dispatch
import Testing
@testable import LineEditor
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// These touch the process-wide interrupt flag, so they run one at a time.
@Suite(.serialized) struct PlainLineReaderTests {
    /// A reader over a pipe holding `bytes`, closed for writing.
    func reader(_ bytes: [UInt8]) -> (PlainLineReader, Int32) {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        _ = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        return (PlainLineReader(fileDescriptor: fds[0]), fds[0])
    }

    @Test func linesThenEndOfInput() {
        let (input, fd) = reader(Array("x = 1\r\nhé π\n\nlast".utf8))
        defer { close(fd) }
        #expect(input.readLine(prompt: "nnl> ") == .line("x = 1"))
        #expect(input.readLine(prompt: "nnl> ") == .line("hé π"))
        #expect(input.readLine(prompt: "nnl> ") == .line(""))
        #expect(input.readLine(prompt: "nnl> ") == .line("last"))
        #expect(input.readLine(prompt: "nnl> ") == .endOfInput)
        #expect(input.readLine(prompt: "nnl> ") == .endOfInput)
    }

    @Test func invalidUTF8IsRepaired() {
        let (input, fd) = reader([0x61, 0xFF, 0x62, 0x0A])
        defer { close(fd) }
        #expect(input.readLine(prompt: "") == .line("a\u{FFFD}b"))
    }

    @Test func sigintKeepsTheProcessAndSetsTheFlag() {
        Interrupt.install()
        Interrupt.clear()
        raise(SIGINT)
        #expect(Interrupt.isRequested)
        Interrupt.clear()
        #expect(!Interrupt.isRequested)
    }

    @Test func ctrlCWhileWaitingForAPipeIsInterrupted() {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        let input = PlainLineReader(fileDescriptor: fds[0])
        let me = pthread_self()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { _ = pthread_kill(me, SIGINT) }
        #expect(input.readLine(prompt: "") == .interrupted)
        #expect(!Interrupt.isRequested)  // consumed by the reader
        _ = "after\n".withCString { write(fds[1], $0, 6) }
        #expect(input.readLine(prompt: "") == .line("after"))
    }
}
