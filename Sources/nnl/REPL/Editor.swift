import Foundation

/// `:edit`: the learner's own editor ($VISUAL, $EDITOR, else vi) on a temporary `.nnl` file.
enum Editor {
    static func edit(_ text: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-edit-\(getpid()).nnl")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // Through the shell, so an EDITOR with arguments (`code --wait`) works.
        process.arguments = ["-c", editor + " \"$1\"", "nnl-edit", file.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw EditorError.failed(editor: editor, status: process.terminationStatus)
        }
        return try String(contentsOf: file, encoding: .utf8)
    }

    enum EditorError: Error, CustomStringConvertible {
        case failed(editor: String, status: Int32)
        var description: String {
            switch self {
            case .failed(let editor, let status): "`\(editor)` exited with status \(status)"
            }
        }
    }
}
