import Foundation

/// Sends one reply of a type with its content.
typealias Reply = (_ type: String, _ content: JSONObject) -> Void

extension JupyterKernel {
    func handleControl(_ message: JupyterMessage, reply: Reply) {
        switch message.type {
        case "interrupt_request":
            language.interrupt()
            reply("interrupt_reply", ["status": "ok"])
        case "shutdown_request":
            shutdown(message, reply: reply)
        case "kernel_info_request":
            reply("kernel_info_reply", kernelInfo)
        default:
            log("control: no handler for \(message.type)")
        }
    }

    func handleShell(_ message: JupyterMessage, reply: Reply) {
        let content = message.content
        switch message.type {
        case "kernel_info_request": reply("kernel_info_reply", kernelInfo)
        case "execute_request" where aborting: abort(message, reply: reply)
        case "execute_request": execute(message, reply: reply)
        case "is_complete_request": reply("is_complete_reply", isComplete(content["code"] as? String ?? ""))
        case "complete_request": reply("complete_reply", complete(content))
        case "inspect_request": reply("inspect_reply", inspect(content))
        case "history_request": reply("history_reply", historyReply(content))
        case "comm_info_request": reply("comm_info_reply", ["status": "ok", "comms": JSONObject()])
        case "comm_open":
            // No comm targets exist: close it at once, as ipykernel does for an unknown target.
            log("comm_open for the unknown target \(content["target_name"] as? String ?? "")")
            publish("comm_close", ["comm_id": content["comm_id"] as? String ?? "", "data": JSONObject()], parent: message)
        case "comm_msg", "comm_close": break
        case "shutdown_request": shutdown(message, reply: reply)
        default: log("shell: no handler for \(message.type)")
        }
    }

    private func shutdown(_ message: JupyterMessage, reply: Reply) {
        let content: JSONObject = ["status": "ok", "restart": message.content["restart"] as? Bool ?? false]
        reply("shutdown_reply", content)
        publish("shutdown_reply", content, parent: message)
        publish("status", ["execution_state": "idle"], parent: message)
        for socket in [control, shell, iopub] { socket.drain(milliseconds: 500) }
        exit(0)
    }

    var kernelInfo: JSONObject {
        let info = language.info
        return [
            "status": "ok", "protocol_version": "5.3",
            "implementation": info.name, "implementation_version": info.version,
            "language_info": [
                "name": info.name, "version": info.version, "mimetype": info.mimetype,
                "file_extension": info.fileExtension,
                "pygments_lexer": info.highlighting, "codemirror_mode": info.highlighting,
            ] as JSONObject,
            "banner": info.banner,
            "help_links": info.helpLinks.map { ["text": $0.text, "url": $0.url] },
            "debugger": false,
        ]
    }

    // MARK: - execute

    private func execute(_ message: JupyterMessage, reply: Reply) {
        let code = message.content["code"] as? String ?? ""
        let silent = message.content["silent"] as? Bool ?? false
        let storeHistory = !silent && (message.content["store_history"] as? Bool ?? true)
        if storeHistory {
            executionCount += 1
            remember(code, line: executionCount)
        }
        let count = executionCount
        if !silent { publish("execute_input", ["code": code, "execution_count": count], parent: message) }
        let output = CellOutput { [self] type, content in
            if !silent { publish(type, content, parent: message) }
        }
        let outcome = code.utf8.count > Self.maxCellBytes ? .failure(Self.cellTooLarge(code)) : language.execute(code, output: output)
        output.finish()
        switch outcome {
        case .success(let result, let page):
            if let result, !silent {
                publish("execute_result", ["execution_count": count, "data": result, "metadata": JSONObject()], parent: message)
            }
            let payload: [JSONObject] = page.map { [["source": "page", "data": ["text/plain": $0], "start": 0]] } ?? []
            reply("execute_reply", ["status": "ok", "execution_count": count, "payload": payload,
                                    "user_expressions": userExpressions(message.content["user_expressions"])])
        case .failure(let error):
            let fields: JSONObject = ["ename": error.name, "evalue": error.value, "traceback": error.traceback]
            if !silent { publish("error", fields, parent: message) }
            // The requests received while it ran were sent behind the failed cell (ipykernel's
            // stop_on_error); a silent cell's error stops nothing. Counted before the reply goes
            // out: what a client sends once it has seen the reply is not behind the failure.
            let queued = shell.queuedMessages
            reply("execute_reply", fields.merging(["status": "error", "execution_count": count]) { $1 })
            if !silent, message.content["stop_on_error"] as? Bool ?? true { abortsLeft = queued }
        }
    }

