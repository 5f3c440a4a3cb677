import Foundation
import NNL

/// The kernelspec Jupyter finds a kernel by: `kernels/nnl/kernel.json` and a logo.
public enum KernelSpec {
    public static let name = "nnl"

    /// `kernel.json`: how Jupyter starts this binary, and that interrupts come as messages.
    public static func json(executable: String) -> String {
        let spec: [String: Any] = [
            "argv": [executable, "kernel", "-f", "{connection_file}"],
            "display_name": "nnl", "language": "nnl", "interrupt_mode": "message",
            "metadata": [String: Any](),
        ]
        let data = (try? JSONSerialization.data(withJSONObject: spec, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Writes the kernelspec into `kernels/nnl` under `dataDirectory` (a Jupyter data folder),
    /// with nnl's help as a page (`helpPage`); returns the folder written.
    public static func install(in dataDirectory: URL, executable: String, helpPage: String) throws -> URL {
        let folder = dataDirectory.appendingPathComponent("kernels").appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try json(executable: executable).write(to: folder.appendingPathComponent("kernel.json"), atomically: true, encoding: .utf8)
        try logo.write(to: folder.appendingPathComponent("logo-svg.svg"), atomically: true, encoding: .utf8)
        try helpPage.write(to: folder.appendingPathComponent(helpFile), atomically: true, encoding: .utf8)
        return folder
    }

    static let helpFile = "help.html"
    /// Where Jupyter's server serves the help page from the kernelspec's folder (the logo's way).
    static let helpURL = "/kernelspecs/\(name)/\(helpFile)"

    /// Every documented builtin's `help`, as one page that needs no network.
    public static func helpPage(_ entries: [(name: String, help: String)]) -> String {
        let index = entries.map { "<a href=\"#\($0.name.xmlEscaped)\">\($0.name.xmlEscaped)</a>" }.joined(separator: " · ")
        let sections = entries.map { "<h2 id=\"\($0.name.xmlEscaped)\">\($0.name.xmlEscaped)</h2>\n<pre>\($0.help.xmlEscaped)</pre>" }
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>nnl help</title>"
            + "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto} pre{white-space:pre-wrap}</style></head>\n"
            + "<body><h1>nnl: the builtins</h1>\n<p>In a cell, <code>help NAME</code> shows the same text; <code>:help</code> lists the commands.</p>\n"
            + "<p>\(index)</p>\n" + sections.joined(separator: "\n") + "\n</body></html>\n"
    }

    /// A 2-4-1 network in the course's colours.
    static let logo = """
        <svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
        <rect width="64" height="64" rx="10" fill="#1f3b57"/>
        <g stroke="#9ecae1" stroke-width="1.5">
        <path d="M14 24 L32 11 M14 24 L32 25 M14 24 L32 39 M14 24 L32 53 M14 40 L32 11 M14 40 L32 25 M14 40 L32 39 M14 40 L32 53"/>
        <path d="M32 11 L50 32 M32 25 L50 32 M32 39 L50 32 M32 53 L50 32"/>
        </g>
        <g fill="#ff7f0e"><circle cx="14" cy="24" r="5"/><circle cx="14" cy="40" r="5"/></g>
        <g fill="#ffffff"><circle cx="32" cy="11" r="4.5"/><circle cx="32" cy="25" r="4.5"/><circle cx="32" cy="39" r="4.5"/><circle cx="32" cy="53" r="4.5"/></g>
        <circle cx="50" cy="32" r="5.5" fill="#2ca02c"/>
        </svg>

        """
}
