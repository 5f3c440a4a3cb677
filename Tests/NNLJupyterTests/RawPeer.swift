#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import NNLJupyter

/// A ZeroMQ peer written out by hand for the tests: greeting, READY, frames, over a plain socket.
final class RawPeer {
    let fd: Int32
    private var decoder = ZMTPFrameDecoder()
    /// The READY the other side sent.
    private(set) var theirReady: ZMTPCommand?

    init(port: Int, socketType: String, identity: [UInt8] = []) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ZMTPError("connect failed") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        write(Greeting(minor: 1).encoded)
        _ = try Greeting(parsing: try read(Greeting.size))
        var properties = ["Socket-Type": Array(socketType.utf8)]
        if !identity.isEmpty { properties["Identity"] = identity }
        write(ZMTPCommand.ready(properties).frame.encoded)
        theirReady = try ZMTPCommand(parsing: try frame())
    }

    deinit { close(fd) }

    func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { return }
            offset += n
        }
    }

    func send(_ parts: [[UInt8]]) { write(ZMTPFrame.message(parts)) }

    /// The next whole message (commands skipped).
    func receive() throws -> [[UInt8]] {
        var parts: [[UInt8]] = []
        while true {
            let next = try frame()
            if next.isCommand { continue }
            parts.append(next.body)
            if !next.more { return parts }
        }
    }

    private func frame() throws -> ZMTPFrame {
        while true {
            if let frame = try decoder.next() { return frame }
            try fill()
        }
    }

    private func read(_ count: Int) throws -> [UInt8] {
        while true {
            if let bytes = decoder.take(count) { return bytes }
            try fill()
        }
    }

    private func fill() throws {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { throw ZMTPError("the connection closed or timed out") }
        decoder.append(buffer[..<n])
    }
}
