import Foundation

/// Messages the I/O thread has read and the socket's user has not taken yet, in arrival order,
/// counted per peer: a peer at its receive mark is not read from until the user catches up.
final class Inbox: @unchecked Sendable {
    private let condition = NSCondition()
    private var messages: [(peer: PeerID, parts: [[UInt8]])] = []
    private var head = 0
    private var perPeer: [PeerID: Int] = [:]
    let highWaterMark: Int
    /// Called (outside the lock) when a peer falls below its mark: the I/O thread reads it again.
    var roomFreed: () -> Void = {}

    init(highWaterMark: Int) { self.highWaterMark = highWaterMark }

    func put(_ parts: [[UInt8]], from peer: PeerID) {
        condition.withLock {
            messages.append((peer, parts))
            perPeer[peer, default: 0] += 1
            condition.signal()
        }
    }

    /// The next message, waiting for one as long as it takes.
    func take() -> (peer: PeerID, parts: [[UInt8]]) {
        let (message, freed) = condition.withLock {
            while head == messages.count { condition.wait() }
            let message = messages[head]
            messages[head] = (message.peer, [])
            head += 1
            if head == messages.count || head >= 1024 {
                messages.removeFirst(head)
                head = 0
            }
            let left = (perPeer[message.peer] ?? 1) - 1
            perPeer[message.peer] = left == 0 ? nil : left
            return (message, left == highWaterMark - 1)
        }
        if freed { roomFreed() }
        return message
    }

    /// Whether the I/O thread may read more from `peer`.
    func hasRoom(for peer: PeerID) -> Bool { condition.withLock { perPeer[peer, default: 0] < highWaterMark } }

    /// Messages read and not yet taken.
    var count: Int { condition.withLock { messages.count - head } }
}
