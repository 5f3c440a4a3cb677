import Testing
@testable import NNLJupyter

/// Frames, greetings and commands against bytes written out by hand from RFC 23 / 37.
@Suite struct ZMTPCodingTests {
    @Test func shortFrameIsFlagsSizeBody() {
        #expect(ZMTPFrame(Array("hi".utf8), more: true).encoded == [0x01, 2, 0x68, 0x69])
        #expect(ZMTPFrame([]).encoded == [0x00, 0])
    }

    @Test func longFrameHasAnEightByteBigEndianSize() {
        let body = [UInt8](repeating: 7, count: 300)
        let bytes = ZMTPFrame(body).encoded
        #expect(Array(bytes.prefix(9)) == [0x02, 0, 0, 0, 0, 0, 0, 0x01, 0x2C])
        #expect(bytes.count == 309)
    }

    @Test func commandFrameHasTheCommandFlag() {
        #expect(ZMTPCommand.other("PING").frame.encoded == [0x04, 5, 4, 0x50, 0x49, 0x4E, 0x47])
    }

    @Test func messagePartsAreMarkedMoreExceptTheLast() {
        #expect(ZMTPFrame.message([[1], [], [2, 3]]) == [0x01, 1, 1, 0x01, 0, 0x00, 2, 2, 3])
    }

    @Test func decoderWaitsForWholeFramesHoweverTheBytesArrive() throws {
        let stream = ZMTPFrame.message([Array("<IDS|MSG>".utf8), [UInt8](repeating: 9, count: 1000)])
        var decoder = ZMTPFrameDecoder()
        var frames: [ZMTPFrame] = []
        for byte in stream {
            decoder.append([byte])
            while let frame = try decoder.next() { frames.append(frame) }
        }
        #expect(frames == [ZMTPFrame(Array("<IDS|MSG>".utf8), more: true), ZMTPFrame([UInt8](repeating: 9, count: 1000))])
        #expect(decoder.pending == 0)
    }

    @Test func decoderRejectsUnknownFlagsAndHugeSizes() {
        var bad = ZMTPFrameDecoder()
        bad.append([0x08, 0])
        #expect(throws: ZMTPError.self) { try bad.next() }
        var huge = ZMTPFrameDecoder(maximumSize: 100)
        huge.append([0x02, 0, 0, 0, 0, 0, 0, 1, 0])
        #expect(throws: ZMTPError.self) { try huge.next() }
    }

    /// What libzmq 4.3 sends: signature, version 3.1, NULL, not as-server.
    static let libzmqGreeting: [UInt8] = [0xFF, 0, 0, 0, 0, 0, 0, 0, 1, 0x7F, 3, 1]
        + Array("NULL".utf8) + [UInt8](repeating: 0, count: 16) + [0] + [UInt8](repeating: 0, count: 31)

    @Test func greetingIsSixtyFourBytesAsTheRFCLaysThemOut() {
        let bytes = Greeting().encoded
        #expect(bytes.count == 64)
        #expect(Array(bytes[0..<12]) == [0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0x7F, 3, 0])
        #expect(Array(bytes[12..<16]) == Array("NULL".utf8))
        #expect(bytes[16...].allSatisfy { $0 == 0 })
    }

    @Test func parsesAPeersGreeting() throws {
        let greeting = try Greeting(parsing: Self.libzmqGreeting)
        #expect(greeting == Greeting(major: 3, minor: 1, mechanism: "NULL", asServer: false))
    }

    @Test func refusesOtherMechanismsAndOldVersions() {
        var curve = Self.libzmqGreeting
        curve.replaceSubrange(12..<17, with: Array("CURVE".utf8))
        #expect(throws: ZMTPError.self) { try Greeting(parsing: curve) }
        var old = Self.libzmqGreeting
        old[10] = 2
        #expect(throws: ZMTPError.self) { try Greeting(parsing: old) }
        #expect(throws: ZMTPError.self) { try Greeting(parsing: [0x01] + Self.libzmqGreeting.dropFirst()) }
    }

    @Test func readyCarriesTheSocketType() {
        let expected: [UInt8] = [0x04, 28, 5] + Array("READY".utf8) + [11] + Array("Socket-Type".utf8)
            + [0, 0, 0, 6] + Array("ROUTER".utf8)
        #expect(ZMTPCommand.readyFrame(socketType: "ROUTER").encoded == expected)
    }

    @Test func parsesADealersReadyWithItsIdentity() throws {
        let body: [UInt8] = [5] + Array("READY".utf8) + [11] + Array("Socket-Type".utf8) + [0, 0, 0, 6]
            + Array("DEALER".utf8) + [8] + Array("Identity".utf8) + [0, 0, 0, 3] + [0xAB, 0xCD, 0xEF]
        let command = try ZMTPCommand(parsing: ZMTPFrame(body, isCommand: true))
        #expect(command == .ready(["Socket-Type": Array("DEALER".utf8), "Identity": [0xAB, 0xCD, 0xEF]]))
    }

    @Test func parsesSubscribeAndRejectsACutShortReady() throws {
        #expect(try ZMTPCommand(parsing: ZMTPFrame([9] + Array("SUBSCRIBE".utf8) + [0x6B], isCommand: true)) == .subscribe([0x6B]))
        let cut: [UInt8] = [5] + Array("READY".utf8) + [11] + Array("Socket-Type".utf8) + [0, 0, 0, 9] + Array("SUB".utf8)
        #expect(throws: ZMTPError.self) { try ZMTPCommand(parsing: ZMTPFrame(cut, isCommand: true)) }
    }
}
