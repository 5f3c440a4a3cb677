import Foundation

/// A running cell's output on its way to iopub: text is gathered and sent as `stream` messages
/// every `interval` (so a long loop's prints show while it runs), figures at once as
/// `display_data`, after the text printed before them.
final class CellOutput: ExecutionOutput, @unchecked Sendable {
    private let send: (_ type: String, _ content: JSONObject) -> Void
    private let lock = NSLock()
    /// Text not sent yet, in order; neighbouring pieces of one stream are joined.
    private var pending: [(stream: OutputStream, text: String)] = []
    /// Wakes the flushing thread early when the cell ends.
    private let ended = NSCondition()
    private var isFinished = false

    /// The flushing is a plain thread, not a Dispatch timer: Dispatch sets its event machinery
    /// up on first use, needs file descriptors for it, and traps when the process has none left.
    init(interval: TimeInterval = 0.15, send: @escaping (_ type: String, _ content: JSONObject) -> Void) {
        self.send = send
        let thread = Thread { [self] in
            ended.lock()
            while !isFinished {
                ended.unlock()
                flush()
                ended.lock()
                _ = ended.wait(until: Date(timeIntervalSinceNow: interval))
            }
            ended.unlock()
        }
        thread.name = "kernel output"
        thread.start()
    }

    func stream(_ stream: OutputStream, _ text: String) {
        guard !text.isEmpty else { return }
        lock.withLock {
            if let last = pending.last, last.stream == stream {
                pending[pending.count - 1].text += text
            } else {
                pending.append((stream, text))
            }
        }
    }

    func display(_ data: MimeBundle) {
        lock.withLock {
            sendPending()
            send("display_data", ["data": data, "metadata": JSONObject(), "transient": JSONObject()])
        }
    }

    /// Text not sent yet is dropped: the notebook would clear it anyway.
    func clear() {
        lock.withLock {
            pending.removeAll()
            send("clear_output", ["wait": false])
        }
    }

    /// Sends the text gathered so far.
    func flush() { lock.withLock { sendPending() } }

    /// The cell has ended: stop the timer and send what is left.
    func finish() {
        ended.withLock {
            isFinished = true
            ended.signal()
        }
        flush()
    }

    private func sendPending() {
        for piece in pending { send("stream", ["name": piece.stream.rawValue, "text": piece.text]) }
        pending = []
    }
}
