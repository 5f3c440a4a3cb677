import Foundation

/// One connected client: its handshake, the frames it sends, and the bytes sent to it.
/// The socket's poll thread reads; any thread may send (whole messages, under `writeLock`).
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
    /// Parts of a message whose last frame has not arrived.
    private var parts: [[UInt8]] = []
    private let writeLock = NSLock()
    private var closed = false

    /// What the peer sent that the socket must act on.
    enum Event: Equatable {
        case message([[UInt8]])
        case command(ZMTPCommand)
    }

    init(fd: Int32) { self.fd = fd }

    /// Starts the handshake: the greeting goes out at once.
    func open() throws(ZMTPError) { try write(Greeting().encoded) }

    /// Takes freshly read bytes; returns complete messages and commands after the handshake.
    func receive(_ bytes: ArraySlice<UInt8>, socketType ours: String) throws(ZMTPError) -> [Event] {
        decoder.append(bytes)
        if !greeted {
            guard let greeting = decoder.take(Greeting.size) else { return [] }
            _ = try Greeting(parsing: greeting)
            greeted = true
            try write(ZMTPCommand.readyFrame(socketType: ours).encoded)
        }
        var events: [Event] = []
        while let frame = try decoder.next() {
            if frame.isCommand {
                let command = try ZMTPCommand(parsing: frame)
                if case .ready(let properties) = command { accept(properties) } else { events.append(.command(command)) }
                continue
            }
            guard isReady else { throw ZMTPError("a message before READY") }
            parts.append(frame.body)
            if !frame.more {
                events.append(.message(parts))
                parts = []
            }
        }
        return events
    }

    private func accept(_ properties: [String: [UInt8]]) {
        socketType = String(decoding: properties["Socket-Type"] ?? [], as: UTF8.self)
        identity = properties["Identity"] ?? []
        isReady = true
    }

    /// Sends a whole message; false when the connection is gone.
    @discardableResult
    func send(_ parts: [[UInt8]]) -> Bool {
        do { try write(ZMTPFrame.message(parts)) } catch { return false }
        return true
    }

    private func write(_ bytes: [UInt8]) throws(ZMTPError) {
        writeLock.lock()
        defer { writeLock.unlock() }
        guard !closed else { throw ZMTPError("connection closed") }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Posix.send(fd, $0) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ZMTPError("send failed: \(Posix.lastError)")
            }
            offset += n
        }
    }

    /// Closes the connection; later sends fail quietly.
    func close() {
        writeLock.lock()
        defer { writeLock.unlock() }
        guard !closed else { return }
        closed = true
        Posix.close(fd)
    }
}
