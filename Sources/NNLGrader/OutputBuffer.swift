/// Collects what a program prints, up to a limit, so a flood of output cannot
/// fill the report (or the worker's memory).
struct OutputBuffer {
    static let defaultLimit = 10_000

    private(set) var text = ""
    private var dropped = 0
    let limit: Int

    init(limit: Int = OutputBuffer.defaultLimit) { self.limit = limit }

    mutating func append(_ s: String) {
        let room = dropped == 0 ? max(limit - text.utf8.count, 0) : 0
        if s.utf8.count <= room {
            text += s
        } else {
            text += String(decoding: s.utf8.prefix(room), as: UTF8.self)
            dropped += s.utf8.count - room
        }
    }

    /// The output, with a note when some was cut.
    var report: String {
        dropped == 0 ? text : text + "\n[output truncated: \(dropped) more bytes not shown]\n"
    }
}