    /// The most code one cell may hold. The parser keeps ~170 bytes per byte of source while it
    /// reads (tokens and syntax tree), so a 50 MB cell would take minutes and gigabytes.
    static let maxCellBytes = 4 << 20

    static func cellTooLarge(_ code: String) -> ExecutionError {
        let megabytes = Double(code.utf8.count) / Double(1 << 20)
        let message = "this cell holds \(Int(megabytes.rounded())) MB of code; a cell may hold up to \(maxCellBytes >> 20) MB"
        return ExecutionError(name: "error", value: message, traceback: ["\u{1B}[1;31merror:\u{1B}[0m " + message])
    }

    /// Each expression's value, or its error, under its name (evaluated after a cell that succeeded).
    private func userExpressions(_ requested: Any?) -> JSONObject {
        var results = JSONObject()
        for (name, expression) in requested as? [String: Any] ?? [:] {
            switch language.evaluate(expression as? String ?? "") {
            case .success(let data): results[name] = ["status": "ok", "data": data, "metadata": JSONObject()]
            case .failure(let error):
                results[name] = ["status": "error", "ename": error.name, "evalue": error.value, "traceback": error.traceback]
            }
        }
        return results
    }

    /// A cell sent behind one that failed is answered "aborted", not run: the content is just
    /// that (no execution_count, so front-ends show no number on a cell that never ran).
    func abort(_ message: JupyterMessage, reply: Reply) {
        reply("execute_reply", ["status": "aborted"])
    }

    // MARK: - the other shell requests

    private func isComplete(_ code: String) -> JSONObject {
        switch language.completeness(of: code) {
        case .complete: ["status": "complete"]
        case .incomplete(let indent): ["status": "incomplete", "indent": indent]
        case .invalid: ["status": "invalid"]
        }
    }

    private func complete(_ content: JSONObject) -> JSONObject {
        let code = content["code"] as? String ?? ""
        let cursor = content["cursor_pos"] as? Int ?? code.unicodeScalars.count
        let result = language.complete(code, cursor: cursor)
        return ["status": "ok", "matches": result.matches, "cursor_start": result.cursorStart,
                "cursor_end": result.cursorEnd, "metadata": JSONObject()]
    }

    private func inspect(_ content: JSONObject) -> JSONObject {
        let code = content["code"] as? String ?? ""
        let cursor = content["cursor_pos"] as? Int ?? code.unicodeScalars.count
        guard let help = language.inspect(code, cursor: cursor) else {
            return ["status": "ok", "found": false, "data": JSONObject(), "metadata": JSONObject()]
        }
        return ["status": "ok", "found": true, "data": ["text/plain": help], "metadata": JSONObject()]
    }

    /// Keeps a cell's input for `history_request`, forgetting the oldest past the limits.
    private func remember(_ code: String, line: Int) {
        history.append((line, code))
        historyText += code.utf8.count
        var dropped = 0
        while history.count - dropped > Self.historyLimit || (historyText > Self.historyBytes && history.count - dropped > 1) {
            historyText -= history[dropped].input.utf8.count
            dropped += 1
        }
        if dropped > 0 { history.removeFirst(dropped) }
    }

    /// `tail` (the last `n`), `range` and `search` (a glob on the input) over this session's cells.
    private func historyReply(_ content: JSONObject) -> JSONObject {
        var entries = history
        switch content["hist_access_type"] as? String {
        case "tail":
            entries = Array(entries.suffix(max(0, content["n"] as? Int ?? entries.count)))
        case "search":
            let pattern = content["pattern"] as? String ?? "*"
            entries = entries.filter { fnmatch(pattern, $0.input, 0) == 0 }
            if content["unique"] as? Bool ?? false {
                var seen = Set<String>()
                entries = entries.reversed().filter { seen.insert($0.input).inserted }.reversed()
            }
            if let n = content["n"] as? Int { entries = Array(entries.suffix(max(0, n))) }
        case "range":
            let start = content["start"] as? Int ?? 0
            let stop = content["stop"] as? Int ?? Int.max
            entries = entries.filter { $0.line >= start && $0.line < stop }
        default:
            break
        }
        let withOutput = content["output"] as? Bool ?? false
        let items: [[Any]] = entries.map { entry in
            [0, entry.line, withOutput ? [entry.input, NSNull()] as [Any] : entry.input]
        }
        return ["status": "ok", "history": items]
    }
}
