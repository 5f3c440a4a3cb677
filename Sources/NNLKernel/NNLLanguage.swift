// The one file that ties the kernel to nnl's runtime of today: the REPL's session (for the `:`
// commands and its interpreter), the diagnostic renderer, SVG figures, `help` and completion.
// Everything else in NNLKernel sees only the KernelLanguage protocol.
import Foundation
import Interruption
import LineEditor
import NNL
import NNLREPL

/// nnl as a Jupyter kernel's language: one workspace for the kernel's life.
public final class NNLLanguage: KernelLanguage {
    private let session: REPLSession
    private var interpreter: Interpreter { session.interpreter }
    /// Where the running cell's text and figures go; text goes through the relay's `write`.
    private let relay = OutputRelay()

    public let info: LanguageInfo

    public init(version: String) {
        info = LanguageInfo(
            name: "nnl", version: version, mimetype: "text/x-octave", fileExtension: ".nnl",
            highlighting: "octave",
            banner: "nnl \(version): gradient descent for neural networks, by typing the formulas. `help NAME` documents a builtin; `:help` lists the commands.",
            helpLinks: [("GNU Octave manual (nnl's syntax is Octave's)", "https://docs.octave.org/latest/")])
        let relay = relay
        session = REPLSession(color: false, write: { relay.write(.stdout, $0) }, writeError: { relay.write(.stderr, $0) })
        interpreter.interruptRequested = { StopRequest.isRequested }
        interpreter.plotting.progressEnabled = false
        // The terminal drawing is the text/plain: `jupyter console` shows it, as the REPL would.
        interpreter.plotting.show = { [interpreter] figure in
            relay.display(["image/svg+xml": SVGRenderer().render(figure),
                           "text/plain": TerminalPlotRenderer(options: interpreter.plotting.terminal).render(figure)])
        }
    }

    // MARK: - execute

    public func execute(_ code: String, output: any ExecutionOutput) -> ExecutionOutcome {
        relay.output = output
        defer { relay.output = nil }
        if let name = helpTopic(code), let help = interpreter.help(for: name) {
            return .success(result: nil, page: help)
        }
        if code.split(separator: "\n").contains(where: { $0.drop(while: \.isWhitespace).first == ":" }) {
            runWithCommands(code)
            return .success(result: nil, page: nil)
        }
        return run(code)
    }

    /// A cell of code: everything runs as `nnl run` would, except that the value the last
    /// statement shows (`ans = 2`) becomes the cell's result, with an HTML table beside its text.
    private func run(_ code: String) -> ExecutionOutcome {
        let source = SourceFile(name: "", text: code)
        let statements: [Stmt]
        do { statements = try Parser.parse(source) } catch { return .failure(executionError(error)) }
        let shown = statements.last.flatMap(shownName)
        let body = shown == nil ? statements : Array(statements.dropLast())
        let error = onLargeStack { [interpreter, relay] () -> Error? in
            do {
                try interpreter.execute(body)
                if shown != nil {
                    relay.holdsLast = true
                    try interpreter.execute([statements.last!])
                }
            } catch { return error }
            return nil
        }
        let held = relay.release()
        if let error {
            if let held { relay.write(.stdout, held) }
            return .failure(executionError(error))
        }
        guard let held, let shown else { return .success(result: nil, page: nil) }
        return .success(result: result(held, name: shown), page: nil)
    }

    /// The variable a statement shows when it runs: `ans` for an expression, the target of an
    /// assignment; nil when it shows nothing (a `;`, a loop, several outputs).
    private func shownName(_ statement: Stmt) -> String? {
        switch statement.kind {
        case .expression(_, printing: true): "ans"
        case .assign(let target, _, printing: true): target.base.name
        default: nil
        }
    }

    /// The held text is the shown value when it is exactly that variable's display; otherwise
    /// it was printed by the statement and goes out as text after all.
    private func result(_ text: String, name: String) -> MimeBundle? {
        guard let value = interpreter[variable: name],
              display(name: name, value: value, options: interpreter.displayOptions) == text else {
            relay.write(.stdout, text)
            return nil
        }
        var plain = text
        while plain.hasSuffix("\n") { plain.removeLast() }
        return ["text/plain": plain, "text/html": ValueHTML.html(name: name, value: value)]
    }

