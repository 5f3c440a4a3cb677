import Foundation

/// The lines a child process writes to a pipe, read on a thread of their own so the
/// grader can wait for the next one with a deadline.
final class LineChannel: @unchecked Sendable {
    enum Next { case line(String), closed, timedOut }

    private let condition = NSCondition()
    private var lines: [String] = []
    private var closed = false

    init(reading handle: FileHandle) {
        Thread.detachNewThread { [self] in
            var pending = Data()
            while case let chunk = handle.availableData, !chunk.isEmpty {
                pending.append(chunk)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    deliver(String(decoding: pending[..<newline], as: UTF8.self))
                    pending = Data(pending[(newline + 1)...])
                }
            }
            condition.withLock { closed = true; condition.broadcast() }
        }
    }

    private func deliver(_ line: String) {
        condition.withLock { lines.append(line); condition.broadcast() }
    }

    /// The next line, or why there is none: the pipe closed, or the deadline passed.
    func next(before deadline: Date) -> Next {
        condition.withLock {
            while lines.isEmpty && !closed {
                if !condition.wait(until: deadline) { break }
            }
            if !lines.isEmpty { return .line(lines.removeFirst()) }
            return closed ? .closed : .timedOut
        }
    }
}
