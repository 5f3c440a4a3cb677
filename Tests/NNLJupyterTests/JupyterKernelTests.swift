import Foundation
import Testing
@testable import NNLJupyter

/// A whole kernel on loopback ports, spoken to by hand-written DEALER and SUB peers.
/// (Interrupts are tested end to end in Tests/kernel: the stop flag is process-wide.)
@Suite(.serialized) final class KernelTests {
    let kernel: JupyterKernel
    let codec = WireCodec(signer: Signer(key: "kernel-tests"))
    let shell, control, iopub: RawPeer
    /// What the kernel passed to `exit`.
    final class ExitRecord: @unchecked Sendable { var status: Int32? }
    let exited = ExitRecord()

    init() throws {
        kernel = try JupyterKernel(connection: ConnectionInfo(key: "kernel-tests"), language: NNLLanguage(version: "test"), log: { _ in })
        kernel.exit = { [exited] in exited.status = $0 }
        kernel.start()
        let ports = kernel.boundPorts
        shell = try RawPeer(port: ports.shellPort, socketType: "DEALER", identity: Array("client".utf8))
        control = try RawPeer(port: ports.controlPort, socketType: "DEALER", identity: Array("client".utf8))
        iopub = try RawPeer(port: ports.iopubPort, socketType: "SUB")
        iopub.send([[0x01]])
        try waitUntil { kernel.iopub.subscriberCount == 1 }
    }

    /// Sends a request; its msg_id.
    @discardableResult
    func request(_ type: String, _ content: JSONObject = [:], on peer: RawPeer? = nil) -> String {
        let message = JupyterMessage(type: type, session: "client", content: content, parent: nil)
        (peer ?? shell).send(codec.encode(message))
        return message.header["msg_id"] as! String
    }

    func reply(on peer: RawPeer? = nil) throws -> JupyterMessage { try codec.decode((peer ?? shell).receive()) }

    /// iopub messages up to and including the idle status of `parent`.
    func published(until parent: String) throws -> [JupyterMessage] {
        var messages: [JupyterMessage] = []
        while true {
            let message = try codec.decode(iopub.receive())
            messages.append(message)
            if message.type == "status", message.content["execution_state"] as? String == "idle",
               message.parentHeader["msg_id"] as? String == parent { return messages }
        }
    }

    @Test func kernelInfoDescribesNnl() throws {
        request("kernel_info_request")
        let info = try reply()
        #expect(info.type == "kernel_info_reply")
        #expect(info.content["protocol_version"] as? String == "5.3")
        let language = try #require(info.content["language_info"] as? JSONObject)
        #expect(language["name"] as? String == "nnl")
        #expect(language["file_extension"] as? String == ".nnl")
        #expect(language["codemirror_mode"] as? String == "octave")
    }

    @Test func executeGoesBusyInputResultIdle() throws {
        let id = request("execute_request", ["code": "x = 6*7", "silent": false])
        let answer = try reply()
        #expect(answer.content["status"] as? String == "ok")
        #expect(answer.content["execution_count"] as? Int == 1)
        #expect(answer.parentHeader["msg_id"] as? String == id)
        let messages = try published(until: id)
        #expect(messages.map(\.type) == ["status", "execute_input", "execute_result", "status"])
        #expect(messages.allSatisfy { $0.parentHeader["msg_id"] as? String == id })
        let data = try #require(messages[2].content["data"] as? JSONObject)
        #expect(data["text/plain"] as? String == "x = 42")
        #expect(String(decoding: iopubTopic(of: messages[1]), as: UTF8.self).hasSuffix(".execute_input"))
    }

    @Test func silentCellsPublishOnlyTheirStatus() throws {
        let id = request("execute_request", ["code": "printf(\"quiet\\n\")", "silent": true])
        #expect(try reply().content["execution_count"] as? Int == 0)
        #expect(try published(until: id).map(\.type) == ["status", "status"])
    }

    @Test func aWronglySignedRequestIsDroppedAndTheNextIsAnswered() throws {
        let forged = WireCodec(signer: Signer(key: "not-the-key"))
        shell.send(forged.encode(JupyterMessage(type: "execute_request", session: "m", content: ["code": "forged = 1"], parent: nil)))
        let id = request("is_complete_request", ["code": "for i = 1:3"])
        let answer = try reply()
        #expect(answer.parentHeader["msg_id"] as? String == id)
        #expect(answer.content["status"] as? String == "incomplete")
        #expect(answer.content["indent"] as? String == "  ")
    }

    @Test func historyListsTheCellsRun() throws {
        request("execute_request", ["code": "a = 1;"])
        _ = try reply()
        request("execute_request", ["code": "b = 2;"])
        _ = try reply()
        request("history_request", ["hist_access_type": "tail", "n": 1, "output": false, "raw": true])
        let history = try #require(try reply().content["history"] as? [[Any]])
        #expect(history.count == 1)
        #expect(history[0][1] as? Int == 2)
        #expect(history[0][2] as? String == "b = 2;")
    }

    @Test func shutdownOnControlRepliesThenExits() throws {
        request("shutdown_request", ["restart": true], on: control)
        let answer = try reply(on: control)
        #expect(answer.type == "shutdown_reply")
        #expect(answer.content["restart"] as? Bool == true)
        try waitUntil { exited.status == 0 }
    }

    /// iopub messages carry their topic as the identity frame.
    private func iopubTopic(of message: JupyterMessage) -> [UInt8] { message.identities.first ?? [] }
}