    /// A cell with `:` command lines, fed to the REPL's session line by line as if typed there
    /// (errors are printed, not raised); `:vars` is shown as a table.
    private func runWithCommands(_ code: String) {
        for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
            if !session.isContinuing, line.trimmingCharacters(in: .whitespaces) == ":vars" {
                let workspace = interpreter.workspace
                relay.display(["text/plain": variablesTable(workspace), "text/html": ValueHTML.variables(workspace)])
            } else {
                onLargeStack { [session] in session.feed(String(line)) }
            }
        }
        if session.isContinuing {
            session.cancelBlock()
            relay.write(.stderr, "error: the cell ends inside a block: `end` is missing\n")
        }
    }

    /// `help NAME` (or `help("NAME")`) alone in a cell: the name, to show in the pager.
    private func helpTopic(_ code: String) -> String? {
        let words = code.trimmingCharacters(in: .whitespacesAndNewlines.union([";"]))
            .split(whereSeparator: { $0.isWhitespace || "()\"'".contains($0) })
        return words.count == 2 && words[0] == "help" ? String(words[1]) : nil
    }

    private func executionError(_ error: Error) -> ExecutionError {
        let renderer = DiagnosticRenderer(color: true)
        switch error {
        case let d as Diagnostic where d.isInterruption:
            return ExecutionError(name: "Interrupted", value: d.message, traceback: [d.message])
        case let d as Diagnostic:
            return ExecutionError(name: "error", value: d.message, traceback: lines(renderer.render(d)))
        case let errors as SyntaxErrors:
            return ExecutionError(name: "syntax error", value: errors.diagnostics.first?.message ?? "",
                                  traceback: lines(renderer.render(errors)))
        default:
            return ExecutionError(name: "error", value: "\(error)", traceback: ["\(error)"])
        }
    }

    private func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0).map(String.init)
    }

    // MARK: - completeness, completion, help

    public func completeness(of code: String) -> CodeCompleteness {
        let lines = code.split(separator: "\n")
        if !lines.isEmpty, lines.allSatisfy({ $0.drop(while: \.isWhitespace).first == ":" }) { return .complete }
        do {
            _ = try Parser.parse(SourceFile(name: "", text: code))
            return .complete
        } catch {
            return error.isIncomplete ? .incomplete(indent: indent(after: lines.last ?? "")) : .invalid
        }
    }

    /// The next line's indent: the last line's, one level deeper after a block's opening line.
    private func indent(after line: Substring) -> String {
        let leading = String(line.prefix { $0 == " " || $0 == "\t" })
        let first = line.split(whereSeparator: { !$0.isLetter }).first ?? ""
        let opens = ["if", "elseif", "else", "for", "while", "function"].contains(first)
        return leading + (opens ? "    " : "")
    }

    public func complete(_ code: String, cursor: Int) -> CompletionMatches {
        let before = String(String.UnicodeScalarView(code.unicodeScalars.prefix(max(0, cursor))))
        let line = before.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let request = CompletionRequest(line: line)
        let candidates = CompletionCandidates(workspace: interpreter.workspace, builtinNames: interpreter.builtinNames)
            .candidates(for: request)
        let end = before.unicodeScalars.count
        return CompletionMatches(matches: Set(candidates.filter { $0.hasPrefix(request.word) }).sorted(),
                                 cursorStart: end - request.word.unicodeScalars.count, cursorEnd: end)
    }

    public func inspect(_ code: String, cursor: Int) -> String? {
        let scalars = Array(code.unicodeScalars)
        let isName = { (c: Unicode.Scalar) in c == "_" || c == "." || c.properties.isAlphabetic || ("0"..."9").contains(c) }
        var start = min(max(0, cursor), scalars.count)
        var end = start
        while start > 0, isName(scalars[start - 1]) { start -= 1 }
        while end < scalars.count, isName(scalars[end]) { end += 1 }
        let name = String(String.UnicodeScalarView(scalars[start..<end]))
        guard !name.isEmpty else { return nil }
        if let help = interpreter.help(for: name) { return help }
        return interpreter[variable: name].map { display(name: name, value: $0, options: interpreter.displayOptions) }
    }
}

/// Carries the interpreter's text and figures to the running cell's output. While the last
/// statement runs, its newest piece of text is held back: it may be the value it shows.
private final class OutputRelay: @unchecked Sendable {
    var output: (any ExecutionOutput)?
    var holdsLast = false
    private var held: String?

    func write(_ stream: OutputStream, _ text: String) {
        guard holdsLast, stream == .stdout else { return output?.stream(stream, text) ?? () }
        if let held { output?.stream(.stdout, held) }
        held = text
    }

    func display(_ data: MimeBundle) {
        if let held { output?.stream(.stdout, held) }
        held = nil
        output?.display(data)
    }

    /// Ends holding; the held text, if any.
    func release() -> String? {
        defer { held = nil; holdsLast = false }
        return held
    }
}
