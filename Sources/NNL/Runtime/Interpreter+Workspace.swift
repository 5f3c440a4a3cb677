import Foundation

/// What builtins may do to the interpreter's state, as methods, so that no builtin writes its
/// internals (`clear`, `clear all`, `tic`).
extension Interpreter {
    /// Forgets every variable of the workspace (`clear`).
    func clearVariables() {
        globalFrame.values = []
    }

    /// Forgets the functions the program defined (`clear all`).
    func clearFunctions() {
        functions = [:]
    }

    /// Starts the stopwatch `toc` reads.
    func startStopwatch() {
        stopwatch = Date()
    }
}
