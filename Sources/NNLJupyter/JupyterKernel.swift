import Foundation

/// A Jupyter kernel: five bound sockets, a thread for each, and the messages they carry.
/// Shell requests run one at a time on the shell thread; control (interrupt, shutdown) has a
/// thread of its own so it is heard while a cell runs. The handlers are in JupyterHandlers.swift.
public final class JupyterKernel: @unchecked Sendable {
    let language: any JupyterLanguage
    let codec: WireCodec
    /// This kernel's session id, in every header it sends.
    let session = UUID().uuidString.lowercased()
    let shell, control, stdin, iopub, heartbeat: ZMTPSocket
    /// Where dropped messages and lost peers are reported (standard error by default).
    let log: @Sendable (String) -> Void
    /// Ends the process after a shutdown request; tests replace it.
    var exit: @Sendable (Int32) -> Void = { Foundation.exit($0) }

    // Shell-thread state.
    var executionCount = 0
    /// The latest cells' inputs, for `history_request`: at most `historyLimit` cells and
    /// `historyBytes` of text, so a kernel that runs for days keeps bounded memory.
    var history: [(line: Int, input: String)] = []
    var historyText = 0
    static let historyLimit = 10_000
    static let historyBytes = 16 << 20
    /// After a failed cell (with stop_on_error): how many of the shell requests already received
    /// are still to be handled as "aborting" — ipykernel's marker behind the queued requests.
    var abortsLeft = 0
    /// The request being handled was queued behind a failed cell: an execute is not run.
    var aborting = false

    public init(connection: ConnectionInfo, language: any JupyterLanguage, limits: ZMTPLimits = ZMTPLimits(),
                log: @escaping @Sendable (String) -> Void = JupyterKernel.standardErrorLog) throws(ZMTPError) {
        self.language = language
        self.log = log
        codec = WireCodec(signer: Signer(key: connection.key))
        let bind = { (role: SocketRole, port: Int) throws(ZMTPError) in
            try ZMTPSocket(role: role, host: connection.ip, port: port, limits: limits)
        }
        shell = try bind(.router, connection.shellPort)
        control = try bind(.router, connection.controlPort)
        stdin = try bind(.router, connection.stdinPort)
        iopub = try bind(.publisher, connection.iopubPort)
        heartbeat = try bind(.reply, connection.heartbeatPort)
        for socket in [shell, control, stdin, iopub, heartbeat] { socket.log = log }
    }

    public static let standardErrorLog: @Sendable (String) -> Void = {
        FileHandle.standardError.write(Data("nnl kernel: \($0)\n".utf8))
    }

    /// The ports actually bound (the connection file's, or free ones where it said 0), on loopback.
    public var boundPorts: ConnectionInfo {
        ConnectionInfo(ip: "127.0.0.1", key: "", shellPort: shell.port, iopubPort: iopub.port,
                       stdinPort: stdin.port, controlPort: control.port, heartbeatPort: heartbeat.port)
    }

    /// Serves every socket on threads of its own and returns. Each socket's I/O has a thread;
    /// shell requests are handled on one more (a cell runs there), control's on another.
    public func start() {
        iopub.start()
        // Clients connect to stdin, but nnl has no `input` yet: nothing is asked there, and
        // whatever comes is read and dropped.
        Self.thread("stdin") { [stdin] in stdin.serve { _, _ in } }
        let heartbeat = heartbeat
        Self.thread("heartbeat") { heartbeat.serve { peer, parts in heartbeat.send(parts, to: peer) } }
        Self.thread("control") { [self] in control.serve { receive($1, from: $0, on: control) } }
        Self.thread("shell") { [self] in
            shell.serve { peer, parts in
                aborting = abortsLeft > 0
                abortsLeft = max(0, abortsLeft - 1)
                receive(parts, from: peer, on: shell)
            }
        }
    }

    private static func thread(_ name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = "kernel " + name
        thread.start()
    }

    /// A message from a client: checked, then handled between busy and idle.
    func receive(_ parts: [[UInt8]], from peer: PeerID, on socket: ZMTPSocket) {
        let message: JupyterMessage
        do { message = try codec.decode(parts) } catch {
            return log("dropped a message on port \(socket.port): \(error)")
        }
        publish("status", ["execution_state": "busy"], parent: message)
        defer { publish("status", ["execution_state": "idle"], parent: message) }
        let reply = { (type: String, content: JSONObject) in
            socket.send(self.codec.encode(JupyterMessage(type: type, session: self.session, content: content, parent: message)), to: peer)
        }
        if socket === control {
            handleControl(message, reply: reply)
        } else {
            handleShell(message, reply: reply)
        }
    }

    /// Sends on iopub under the topic `kernel.<session>.<type>`.
    func publish(_ type: String, _ content: JSONObject, parent: JupyterMessage) {
        var message = JupyterMessage(type: type, session: session, content: content, parent: parent)
        message.identities = [Array("kernel.\(session).\(type)".utf8)]
        iopub.publish(codec.encode(message))
    }
}
