/// The 64-byte greeting each side sends first: signature, version, mechanism, as-server.
public struct Greeting: Equatable, Sendable {
    public var major: UInt8
    public var minor: UInt8
    public var mechanism: String
    public var asServer: Bool

    public static let size = 64

    public init(major: UInt8 = 3, minor: UInt8 = 0, mechanism: String = "NULL", asServer: Bool = false) {
        self.major = major
        self.minor = minor
        self.mechanism = mechanism
        self.asServer = asServer
    }

    /// `FF`, 8 padding bytes, `7F`, the version, the mechanism padded to 20 bytes, as-server, 31 zeros.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = [0xFF] + [UInt8](repeating: 0, count: 8) + [0x7F, major, minor]
        let name = Array(mechanism.utf8.prefix(20))
        bytes += name + [UInt8](repeating: 0, count: 20 - name.count)
        bytes.append(asServer ? 1 : 0)
        return bytes + [UInt8](repeating: 0, count: 31)
    }

    /// Reads a peer's greeting; only ZMTP 3.x with the NULL mechanism is spoken here.
    public init(parsing bytes: [UInt8]) throws(ZMTPError) {
        guard bytes.count == Self.size, bytes[0] == 0xFF, bytes[9] == 0x7F else {
            throw ZMTPError("not a ZMTP 3 greeting")
        }
        major = bytes[10]
        minor = bytes[11]
        mechanism = String(decoding: bytes[12..<32].prefix { $0 != 0 }, as: UTF8.self)
        asServer = bytes[32] != 0
        guard major >= 3 else { throw ZMTPError("ZMTP \(major).\(minor) is not supported (3.x is)") }
        guard mechanism == "NULL" else { throw ZMTPError("security mechanism \(mechanism) is not supported (NULL is)") }
    }
}
