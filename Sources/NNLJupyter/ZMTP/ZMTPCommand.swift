/// The ZMTP commands a kernel meets: READY (the NULL handshake's metadata), and a subscriber's
/// SUBSCRIBE / CANCEL (ZMTP 3.1; 3.0 peers send subscriptions as messages instead).
public enum ZMTPCommand: Equatable, Sendable {
    case ready([String: [UInt8]])
    case subscribe([UInt8])
    case cancel([UInt8])
    case other(String)

    /// A READY command's frame for a socket of type `socketType`.
    public static func readyFrame(socketType: String) -> ZMTPFrame {
        ZMTPCommand.ready(["Socket-Type": Array(socketType.utf8)]).frame
    }

    public var frame: ZMTPFrame {
        switch self {
        case .ready(let properties):
            var body = Self.name("READY")
            for (name, value) in properties.sorted(by: { $0.key < $1.key }) {
                body += Self.name(name)
                let size = UInt32(value.count)
                body += (0..<4).reversed().map { UInt8(truncatingIfNeeded: size >> (8 * UInt32($0))) }
                body += value
            }
            return ZMTPFrame(body, isCommand: true)
        case .subscribe(let prefix): return ZMTPFrame(Self.name("SUBSCRIBE") + prefix, isCommand: true)
        case .cancel(let prefix): return ZMTPFrame(Self.name("CANCEL") + prefix, isCommand: true)
        case .other(let name): return ZMTPFrame(Self.name(name), isCommand: true)
        }
    }

    /// A short string: its length in one byte, then its bytes.
    private static func name(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8.prefix(255))
        return [UInt8(bytes.count)] + bytes
    }

    public init(parsing frame: ZMTPFrame) throws(ZMTPError) {
        var reader = ByteReader(frame.body)
        let name = try reader.shortString()
        switch name {
        case "READY":
            var properties: [String: [UInt8]] = [:]
            while !reader.isAtEnd {
                let key = try reader.shortString()
                let size = try reader.bytes(4).reduce(0) { $0 << 8 | Int($1) }
                properties[key] = try reader.bytes(size)
            }
            self = .ready(properties)
        case "SUBSCRIBE": self = .subscribe(reader.rest)
        case "CANCEL": self = .cancel(reader.rest)
        default: self = .other(name)
        }
    }
}

/// Reads a command's body front to back; a short body is an error, never a trap.
struct ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset >= bytes.count }
    var rest: [UInt8] { Array(bytes[min(offset, bytes.count)...]) }

    mutating func bytes(_ count: Int) throws(ZMTPError) -> [UInt8] {
        guard count >= 0, bytes.count - offset >= count else { throw ZMTPError("command is cut short") }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func shortString() throws(ZMTPError) -> String {
        let length = try bytes(1)[0]
        return String(decoding: try bytes(Int(length)), as: UTF8.self)
    }
}
