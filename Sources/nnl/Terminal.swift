import Foundation
import NNL
import NNLLessons

/// Everything nnl decides by looking at the terminal, in one place. The libraries decide
/// nothing by themselves: width, colour, figure size and the progress bar reach them as settings.
enum Terminal {
    /// Whether text written to `fd` may be coloured: only on a terminal, and never under NO_COLOR.
    static func colorWanted(on fd: Int32) -> Bool {
        isatty(fd) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Standard output's size now (it changes when the window is resized), nil for a pipe.
    static func size() -> (columns: Int, rows: Int)? {
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return (80, 24) }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// Columns to fit values to: the terminal's, or 80 in a pipe.
    static var width: Int { max(20, size()?.columns ?? 80) }

    /// Figures drawn to fit the terminal, coloured where colour is wanted; fixed and plain in a pipe.
    static var figures: TerminalPlotOptions {
        guard let size = size() else { return TerminalPlotOptions() }
        return TerminalPlotOptions(width: min(size.columns, 110), height: max(12, min(24, size.rows - 6)),
                                   colour: colorWanted(on: STDOUT_FILENO))
    }

    /// How a lesson shows output at this terminal, now.
    static var lessonDisplay: LessonDisplay {
        LessonDisplay(color: colorWanted(on: STDOUT_FILENO), width: width, figures: figures)
    }

    /// A progress bar for long loops on standard error when it is a terminal and NO_PROGRESS is unset.
    static func progressBar() -> TerminalProgressBar? {
        guard isatty(STDERR_FILENO) != 0, ProcessInfo.processInfo.environment["NO_PROGRESS"] == nil else { return nil }
        return TerminalProgressBar(width: width) { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// Writers for standard output and error that first erase the progress bar, if one shows.
    static func writers(clearing bar: TerminalProgressBar?) -> (out: (String) -> Void, err: (String) -> Void) {
        ({ bar?.clear(); FileHandle.standardOutput.write(Data($0.utf8)) },
         { bar?.clear(); FileHandle.standardError.write(Data($0.utf8)) })
    }
}
