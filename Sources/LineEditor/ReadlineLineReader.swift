// Every GNU readline and history call lives in this file: readline's globals are not
// concurrency-safe, so they are touched from one place only.
@preconcurrency import CReadline
import Synchronization
import NNL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Line editing, history and Tab completion on a terminal. Readline is process-global:
/// use one reader at a time. Prompts with colour escapes must wrap them in `\u{1}`…`\u{2}`.
public final class ReadlineLineReader: LineReader {
    public init(historyPath: String, completer: @escaping @Sendable (CompletionRequest) -> [String]) {
        Interrupt.install()
        Readline.configureOnce()
        let session = Readline.Session(
            owner: ObjectIdentifier(self), historyPath: historyPath, completer: completer)
        Readline.session.withLock { $0 = session }
        Readline.loadHistory(from: historyPath)
    }

    deinit {
        close()
        let me = ObjectIdentifier(self)
        Readline.session.withLock { if $0?.owner == me { $0 = nil } }
    }

    public func readLine(prompt: String) -> ReadResult {
        Interrupt.clear()  // a Ctrl-C that came after the last computation is not for this line
        Readline.lineCancelled.store(false, ordering: .relaxed)
        Readline.pendingNewline.store(false, ordering: .relaxed)
        Readline.reading.store(true, ordering: .releasing)
        let raw = readline(prompt)
        Readline.reading.store(false, ordering: .releasing)
        guard let raw else {
            // Ctrl-D. Readline ends the line itself only when bracketed paste is on.
            if Readline.variable("enable-bracketed-paste") != "on" {
                fputs("\n", stdout)
                fflush(stdout)
            }
            return .endOfInput
        }
        defer { free(raw) }
        if Readline.lineCancelled.exchange(false, ordering: .relaxed) {
            Interrupt.clear()
            return .interrupted
        }
        return .line(String(cString: raw))
    }

    public func addToHistory(_ line: String) {
        let last = history_length > 0 ? history_get(history_base + history_length - 1) : nil
        let previous = last.flatMap { $0.pointee.line }.map { String(cString: $0) }
        guard History.shouldAdd(line, previous: previous) else { return }
        add_history(line)
        Readline.session.withLock { $0?.unsaved += 1 }
    }

    /// Appends this session's new lines to the history file. Safe to call more than once;
    /// also runs from `deinit` and at `exit()`.
    public func close() {
        Readline.saveHistory()
    }
}

/// Readline's global state and the C callbacks, which capture nothing.
private enum Readline {
    struct Session: Sendable {
        let owner: ObjectIdentifier  // a reader replaced by a newer one must not clear it
        let historyPath: String
        let completer: @Sendable (CompletionRequest) -> [String]
        var unsaved = 0
    }

    static let session = Mutex<Session?>(nil)
    static let configured = Atomic<Bool>(false)
    /// Set by `getc` when Ctrl-C cancelled the line being typed.
    static let lineCancelled = Atomic<Bool>(false)
    /// Ctrl-C came inside a search: `getc` sent Ctrl-G and owes the newline.
    static let pendingNewline = Atomic<Bool>(false)
    /// True inside `readline()`: only then is the terminal in readline's mode.
    static let reading = Atomic<Bool>(false)

    // C strings readline keeps pointers to for the life of the process.
    nonisolated(unsafe) static let name = strdup("nnl")
    nonisolated(unsafe) static let wordBreaks = strdup(CompletionRequest.wordBreaks)
    nonisolated(unsafe) static let commandWordBreaks = strdup(CompletionRequest.commandWordBreaks)

    static func configureOnce() {
        _ = lineCancelled.load(ordering: .relaxed)  // initialise statics before any signal
        _ = reading.load(ordering: .relaxed)
        guard !configured.exchange(true, ordering: .acquiringAndReleasing) else { return }
        useUTF8()
        rl_readline_name = UnsafePointer(name)
        rl_catch_signals = 0  // Interrupt owns SIGINT; terminal restore is below
        rl_getc_function = getc
        rl_attempted_completion_function = complete
        rl_completion_word_break_hook = wordBreakHook
        rl_basic_word_break_characters = UnsafePointer(wordBreaks)
        rl_completer_word_break_characters = UnsafePointer(wordBreaks)
        // A pasted block arrives line by line, each on its own `...>` prompt, as if typed: a
        // bracketed paste is one line to readline, redrawn whole, and garbled once it is taller
        // than the window. After rl_initialize, so that ~/.inputrc does not turn it back on.
        rl_initialize()
        rl_variable_bind("enable-bracketed-paste", "off")
        for signal in [SIGTERM, SIGHUP, SIGQUIT] { setSignalHandler(signal, restoreTerminalAndDie) }
        atexit { Readline.saveHistory() }
    }

