import Foundation
import Testing
@testable import NNLJupyter

/// Signatures and messages against bytes built by hand.
@Suite struct WireTests {
    /// RFC 4231, test case 2, with the data split over frames as a message's JSON parts are.
    @Test func signatureIsHexHMACSHA256OverTheFramesInOrder() {
        let signer = Signer(key: "Jefe")
        let frames = ["what do ya", " want ", "for nothing?"].map { Array($0.utf8) }
        #expect(signer.signature(frames) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func noKeyMeansNoSignature() {
        #expect(Signer(key: "").signature([Array("{}".utf8)]) == "")
        #expect(Signer(key: "").verify([], [Array("{}".utf8)]))
    }

    @Test func verifyRejectsAnyChangedByte() {
        let signer = Signer(key: "secret")
        let frames = [Array("{}".utf8)]
        var signature = Array(signer.signature(frames).utf8)
        #expect(signer.verify(signature, frames))
        signature[10] = signature[10] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        #expect(!signer.verify(signature, frames))
        #expect(!signer.verify(Array(signature.dropLast()), frames))
    }

    static let key = "b6a2e6c1-3e0b-4c1a-9a57-000000000000"

    /// A DEALER's execute_request as jupyter_client sends it: no identity frames.
    static func handMade(signature: String? = nil, identities: [[UInt8]] = []) -> [[UInt8]] {
        let json = [
            #"{"date":"2026-11-30T19:00:00.000000Z","msg_id":"m1","msg_type":"execute_request","session":"s1","username":"u","version":"5.3"}"#,
            "{}", "{}", #"{"code":"1+1","silent":false}"#,
        ].map { Array($0.utf8) }
        let sig = signature ?? Signer(key: key).signature(json)
        return identities + [Array("<IDS|MSG>".utf8), Array(sig.utf8)] + json
    }

    @Test func decodesASignedRequest() throws {
        let message = try WireCodec(signer: Signer(key: Self.key)).decode(Self.handMade(identities: [[1, 2]]))
        #expect(message.type == "execute_request")
        #expect(message.session == "s1")
        #expect(message.content["code"] as? String == "1+1")
        #expect(message.content["silent"] as? Bool == false)
        #expect(message.identities == [[1, 2]])
    }

    @Test func dropsBadSignaturesAndMalformedMessages() {
        let codec = WireCodec(signer: Signer(key: Self.key))
        #expect(throws: WireCodec.DecodeError.badSignature) { try codec.decode(Self.handMade(signature: String(repeating: "0", count: 64))) }
        #expect(throws: WireCodec.DecodeError.noDelimiter) { try codec.decode(Array(Self.handMade().dropFirst())) }
        #expect(throws: WireCodec.DecodeError.tooFewFrames) { try codec.decode(Array(Self.handMade().dropLast())) }
        var notJSON = Self.handMade()
        notJSON[5] = Array("[1".utf8)
        notJSON[1] = Array(Signer(key: Self.key).signature(Array(notJSON[2...])).utf8)
        #expect(throws: WireCodec.DecodeError.badJSON("content")) { try codec.decode(notJSON) }
    }

    @Test func aReplyRoundTripsWithItsParentAndSignature() throws {
        let codec = WireCodec(signer: Signer(key: Self.key))
        let request = try codec.decode(Self.handMade())
        let reply = JupyterMessage(type: "execute_reply", session: "kernel",
                                   content: ["status": "ok", "execution_count": 1, "payload": [Any]()], parent: request)
        let frames = codec.encode(reply)
        #expect(frames[0] == Array("<IDS|MSG>".utf8))
        #expect(String(decoding: frames[5], as: UTF8.self) == #"{"execution_count":1,"payload":[],"status":"ok"}"#)
        let back = try codec.decode(frames)
        #expect(back.type == "execute_reply")
        #expect(back.header["version"] as? String == "5.3")
        #expect(back.parentHeader["msg_id"] as? String == "m1")
        let date = try #require(back.header["date"] as? String)
        #expect(ISO8601DateFormatter.withFractionalSeconds.date(from: date) != nil)
    }

    @Test func readsAConnectionFile() throws {
        let file = #"{"shell_port": 50001, "iopub_port": 50002, "stdin_port": 50003, "control_port": 50004, "hb_port": 50005, "ip": "127.0.0.1", "key": "abc", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "nnl"}"#
        let info = try ConnectionInfo(json: Data(file.utf8))
        #expect(info == ConnectionInfo(ip: "127.0.0.1", key: "abc", shellPort: 50001, iopubPort: 50002,
                                       stdinPort: 50003, controlPort: 50004, heartbeatPort: 50005))
        let ipc = file.replacingOccurrences(of: #""tcp""#, with: #""ipc""#)
        #expect(throws: ConnectionInfo.Invalid.self) { try ConnectionInfo(json: Data(ipc.utf8)) }
        #expect(throws: ConnectionInfo.Invalid.self) { try ConnectionInfo(json: Data("{}".utf8)) }
    }
}

extension ISO8601DateFormatter {
    static var withFractionalSeconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
