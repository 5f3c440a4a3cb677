// ZMTP/: ZeroMQ's wire protocol (ZMTP 3.0/3.1, RFC 23 and 37) with the NULL mechanism, as much
// of it as a Jupyter kernel needs. ZMTPFrame (this file) and Greeting are pure encoders and parsers;
// ZMTPCommand is READY and SUBSCRIBE; Peer is one TCP connection; ZMTPSocket binds a port and serves
// its peers with poll() for one role (ROUTER, PUB, REP).

/// One ZMTP frame: a message part or a command.
public struct ZMTPFrame: Equatable, Sendable {
    public var body: [UInt8]
    /// More frames of the same message follow.
    public var more: Bool
    /// A command (READY, SUBSCRIBE, …) rather than a message part.
    public var isCommand: Bool

    public init(_ body: [UInt8], more: Bool = false, isCommand: Bool = false) {
        self.body = body
        self.more = more
        self.isCommand = isCommand
    }

    static let moreFlag: UInt8 = 0x01
    static let longFlag: UInt8 = 0x02
    static let commandFlag: UInt8 = 0x04

    /// The frame as bytes: flags, a 1- or 8-byte big-endian size, the body.
    public var encoded: [UInt8] {
        let long = body.count > 255
        var flags: UInt8 = more ? Self.moreFlag : 0
        if long { flags |= Self.longFlag }
        if isCommand { flags |= Self.commandFlag }
        var bytes = [flags]
        if long {
            let size = UInt64(body.count)
            bytes += (0..<8).reversed().map { UInt8(truncatingIfNeeded: size >> (8 * UInt64($0))) }
        } else {
            bytes.append(UInt8(body.count))
        }
        return bytes + body
    }

    /// A message's parts as frames, each but the last marked `more`.
    public static func message(_ parts: [[UInt8]]) -> [UInt8] {
        parts.enumerated().flatMap { index, part in
            ZMTPFrame(part, more: index < parts.count - 1).encoded
        }
    }
}

/// What went wrong on a connection; the peer is dropped.
public struct ZMTPError: Error, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Frames cut from a byte stream as it arrives, however it is split into reads.
public struct ZMTPFrameDecoder {
    private var buffer: [UInt8] = []
    private var start = 0
    /// Frames larger than this end the connection (a corrupt or hostile size).
    let maximumSize: UInt64

    public init(maximumSize: UInt64 = 1 << 30) { self.maximumSize = maximumSize }

    public mutating func append(_ bytes: some Sequence<UInt8>) { buffer.append(contentsOf: bytes) }

    /// Bytes received but not yet taken as a frame or greeting.
    public var pending: Int { buffer.count - start }

    /// Takes `count` raw bytes (the greeting), or nil until they have all arrived.
    public mutating func take(_ count: Int) -> [UInt8]? {
        guard pending >= count else { return nil }
        defer { consume(count) }
        return Array(buffer[start..<start + count])
    }

    /// The next complete frame, or nil until all of it has arrived.
    public mutating func next() throws(ZMTPError) -> ZMTPFrame? { try next(limit: maximumSize) }

    /// The next complete frame; one whose header announces more than `limit` bytes is refused as
    /// soon as the header arrives, before its body is buffered.
    public mutating func next(limit: UInt64) throws(ZMTPError) -> ZMTPFrame? {
        guard pending >= 2 else { return nil }
        let flags = buffer[start]
        guard flags & ~(ZMTPFrame.moreFlag | ZMTPFrame.longFlag | ZMTPFrame.commandFlag) == 0 else {
            throw ZMTPError("bad frame flags \(flags)")
        }
        let headerSize = flags & ZMTPFrame.longFlag != 0 ? 9 : 2
        guard pending >= headerSize else { return nil }
        let size = flags & ZMTPFrame.longFlag != 0
            ? buffer[start + 1..<start + 9].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            : UInt64(buffer[start + 1])
        guard size <= min(limit, maximumSize) else { throw ZMTPError("frame of \(size) bytes is too large") }
        guard pending >= headerSize + Int(size) else { return nil }
        let bodyStart = start + headerSize
        let frame = ZMTPFrame(Array(buffer[bodyStart..<bodyStart + Int(size)]),
                          more: flags & ZMTPFrame.moreFlag != 0, isCommand: flags & ZMTPFrame.commandFlag != 0)
        consume(headerSize + Int(size))
        return frame
    }

    private mutating func consume(_ count: Int) {
        start += count
        if start > 65_536 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }
}
