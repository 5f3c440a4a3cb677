#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Which end of a ZeroMQ pattern a bound socket plays. Jupyter's kernel is ROUTER for shell,
/// control and stdin (the clients are DEALERs), PUB for iopub and REP for the heartbeat.
public enum SocketRole: String, Sendable {
    case router = "ROUTER", publisher = "PUB", reply = "REP"
}

/// A connected peer, as the handler sees it: replies go back on the same connection.
public struct PeerID: Hashable, Sendable {
    let fd: Int32
    let serial: Int
}

/// A TCP port bound for one role. An I/O thread of its own (SocketLoop.swift) accepts peers,
/// runs their handshakes, reads whole messages into an inbox and writes what is queued for each
/// peer; `serve` hands the inbox's messages to a handler. Any thread may send or publish: a
/// message goes into its peer's queue and never waits for the peer, as with libzmq.
public final class ZMTPSocket: @unchecked Sendable {
    public let role: SocketRole
    public let port: Int
    public let limits: ZMTPLimits
    let listener: Int32
    /// Written to wake the I/O thread: output was queued, or a peer has room to be read again.
    let wakePipe: (read: Int32, write: Int32)
    let lock = NSLock()
    var peers: [PeerID: Peer] = [:]
    var serial = 0
    let inbox: Inbox
    private var started = false
    /// Told about dropped peers, dropped messages and protocol errors.
    public var log: (String) -> Void = { _ in }

    /// Binds `host:port` (IPv4; `*` or `0.0.0.0` for every interface, port 0 for any free one).
    public init(role: SocketRole, host: String, port: Int, limits: ZMTPLimits = ZMTPLimits()) throws(ZMTPError) {
        self.role = role
        // iopub and the heartbeat only ever receive subscriptions and pings.
        self.limits = role == .router ? limits : limits.cappingMessages(at: 64 << 10)
        let listener = try Self.bindListener(host: host, port: port)
        self.listener = listener.fd
        self.port = listener.port
        wakePipe = Posix.pipe()
        inbox = Inbox(highWaterMark: self.limits.receiveHighWaterMark, byteLimit: self.limits.maxMessageSize)
        inbox.roomFreed = { [wakePipe] in Posix.wake(wakePipe.write) }
    }

    private static func bindListener(host: String, port: Int) throws(ZMTPError) -> (fd: Int32, port: Int) {
        let listener = socket(AF_INET, Posix.streamSocket, 0)
        guard listener >= 0 else { throw ZMTPError("socket: \(Posix.lastError)") }
        Posix.setOption(listener, SOL_SOCKET, SO_REUSEADDR)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port)).bigEndian
        let ip = host == "*" ? "0.0.0.0" : host
        guard inet_pton(AF_INET, ip, &address.sin_addr) == 1 else {
            Posix.close(listener)
            throw ZMTPError("\(host) is not an IPv4 address")
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 128) == 0 else {
            let reason = Posix.lastError
            Posix.close(listener)
            throw ZMTPError("cannot listen on \(host):\(port): \(reason)")
        }
        Posix.setNonBlocking(listener)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        return (listener, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// Starts the I/O thread (once): from now on peers are accepted, read and written.
    public func start() {
        let first = lock.withLock {
            defer { started = true }
            return !started
        }
        guard first else { return }
        let thread = Thread { [self] in runLoop() }
        thread.name = "zmtp \(role.rawValue) \(port)"
        thread.start()
    }

    /// Hands every message received to `handler`, one at a time, on the calling thread, for ever.
    public func serve(_ handler: (PeerID, [[UInt8]]) -> Void) -> Never {
        start()
        while true {
            let message = inbox.take()
            handler(message.peer, message.parts)
        }
    }

    /// Messages received and not yet handed to the handler.
    public var queuedMessages: Int { inbox.count }

    /// Sends a message back on the connection a request came from (dropped if that peer is at its mark).
    public func send(_ parts: [[UInt8]], to id: PeerID) {
        guard let peer = lock.withLock({ peers[id] }) else { return }
        deliver(parts, to: peer)
    }

    /// Sends to every peer whose handshake named this identity (a client's stdin socket).
    public func send(_ parts: [[UInt8]], toIdentity identity: [UInt8]) {
        for peer in lock.withLock({ peers.values.filter { $0.identity == identity } }) { deliver(parts, to: peer) }
    }

    /// The identity a peer gave in its READY (jupyter_client's session id), if any.
    public func identity(of id: PeerID) -> [UInt8]? {
        lock.withLock { peers[id] }?.identity
    }

    /// PUB: sends to every subscriber whose prefix matches the first part (the topic); a
    /// subscriber at its mark misses the message, the others do not notice.
    public func publish(_ parts: [[UInt8]]) {
        let topic = parts.first ?? []
        let subscribers = lock.withLock {
            peers.values.filter { $0.isReady && $0.subscriptions.contains { topic.starts(with: $0) } }
        }
        for peer in subscribers { deliver(parts, to: peer) }
    }

    private func deliver(_ parts: [[UInt8]], to peer: Peer) {
        switch peer.send(parts) {
        case .queued: Posix.wake(wakePipe.write)
        case .dropped where peer.dropped == 1:
            log("\(role.rawValue) port \(port): a peer is not reading; dropping messages to it (queue at its mark)")
        case .sent, .dropped, .closed: break
        }
    }

    /// Connected peers that subscribed to something (PUB); tests wait for them.
    public var subscriberCount: Int { lock.withLock { peers.values.filter { !$0.subscriptions.isEmpty }.count } }

    /// Gives every peer's queue up to `milliseconds` to go out (before the process exits).
    public func drain(milliseconds: Int32) {
        let deadline = DispatchTime.now() + .milliseconds(Int(milliseconds))
        for peer in lock.withLock({ Array(peers.values) }) {
            while peer.hasOutput, DispatchTime.now() < deadline {
                var fds = [pollfd(fd: peer.fd, events: Int16(POLLOUT), revents: 0)]
                guard Posix.poll(&fds, 10) >= 0, (try? peer.flush()) != nil else { break }
            }
        }
    }
}
