#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A socket's I/O thread: one poll() over the wake pipe, the listener and every peer. A peer is
/// polled for reading while it has room in the inbox and for writing while it has output queued,
/// so no peer, reading or not, makes the thread wait for it.
extension ZMTPSocket {
    func runLoop() -> Never {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var acceptPausedUntil: DispatchTime?
        /// Accept is failing for want of descriptors: said once, not every pause.
        var starved = false
        while true {
            let current = lock.withLock { Array(peers) }
            if let until = acceptPausedUntil, DispatchTime.now() >= until { acceptPausedUntil = nil }
            var fds = [pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: listener, events: acceptPausedUntil == nil ? Int16(POLLIN) : 0, revents: 0)]
            for (id, peer) in current {
                let events = (inbox.hasRoom(for: id) ? POLLIN : 0) | (peer.hasOutput ? POLLOUT : 0)
                fds.append(pollfd(fd: peer.fd, events: Int16(events), revents: 0))
            }
            let timeout = acceptPausedUntil.map { Int32(($0.uptimeNanoseconds - min($0.uptimeNanoseconds, DispatchTime.now().uptimeNanoseconds)) / 1_000_000) + 1 } ?? -1
            guard Posix.poll(&fds, timeout) > 0 else { continue }
            if fds[0].revents != 0 { Posix.drain(wakePipe.read) }
            if fds[1].revents != 0 {
                let accepted = acceptPeers()
                if !accepted {
                    acceptPausedUntil = DispatchTime.now() + .milliseconds(Int(limits.acceptBackoffMilliseconds))
                    if !starved { log("\(role.rawValue) port \(port): cannot accept connections (\(Posix.lastError)); retrying every \(limits.acceptBackoffMilliseconds) ms") }
                }
                starved = !accepted
            }
            for (index, (id, peer)) in current.enumerated() {
                let revents = Int32(fds[index + 2].revents)
                if revents & POLLOUT != 0 { flush(id, peer) }
                if revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL) != 0 { read(id, peer, &buffer) }
            }
        }
    }

    /// Accepts every waiting connection; false when out of descriptors or memory (then the
    /// listener rests for a while rather than poll() reporting it ready in a tight loop).
    private func acceptPeers() -> Bool {
        for _ in 0..<64 {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else {
                switch errno {
                case EINTR, ECONNABORTED: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM: return false
                default: return true
                }
            }
            Posix.setNonBlocking(fd)
            Posix.setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY)
            let peer = Peer(fd: fd, limits: limits)
            lock.withLock {
                serial += 1
                peers[PeerID(fd: fd, serial: serial)] = peer
            }
            peer.open()
        }
        return true
    }

    private func flush(_ id: PeerID, _ peer: Peer) {
        do {
            let dropped = try peer.flush()
            if dropped > 0 { log("\(role.rawValue) port \(port): a slow peer caught up after \(dropped) dropped messages") }
        } catch {
            drop(id, peer, reason: "\(error)")
        }
    }

    private func read(_ id: PeerID, _ peer: Peer, _ buffer: inout [UInt8]) {
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
            case .message(let parts): inbox.put(parts, from: id)
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
}
