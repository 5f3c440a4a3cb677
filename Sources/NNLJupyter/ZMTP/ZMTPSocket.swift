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

/// A TCP port bound for one role; `poll` accepts peers, runs their handshakes and hands whole
/// messages to a handler. One thread polls; any thread may send or publish.
public final class ZMTPSocket: @unchecked Sendable {
    public let role: SocketRole
    public let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var peers: [PeerID: Peer] = [:]
    private var serial = 0
    /// Told about dropped peers and protocol errors.
    public var log: (String) -> Void = { _ in }

    /// Binds `host:port` (IPv4; `*` or `0.0.0.0` for every interface, port 0 for any free one).
    public init(role: SocketRole, host: String, port: Int) throws(ZMTPError) {
        self.role = role
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
        guard bound == 0, listen(listener, 16) == 0 else {
            let reason = Posix.lastError
            Posix.close(listener)
            throw ZMTPError("cannot listen on \(host):\(port): \(reason)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Serves forever on the calling thread.
    public func serve(_ handler: (PeerID, [[UInt8]]) -> Void) -> Never {
        while true { poll(timeout: -1, handler) }
    }

    /// Waits up to `timeout` ms (-1: for ever) for activity, then handles everything readable.
    public func poll(timeout: Int32, _ handler: (PeerID, [[UInt8]]) -> Void) {
        let current = lock.withLock { Array(peers) }
        var fds = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
        fds += current.map { pollfd(fd: $0.value.fd, events: Int16(POLLIN), revents: 0) }
        let ready = Posix.poll(&fds, timeout)
        guard ready > 0 else { return }
        if fds[0].revents != 0 { acceptPeer() }
        for (index, (id, peer)) in current.enumerated() where fds[index + 1].revents != 0 {
            read(id, peer, handler)
        }
    }

    private func acceptPeer() {
        let fd = accept(listener, nil, nil)
        guard fd >= 0 else { return }
        Posix.setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY)
        let peer = Peer(fd: fd)
        do { try peer.open() } catch {
            peer.close()
            return
        }
        lock.withLock {
            serial += 1
            peers[PeerID(fd: fd, serial: serial)] = peer
        }
    }

    private func read(_ id: PeerID, _ peer: Peer, _ handler: (PeerID, [[UInt8]]) -> Void) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        // Never blocks: a handler may have polled (and read) this peer already.
        let count = buffer.withUnsafeMutableBytes { recv(peer.fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        if count < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) { return }
        guard count > 0 else { return drop(id, peer, reason: count == 0 ? nil : Posix.lastError) }
        let events: [Peer.Event]
        do {
            // Under the lock: senders on other threads read the handshake's results.
            events = try lock.withLock { try peer.receive(buffer[..<count], socketType: role.rawValue) }
        } catch {
            return drop(id, peer, reason: "\(error)")
        }
        for event in events {
            switch event {
            case .message(let parts) where role == .publisher: subscription(parts, peer)
            case .message(let parts): handler(id, parts)
            case .command(.subscribe(let prefix)): lock.withLock { peer.subscriptions.append(prefix) }
            case .command(.cancel(let prefix)): unsubscribe(prefix, peer)
            case .command: break
            }
        }
    }

    /// ZMTP 3.0 subscribers send `01 prefix` / `00 prefix` as messages.
    private func subscription(_ parts: [[UInt8]], _ peer: Peer) {
        guard let first = parts.first, let flag = first.first else { return }
        let prefix = Array(first.dropFirst())
        if flag == 1 { lock.withLock { peer.subscriptions.append(prefix) } } else if flag == 0 { unsubscribe(prefix, peer) }
    }

    private func unsubscribe(_ prefix: [UInt8], _ peer: Peer) {
        lock.withLock {
            if let index = peer.subscriptions.firstIndex(of: prefix) { peer.subscriptions.remove(at: index) }
        }
    }

    private func drop(_ id: PeerID, _ peer: Peer, reason: String?) {
        if let reason { log("\(role.rawValue) peer on port \(port) dropped: \(reason)") }
        lock.withLock { _ = peers.removeValue(forKey: id) }
        peer.close()
    }

    /// Sends a message back on the connection a request came from.
    public func send(_ parts: [[UInt8]], to id: PeerID) {
        lock.withLock { peers[id] }?.send(parts)
    }

    /// Sends to every peer whose handshake named this identity (a client's stdin socket).
    public func send(_ parts: [[UInt8]], toIdentity identity: [UInt8]) {
        for peer in lock.withLock({ peers.values.filter { $0.identity == identity } }) { peer.send(parts) }
    }

    /// The identity a peer gave in its READY (jupyter_client's session id), if any.
    public func identity(of id: PeerID) -> [UInt8]? {
        lock.withLock { peers[id] }?.identity
    }

    /// PUB: sends to every subscriber whose prefix matches the first part (the topic).
    public func publish(_ parts: [[UInt8]]) {
        let topic = parts.first ?? []
        let subscribers = lock.withLock {
            peers.values.filter { $0.isReady && $0.subscriptions.contains { topic.starts(with: $0) } }
        }
        for peer in subscribers { peer.send(parts) }
    }

    /// Connected peers that subscribed to something (PUB); tests wait for them.
    public var subscriberCount: Int { lock.withLock { peers.values.filter { !$0.subscriptions.isEmpty }.count } }
}
