import Foundation
import Testing
@testable import NNLJupyter

/// The pieces that keep a peer from blocking the kernel: a send queue with marks, a decoder that
/// refuses a frame by its header, and a socket that drops for a peer that does not read.
@Suite struct BackPressureTests {
    @Test func aSendQueueRefusesWholeMessagesAtItsMarks() {
        var queue = SendQueue(highWaterMark: 2, byteLimit: 10)
        let taken = [queue.push([1, 2, 3]), queue.push([4]), queue.push([5])]
        #expect(taken == [true, true, false])  // the third is past the message mark
        var small = SendQueue(highWaterMark: 100, byteLimit: 10)
        // One message always fits an empty queue; then the byte limit; the handshake goes out whatever the marks.
        let fitted = [small.push([UInt8](repeating: 0, count: 20)), small.push([1]), small.push([2], force: true)]
        #expect(fitted == [true, false, true])
    }

    @Test func aSendQueueWritesWhatTheSocketTakesAndKeepsTheRest() throws {
        var ends: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        Posix.setNonBlocking(ends[0])
        var queue = SendQueue(highWaterMark: 10_000, byteLimit: 1 << 30)
        for _ in 0..<200 { _ = queue.push([UInt8](repeating: 7, count: 64 << 10)) }
        try queue.write(to: ends[0])  // never blocks: the other end reads nothing
        #expect(!queue.isEmpty && queue.count < 200)
        var sink = [UInt8](repeating: 0, count: 1 << 20)
        var read = 0
        while !queue.isEmpty {
            read += sink.withUnsafeMutableBytes { recv(ends[1], $0.baseAddress, $0.count, 0) }
            try queue.write(to: ends[0])
        }
        #expect(queue.bytes == 0)
    }

    @Test func aFrameLargerThanTheLimitIsRefusedAtItsHeader() {
        var decoder = ZMTPFrameDecoder()
        decoder.append([0x03, 0, 0, 0, 0, 0x10, 0, 0, 0])  // MORE, long: 256 MiB announced, no body yet
        #expect(throws: ZMTPError.self) { try decoder.next(limit: 64 << 20) }
        var small = ZMTPFrameDecoder()
        small.append([0x01, 3, 1, 2, 3])
        #expect((try? small.next(limit: 3)) == ZMTPFrame([1, 2, 3], more: true))
    }

    @Test func aPublisherDropsForASubscriberThatDoesNotReadAndGoesOn() throws {
        let publisher = try ZMTPSocket(role: .publisher, host: "127.0.0.1", port: 0,
                                       limits: ZMTPLimits(sendHighWaterMark: 10))
        nonisolated(unsafe) var logged: [String] = []
        publisher.log = { logged.append($0) }
        publisher.start()
        let stalled = try RawPeer(port: publisher.port, socketType: "SUB")
        stalled.send([[0x01]])
        try waitUntil { publisher.subscriberCount == 1 }
        let started = Date()
        for _ in 0..<2000 { publisher.publish([Array("t".utf8), [UInt8](repeating: 1, count: 64 << 10)]) }
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(logged.contains { $0.contains("not reading") })
    }

    @Test func theCallBeingWrittenAndDottedNamesAreInspected() {
        let call = InspectedNames("tanh(", cursor: 5)
        #expect(call.callee == "tanh" && call.underCursor == nil)
        #expect(InspectedNames("y = tanh(2 * (x", cursor: 15).callee == "tanh")
        #expect(InspectedNames("A(1, [2 3", cursor: 9).callee == nil)
        #expect(InspectedNames("p.W1", cursor: 2).underCursor == "p.W1")
        let field = InspectedNames("sum(x) + p.", cursor: 11)
        #expect(field.underCursor == "p" && field.callee == nil)
    }
}
