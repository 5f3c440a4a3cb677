import Foundation
import Testing
@testable import NNLJupyter

/// Bound sockets against hand-written peers over loopback.
@Suite struct ZMTPSocketTests {
    @Test func routerAnswersOnTheConnectionTheRequestCameFrom() throws {
        let router = try ZMTPSocket(role: .router, host: "127.0.0.1", port: 0)
        Thread.detachNewThread { router.serve { peer, parts in router.send(parts.reversed(), to: peer) } }
        let dealer = try RawPeer(port: router.port, socketType: "DEALER", identity: [7, 7])
        #expect(dealer.theirReady == .ready(["Socket-Type": Array("ROUTER".utf8)]))
        dealer.send([Array("a".utf8), Array("b".utf8)])
        #expect(try dealer.receive() == [Array("b".utf8), Array("a".utf8)])
    }

    @Test func sendByIdentityFindsTheClientsOtherSocket() throws {
        let router = try ZMTPSocket(role: .router, host: "127.0.0.1", port: 0)
        nonisolated(unsafe) var seen: [UInt8]?
        Thread.detachNewThread {
            router.serve { peer, parts in
                guard parts == [[0]] else { return router.send(parts, to: peer) }
                seen = router.identity(of: peer)
                router.send([[1]], toIdentity: [9])
            }
        }
        let other = try RawPeer(port: router.port, socketType: "DEALER", identity: [9])
        other.send([[5]])
        #expect(try other.receive() == [[5]])  // its READY, and so its identity, is known now
        let asker = try RawPeer(port: router.port, socketType: "DEALER", identity: [8])
        asker.send([[0]])
        #expect(try other.receive() == [[1]])
        #expect(seen == [8])
    }

    @Test func publisherSendsOnlyWhatWasSubscribedTo() throws {
        let publisher = try ZMTPSocket(role: .publisher, host: "127.0.0.1", port: 0)
        Thread.detachNewThread { publisher.serve { _, _ in } }
        let subscriber = try RawPeer(port: publisher.port, socketType: "SUB")
        subscriber.send([[0x01] + Array("kernel.x".utf8)])  // ZMTP 3.0 style subscription
        try waitUntil { publisher.subscriberCount == 1 }
        publisher.publish([Array("other.topic".utf8), [1]])
        publisher.publish([Array("kernel.x.status".utf8), [2]])
        #expect(try subscriber.receive() == [Array("kernel.x.status".utf8), [2]])
    }

    @Test func replySocketEchoesAHeartbeat() throws {
        let heartbeat = try ZMTPSocket(role: .reply, host: "127.0.0.1", port: 0)
        Thread.detachNewThread { heartbeat.serve { peer, parts in heartbeat.send(parts, to: peer) } }
        let request = try RawPeer(port: heartbeat.port, socketType: "REQ")
        request.send([[], Array("ping".utf8)])
        #expect(try request.receive() == [[], Array("ping".utf8)])
    }

    @Test func aPeerSpeakingNonsenseIsDroppedAndOthersGoOn() throws {
        let router = try ZMTPSocket(role: .router, host: "127.0.0.1", port: 0)
        nonisolated(unsafe) var logged: [String] = []
        router.log = { logged.append($0) }
        Thread.detachNewThread { router.serve { peer, parts in router.send(parts, to: peer) } }
        let rogue = try RawPeer(port: router.port, socketType: "DEALER")
        rogue.write([0xF0, 0])
        let good = try RawPeer(port: router.port, socketType: "DEALER")
        good.send([[42]])
        #expect(try good.receive() == [[42]])
        #expect(throws: ZMTPError.self) { try rogue.receive() }
        #expect(logged.contains { $0.contains("bad frame flags") })
    }

    @Test func refusesAnAddressThatIsNotIPv4() {
        #expect(throws: ZMTPError.self) { try ZMTPSocket(role: .router, host: "localhost.invalid", port: 0) }
    }
}

/// Polls `condition` for up to five seconds.
func waitUntil(_ condition: () -> Bool) throws {
    for _ in 0..<500 {
        if condition() { return }
        usleep(10_000)
    }
    throw ZMTPError("timed out waiting")
}
