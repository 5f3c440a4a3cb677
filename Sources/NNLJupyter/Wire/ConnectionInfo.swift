import Foundation

/// The connection file Jupyter writes for a kernel: where to listen and how to sign.
public struct ConnectionInfo: Equatable, Sendable {
    public var ip: String
    public var key: String
    public var shellPort: Int
    public var iopubPort: Int
    public var stdinPort: Int
    public var controlPort: Int
    public var heartbeatPort: Int

    public init(ip: String = "127.0.0.1", key: String = "", shellPort: Int = 0, iopubPort: Int = 0,
                stdinPort: Int = 0, controlPort: Int = 0, heartbeatPort: Int = 0) {
        self.ip = ip
        self.key = key
        self.shellPort = shellPort
        self.iopubPort = iopubPort
        self.stdinPort = stdinPort
        self.controlPort = controlPort
        self.heartbeatPort = heartbeatPort
    }

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    public init(json data: Data) throws(Invalid) {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? JSONObject else {
            throw Invalid(description: "the connection file is not a JSON object")
        }
        if let transport = object["transport"] as? String, transport != "tcp" {
            throw Invalid(description: "transport \(transport) is not supported (tcp is)")
        }
        if let scheme = object["signature_scheme"] as? String, scheme != "hmac-sha256" {
            throw Invalid(description: "signature scheme \(scheme) is not supported (hmac-sha256 is)")
        }
        func port(_ name: String) throws(Invalid) -> Int {
            guard let port = object[name] as? Int, (0...65_535).contains(port) else {
                throw Invalid(description: "the connection file has no valid \(name)")
            }
            return port
        }
        self.init(ip: object["ip"] as? String ?? "127.0.0.1", key: object["key"] as? String ?? "",
                  shellPort: try port("shell_port"), iopubPort: try port("iopub_port"),
                  stdinPort: try port("stdin_port"), controlPort: try port("control_port"),
                  heartbeatPort: try port("hb_port"))
    }
}
