import Foundation

/// Messages the I/O thread has read and the socket's user has not taken yet, in arrival order,
/// counted per peer (messages and bytes): a peer at its receive mark is not read from until the
/// user catches up.
final class Inbox: @unchecked Sendable {
    private let condition = NSCondition()
    private var messages: [(peer: PeerID, parts: [[UInt8]])] = []
    private var head = 0
    private var perPeer: [PeerID: (messages: Int, bytes: Int)] = [:]
    let highWaterMark: Int
    let byteLimit: Int
    /// Called (outside the lock) when a peer falls below its mark: the I/O thread reads it again.
    var roomFreed: () -> Void = {}

    init(highWaterMark: Int, byteLimit: Int) {
        self.highWaterMark = highWaterMark
        self.byteLimit = byteLimit
    }

    func put(_ parts: [[UInt8]], from peer: PeerID) {
        condition.withLock {
            messages.append((peer, parts))
            let queued = perPeer[peer, default: (0, 0)]
            perPeer[peer] = (queued.messages + 1, queued.bytes + Self.size(parts))
            condition.signal()
        }
    }

    private static func size(_ parts: [[UInt8]]) -> Int { parts.reduce(0) { $0 + $1.count + Peer.partOverhead } }

    private func isFull(_ queued: (messages: Int, bytes: Int)) -> Bool {
        queued.messages >= highWaterMark || queued.bytes >= byteLimit
    }

    /// The next message, waiting for one as long as it takes.
    func take() -> (peer: PeerID, parts: [[UInt8]]) {
        let (message, freed) = condition.withLock {
            while head == messages.count { condition.wait() }
            let message = messages[head]
            messages[head] = (message.peer, [])  // the parts are the caller's now
            head += 1
            if head == messages.count || head >= 1024 {
                messages.removeFirst(head)
                head = 0
            }
            let queued = perPeer[message.peer] ?? (1, 0)
            let left = (messages: queued.messages - 1, bytes: queued.bytes - Self.size(message.parts))
            perPeer[message.peer] = left.messages == 0 ? nil : left
            return (message, isFull(queued) && !isFull(left))
        }
        if freed { roomFreed() }
        return message
    }

    /// Whether the I/O thread may read more from `peer`.
    func hasRoom(for peer: PeerID) -> Bool { condition.withLock { !isFull(perPeer[peer, default: (0, 0)]) } }

    /// Messages read and not yet taken.
    var count: Int { condition.withLock { messages.count - head } }
}
