#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Encoded messages waiting to go to one peer, written as far as its socket takes them without
/// blocking. Whole messages only: one is refused, never cut, when the queue is at its mark.
struct SendQueue {
    private var messages: [[UInt8]] = []
    /// The first unsent message and how much of it is sent.
    private var head = 0
    private var offset = 0
    /// Queued bytes not yet written.
    private(set) var bytes = 0
    let highWaterMark: Int
    let byteLimit: Int

    init(highWaterMark: Int, byteLimit: Int) {
        self.highWaterMark = highWaterMark
        self.byteLimit = byteLimit
    }

    var count: Int { messages.count - head }
    var isEmpty: Bool { count == 0 }

    /// Queues a message; false (and nothing queued) when the peer is at its mark. `force` is for
    /// the handshake, which must go out whatever the marks.
    mutating func push(_ message: [UInt8], force: Bool = false) -> Bool {
        if !force, count >= highWaterMark || (count > 0 && bytes + message.count > byteLimit) { return false }
        messages.append(message)
        bytes += message.count
        return true
    }

    /// Writes what the socket takes now; throws when the connection is broken.
    mutating func write(to fd: Int32) throws(ZMTPError) {
        defer { compact() }
        while head < messages.count {
            let n = messages[head][offset...].withUnsafeBytes { Posix.send(fd, $0) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { return }
                throw ZMTPError("send failed: \(Posix.lastError)")
            }
            offset += n
            bytes -= n
            if offset == messages[head].count {
                messages[head] = []
                head += 1
                offset = 0
            }
        }
    }

    /// Forgets the sent messages' slots (a peer that reads slowly never empties the queue).
    private mutating func compact() {
        guard head > 0, head == messages.count || head >= 1024 else { return }
        messages.removeFirst(head)
        head = 0
    }
}
