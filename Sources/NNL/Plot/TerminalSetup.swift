import Foundation

extension Interpreter {
    /// Draws figures for the terminal this process runs in — its size, colour unless
    /// NO_COLOR is set or standard output is a pipe — and shows a progress bar for long
    /// loops on standard error. The CLI, the REPL and `nnl learn` call it; tests do not,
    /// so their figures stay plain and of a fixed size.
    public func useTerminal() {
        let size = terminalSize()
        if let size {
            plotting.terminal = TerminalPlotOptions(width: min(size.columns, 110), height: max(12, min(24, size.rows - 6)),
                                                    colour: DiagnosticRenderer.colorWanted(on: 1))
        }
        guard let bar = TerminalProgressBar.forStandardError(width: size?.columns ?? 80) else { return }
        plotting.progress = bar
        let (write, writeError) = (output, errorOutput)
        output = { bar.clear(); write($0) }
        errorOutput = { bar.clear(); writeError($0) }
    }

    /// Standard output's terminal size, or nil when it is not a terminal.
    private func terminalSize() -> (columns: Int, rows: Int)? {
        guard isatty(1) != 0 else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return (80, 24) }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}
