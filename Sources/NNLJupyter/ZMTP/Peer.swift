import Foundation

/// One connected client: its handshake, the frames it sends, and the bytes queued for it.
/// The socket's I/O thread reads and flushes; any thread may send (whole messages, under `lock`).
/// Nothing here blocks: the descriptor is non-blocking, and what the peer does not take waits in
/// its own queue, up to its marks.
final class Peer {
    let fd: Int32
    private var decoder = ZMTPFrameDecoder()
    private var greeted = false
    private(set) var isReady = false
    /// The peer's READY properties: `Socket-Type`, and `Identity` for DEALERs.
    private(set) var socketType = ""
    private(set) var identity: [UInt8] = []
    /// Topic prefixes a subscriber asked for (PUB only).
    var subscriptions: [[UInt8]] = []
    /// Parts of a message whose last frame has not arrived, and their size as held in memory.
    private var parts: [[UInt8]] = []
    private var partsSize = 0
    private let maxMessageSize: Int
    private let lock = NSLock()
    private var output: SendQueue
    private var closed = false
    /// Messages dropped at the marks since the queue last emptied (logged once per episode).
    private(set) var dropped = 0

    /// What the peer sent that the socket must act on.
    enum Event: Equatable {
        case message([[UInt8]])
        case command(ZMTPCommand)
    }

    /// What became of a message handed to `send`.
    enum Delivery { case sent, queued, dropped, closed }

    init(fd: Int32, limits: ZMTPLimits) {
        self.fd = fd
        maxMessageSize = limits.maxMessageSize
        output = SendQueue(highWaterMark: limits.sendHighWaterMark, byteLimit: limits.sendQueueBytes)
    }

    /// Starts the handshake: the greeting goes out at once.
    func open() { _ = queue(Greeting().encoded, force: true) }

    /// Takes freshly read bytes; returns complete messages and commands after the handshake.
    func receive(_ bytes: ArraySlice<UInt8>, socketType ours: String) throws(ZMTPError) -> [Event] {
        decoder.append(bytes)
        if !greeted {
            guard let greeting = decoder.take(Greeting.size) else { return [] }
            _ = try Greeting(parsing: greeting)
            greeted = true
            _ = queue(ZMTPCommand.readyFrame(socketType: ours).encoded, force: true)
        }
        var events: [Event] = []
        // Each part costs its bytes and an array's bookkeeping: a flood of empty frames is capped too.
        while let frame = try decoder.next(limit: UInt64(max(0, maxMessageSize - partsSize))) {
            if frame.isCommand {
                let command = try ZMTPCommand(parsing: frame)
                if case .ready(let properties) = command { accept(properties) } else { events.append(.command(command)) }
                continue
            }
            guard isReady else { throw ZMTPError("a message before READY") }
            parts.append(frame.body)
            partsSize += frame.body.count + Self.partOverhead
            guard partsSize <= maxMessageSize else {
                throw ZMTPError("a message of more than \(maxMessageSize) bytes")
            }
            if !frame.more {
                events.append(.message(parts))
                parts = []
                partsSize = 0
            }
        }
        return events
    }

    static let partOverhead = 64

    private func accept(_ properties: [String: [UInt8]]) {
        socketType = String(decoding: properties["Socket-Type"] ?? [], as: UTF8.self)
        identity = properties["Identity"] ?? []
        isReady = true
    }

    /// Queues a whole message and writes what the connection takes now.
    func send(_ parts: [[UInt8]]) -> Delivery { queue(ZMTPFrame.message(parts), force: false) }

    private func queue(_ bytes: [UInt8], force: Bool) -> Delivery {
        lock.withLock {
            guard !closed else { return .closed }
            guard output.push(bytes, force: force) else {
                dropped += 1
                return .dropped
            }
            // A broken connection is noticed and dropped by the reading side.
            try? output.write(to: fd)
            return output.isEmpty ? .sent : .queued
        }
    }

    /// Bytes are waiting for the connection to take them.
    var hasOutput: Bool { lock.withLock { !closed && !output.isEmpty } }

    /// Writes what the connection takes now (it polled writable); returns how many messages had
    /// been dropped in the episode that just ended when the queue empties, else 0.
    func flush() throws(ZMTPError) -> Int {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return 0 }
        try output.write(to: fd)
        guard output.isEmpty else { return 0 }
        defer { dropped = 0 }
        return dropped
    }

    /// Closes the connection; later sends are refused quietly.
    func close() {
        lock.withLock {
            guard !closed else { return }
            closed = true
            Posix.close(fd)
        }
    }
}