    /// Readline edits multibyte characters only under a UTF-8 LC_CTYPE. Only LC_CTYPE, so
    /// number formatting stays "C".
    static func useUTF8() {
        let current = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? "C"
        if current == "C" || current == "POSIX" { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    static func loadHistory(from path: String) {
        clear_history()
        using_history()
        stifle_history(Int32(History.limit))
        if access(path, F_OK) != 0 { write_history(path) }  // append_history needs the file
        read_history(path)
    }

    static func saveHistory() {
        guard let (path, count) = session.withLock({ state -> (String, Int)? in
            guard let s = state, s.unsaved > 0 else { return nil }
            state?.unsaved = 0
            return (s.historyPath, s.unsaved)
        }) else { return }
        append_history(Int32(min(count, Int(history_length))), path)
        history_truncate_file(path, Int32(History.limit))
    }

    /// Reads one byte. A Ctrl-C interrupts `read()` (SIGINT has no SA_RESTART): clear the
    /// line, echo `^C` and hand readline a newline so `readline()` returns at once.
    static let getc: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { stream in
        if pendingNewline.exchange(false, ordering: .relaxed) { return cancelLine() }
        let fd = stream.map { fileno($0) } ?? STDIN_FILENO
        var byte: UInt8 = 0
        while true {
            // Check first too: readline's own select() (ESC timeout) may have eaten the EINTR.
            if !(Interrupt.isRequested && !lineCancelled.load(ordering: .relaxed)) {
                let n = read(fd, &byte, 1)
                if n == 1 { return Int32(byte) }
                if n == 0 || errno != EINTR { return EOF }
                guard Interrupt.isRequested else { continue }
            }
            // Inside Ctrl-R search, after ESC or Ctrl-V, or in a numeric argument a newline
            // would be taken as part of that command (ESC newline even switches to vi mode):
            // abort it with Ctrl-G first.
            let modal = UInt(RL_STATE_ISEARCH | RL_STATE_NSEARCH | RL_STATE_MULTIKEY
                | RL_STATE_MOREINPUT | RL_STATE_NUMERICARG)
            guard rl_readline_state & modal == 0 else {
                pendingNewline.store(true, ordering: .relaxed)
                return 7  // Ctrl-G
            }
            return cancelLine()
        }
    }

    static func cancelLine() -> Int32 {
        lineCancelled.store(true, ordering: .relaxed)
        rl_replace_line("", 0)
        rl_echo_signal_char(SIGINT)
        return Int32(UInt8(ascii: "\n"))
    }

    /// `:` joins the word only where a command is being typed (see `CompletionRequest`).
    static let wordBreakHook: @convention(c) () -> UnsafeMutablePointer<CChar>? = {
        let before = lineBytes(upTo: Int(rl_point))
        let isCommand = CompletionRequest.isCommandPosition(String(decoding: before, as: UTF8.self))
        return isCommand ? Readline.commandWordBreaks : Readline.wordBreaks
    }

    /// Asks the Swift completer and hands readline a malloc'd, NULL-terminated array:
    /// the text to insert (the common prefix), then every match. Readline frees it.
    static let complete: @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
        -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { _, start, end in
        rl_attempted_completion_over = 1  // never fall back to file names
        guard let completer = Readline.session.withLock({ $0?.completer }) else { return nil }
        let bytes = lineBytes(upTo: Int(rl_end))
        let s = min(Int(start), bytes.count), e = min(max(Int(end), s), bytes.count)
        let request = CompletionRequest(
            line: String(decoding: bytes, as: UTF8.self),
            word: String(decoding: bytes[s..<e], as: UTF8.self),
            wordStart: String(decoding: bytes[..<s], as: UTF8.self).count)
        let matches = TabMatches.matches(for: request.word, among: completer(request))
        guard !matches.isEmpty else { return nil }
        let entries = matches.count == 1 ? matches : [TabMatches.commonPrefix(matches)] + matches
        let raw = malloc((entries.count + 1) * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)!
        let list = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
        for (i, entry) in entries.enumerated() { list[i] = strdup(entry) }
        list[entries.count] = nil
        return list
    }

    static func variable(_ name: String) -> String? {
        rl_variable_value(name).map { String(cString: $0) }
    }

    static func lineBytes(upTo count: Int) -> [UInt8] {
        guard let buffer = rl_line_buffer, count > 0 else { return [] }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: count) {
            Array(UnsafeBufferPointer(start: $0, count: count))
        }
    }

    /// SIGTERM/SIGHUP/SIGQUIT: readline is not catching signals, so put the terminal back
    /// ourselves, then die of the same signal so the parent sees why.
    static let restoreTerminalAndDie: @convention(c) (Int32) -> Void = { sig in
        if Readline.reading.load(ordering: .acquiring) {
            rl_cleanup_after_signal()
            _ = write(STDOUT_FILENO, "\n", 1)  // keep the half-typed line on screen
        }
        signal(sig, SIG_DFL)
        raise(sig)
    }
}
