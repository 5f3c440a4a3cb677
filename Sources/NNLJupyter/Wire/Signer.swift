// Wire/: Jupyter's messages on ZeroMQ (messaging protocol 5.3): Signer (this file) is the
// HMAC over a message's JSON frames; JupyterMessage is one message and its header;
// WireCodec turns frames into messages and back; ConnectionInfo reads the connection file.
import Crypto
import Foundation

/// HMAC-SHA256 over a message's four JSON frames, as lowercase hex; no key, no signature.
public struct Signer: Sendable {
    private let key: [UInt8]

    public init(key: String) { self.key = Array(key.utf8) }

    public func signature(_ frames: [[UInt8]]) -> String {
        guard !key.isEmpty else { return "" }
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: key))
        for frame in frames { hmac.update(data: frame) }
        return hmac.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Compares in time independent of where the strings first differ.
    public func verify(_ signature: [UInt8], _ frames: [[UInt8]]) -> Bool {
        let expected = Array(self.signature(frames).utf8)
        guard expected.count == signature.count else { return false }
        return zip(expected, signature).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
