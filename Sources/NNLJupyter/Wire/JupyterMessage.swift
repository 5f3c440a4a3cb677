import Foundation

/// A JSON object as JSONSerialization reads and writes it.
public typealias JSONObject = [String: Any]

/// One Jupyter message: who it goes back to, its header, its parent's header, and its content.
public struct JupyterMessage: @unchecked Sendable {
    /// Routing parts before `<IDS|MSG>` (empty from a DEALER; the topic on iopub).
    public var identities: [[UInt8]]
    public var header: JSONObject
    public var parentHeader: JSONObject
    public var metadata: JSONObject
    public var content: JSONObject
    public var buffers: [[UInt8]] = []

    public init(identities: [[UInt8]] = [], header: JSONObject, parentHeader: JSONObject = [:],
                metadata: JSONObject = [:], content: JSONObject = [:]) {
        self.identities = identities
        self.header = header
        self.parentHeader = parentHeader
        self.metadata = metadata
        self.content = content
    }

    public var type: String { header["msg_type"] as? String ?? "" }
    public var session: String { header["session"] as? String ?? "" }

    /// A new message of `type` from this kernel's `session`, answering `parent` if given.
    public init(type: String, session: String, content: JSONObject, parent: JupyterMessage?) {
        self.init(identities: parent?.identities ?? [],
                  header: Self.header(type: type, session: session),
                  parentHeader: parent?.header ?? [:], content: content)
    }

    static func header(type: String, session: String) -> JSONObject {
        ["msg_id": UUID().uuidString.lowercased(), "session": session, "username": "nnl",
         "date": timestamp(Date()), "msg_type": type, "version": "5.3"]
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
