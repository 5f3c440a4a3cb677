import Foundation

/// Frames ⇄ messages: `[identities…, "<IDS|MSG>", signature, header, parent_header, metadata,
/// content, buffers…]`, with the signature checked on the way in and made on the way out.
public struct WireCodec: Sendable {
    public let signer: Signer

    public init(signer: Signer) { self.signer = signer }

    static let delimiter = Array("<IDS|MSG>".utf8)

    public enum DecodeError: Error, Equatable, CustomStringConvertible {
        case noDelimiter, tooFewFrames, badSignature, badJSON(String)

        public var description: String {
            switch self {
            case .noDelimiter: "no <IDS|MSG> delimiter"
            case .tooFewFrames: "fewer than the four JSON frames"
            case .badSignature: "bad signature"
            case .badJSON(let frame): "the \(frame) is not a JSON object"
            }
        }
    }

    public func decode(_ parts: [[UInt8]]) throws(DecodeError) -> JupyterMessage {
        guard let split = parts.firstIndex(of: Self.delimiter) else { throw .noDelimiter }
        guard parts.count >= split + 6 else { throw .tooFewFrames }
        let frames = Array(parts[split + 2..<split + 6])
        guard signer.verify(parts[split + 1], frames) else { throw .badSignature }
        let names = ["header", "parent header", "metadata", "content"]
        var objects: [JSONObject] = []
        for (frame, name) in zip(frames, names) {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(frame))) as? JSONObject else {
                throw .badJSON(name)
            }
            objects.append(object)
        }
        var message = JupyterMessage(identities: Array(parts[..<split]), header: objects[0],
                                     parentHeader: objects[1], metadata: objects[2], content: objects[3])
        message.buffers = Array(parts[(split + 6)...])
        return message
    }

    public func encode(_ message: JupyterMessage) -> [[UInt8]] {
        let frames = [message.header, message.parentHeader, message.metadata, message.content].map(Self.json)
        let signature = Array(signer.signature(frames).utf8)
        return message.identities + [Self.delimiter, signature] + frames + message.buffers
    }

    static func json(_ object: JSONObject) -> [UInt8] {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Array(data)
    }
}
