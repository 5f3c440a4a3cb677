// The one file that ties the kernel to nnl: a `Session` (the same the REPL and lessons use),
// its shared `:` commands and typed-input rules (`InputBuffer`), the diagnostic renderer,
// SVG figures, `help` and completion (`CompletionCandidates`).
// Everything else in NNLJupyter sees only the JupyterLanguage protocol.
import Foundation
import NNL

/// nnl as a Jupyter kernel's language: one workspace for the kernel's life.
public final class NNLLanguage: JupyterLanguage {
    private let session = Session()
    /// Sendable: the control thread interrupts through it while the shell thread runs a cell.
    private let interrupter: Interrupter
    private lazy var commands = CommandSet(session: session)
    /// A block left open by a slip in the cell before (`jupyter console`); empty otherwise.
    private var block = InputBuffer()
    /// Set when the running cell slipped inside its block.
    private var slipped = false
    /// Where the running cell's outputs go; a shown value waits to see whether it is the last.
    private let relay = OutputRelay()

    public let info: LanguageInfo
    /// Judges the answer cells of exported lessons, when the host gives one.
    public var checker: (any ExerciseChecker)?

    public init(version: String) {
        info = LanguageInfo(
            name: "nnl", version: version, mimetype: "text/x-octave", fileExtension: ".nnl",
            highlighting: "octave",
            banner: "nnl \(version): gradient descent for neural networks, by typing the formulas. `help NAME` documents a builtin; `:help` lists the commands.",
            helpLinks: [("nnl builtins (help NAME)", KernelSpec.helpURL)])
        session.environment = SessionEnvironment { [relay] in relay.show($0) }
        interrupter = session.interrupter
    }

    public func interrupt() { interrupter.interrupt() }

    /// Every builtin with help, for the kernelspec's help page.
    public static var builtinHelp: [(name: String, help: String)] {
        let session = Session()
        return session.builtinNames.sorted().compactMap { name in session.help(for: name).map { (name, $0) } }
    }

    // MARK: - execute

    public func execute(_ code: String, output: any ExecutionOutput) -> ExecutionOutcome {
        relay.output = output
        defer { relay.output = nil }
        interrupter.forget()
        if let name = helpTopic(code), let help = session.help(for: name) {
            return .success(result: nil, page: help)
        }
        let before = checker?.answers(code) == true ? session.workspace : nil
        var error: RunError?
        do throws(RunError) { try runCell(code) } catch let e { error = e }
        if error == nil, let checker, let before {
            let verdict = checker.feedback(for: code, before: before)
            guard verdict.passed else {
                if let result = relay.finish() { output.display(result) }
                return .failure(wrongAnswer(verdict.text))
            }
            relay.show(.text(verdict.text))
        }
        let result = relay.finish()
        guard let error else { return .success(result: result, page: nil) }
        if let result { output.display(result) }  // shown before the error stopped the cell
        var failure = executionError(error)
        if slipped { failure.traceback += Self.stillOpen(block) }
        slipped = false
        return .failure(failure)
    }

    /// A cell runs as one program, and the value its last statement shows is the cell's result;
    /// a cell with `:` command lines goes line by line, as if typed at the REPL (`:vars` shown
    /// as a table). A cell whose last line slips inside the block it opens (`jupyter console`,
    /// which sends its buffer whole) reports that line, and the block stays open for the next.
    private func runCell(_ code: String) throws(RunError) {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if !block.isContinuing, lines.contains(where: InputBuffer.isCommand) { return try runLines(lines) }
        switch block.add(code) {
        case .entry(let text):
            let program = try session.parse(SourceFile(name: "", text: text))
            relay.lastValueIsResult = program.lastStatementShows
            try session.run(program)
        case .slip(let error):
            slipped = true
            throw error
        case .waiting:
            let open = block.openLines.first ?? ""
            _ = block.interrupt()
            throw RunError(Diagnostic("the cell ends inside a block (`\(open)` …): `end` is missing"))
        case .command(let command):
            try runLines([command])
        }
    }

    /// Said after a slip's error: what stays open.
    private static func stillOpen(_ block: InputBuffer) -> [String] {
        ["(that line was dropped; the block is still open, and what you type next continues it:"]
            + block.openLines.map { "  " + $0 } + [")"]
    }

    private func runLines(_ lines: [String]) throws(RunError) {
        var input = InputBuffer()
        for line in lines {
            switch input.add(line) {
            case .waiting: break
            case .command(let command) where checker != nil && command.trimmingCharacters(in: .whitespaces) == ":hint":
                relay.show(.text(checker!.nextHint()))
            case .command(let command) where command.trimmingCharacters(in: .whitespaces) == ":vars":
                let workspace = session.workspace
                relay.display(["text/plain": variablesTable(workspace), "text/html": ValueHTML.variables(workspace)])
            case .command(let command): try commands.run(command)
            case .slip(let error): throw error
            case .entry(let entry): try session.run(entry)
            }
        }
        if input.isContinuing {
            throw RunError(Diagnostic("the cell ends inside a block: `end` is missing"))
        }
    }

    /// `help NAME` (or `help("NAME")`) alone in a cell: the name, to show in the pager.
    private func helpTopic(_ code: String) -> String? {
        guard code.utf8.count < 200 else { return nil }
        let words = code.trimmingCharacters(in: .whitespacesAndNewlines.union([";"]))
            .split(whereSeparator: { $0.isWhitespace || "()\"'".contains($0) })
        return words.count == 2 && words[0] == "help" ? String(words[1]) : nil
    }

    /// A wrong answer fails its cell, as a failed check did: the diagnosis in red, then the hint.
    private func wrongAnswer(_ text: String) -> ExecutionError {
        let lines = text.split(separator: "\n").map(String.init)
        return ExecutionError(name: "wrong answer", value: lines.first ?? "",
                              traceback: lines.map { $0.hasPrefix("✗") ? "\u{1B}[1;31m✗\u{1B}[0m" + $0.dropFirst() : $0 })
    }

    private func executionError(_ error: RunError) -> ExecutionError {
        let rendered = DiagnosticRenderer(color: true).render(error)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast(rendered.hasSuffix("\n") ? 1 : 0).map(String.init)
        let name = switch error.kind {
        case .syntax: "syntax error"
        case .runtime: "error"
        case .interrupted: "Interrupted"
        case .timeLimit: "time limit"
        }
        return ExecutionError(name: name, value: error.message, traceback: lines)
    }

    // MARK: - completeness, completion, help

    public func completeness(of code: String) -> Completeness {
        block.completeness(continuingWith: code)
    }

    public func complete(_ code: String, cursor: Int) -> CompletionMatches {
        let before = String(String.UnicodeScalarView(code.unicodeScalars.prefix(max(0, cursor))))
        let line = before.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let request = CompletionRequest(line: line)
        let candidates = CompletionCandidates(workspace: session.workspace, builtinNames: session.builtinNames,
                                              commandNames: commands.names).candidates(for: request)
        let end = before.unicodeScalars.count
        return CompletionMatches(matches: Set(candidates.filter { $0.hasPrefix(request.word) }).sorted(),
                                 cursorStart: end - request.word.unicodeScalars.count, cursorEnd: end)
    }

    /// The call being written comes first (`tanh(` or `tanh(x` shows tanh), as IPython does;
    /// else the name under the cursor: a builtin, a variable, or a struct's field (`p.W1`).
    public func inspect(_ code: String, cursor: Int) -> String? {
        let names = InspectedNames(code, cursor: cursor)
        for name in [names.callee, names.underCursor].compactMap({ $0 }) {
            if let help = session.help(for: name) { return help }
            if let value = fieldPath(name) { return display(name: name, value: value, options: session.environment.display) }
        }
        return nil
    }

    /// `a.b.c`: the variable `a`'s field `b`'s field `c`, if all are there (nothing is evaluated).
    private func fieldPath(_ name: String) -> Value? {
        let path = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard var value = session[variable: path[0]] else { return nil }
        for field in path.dropFirst() {
            guard case .structure(let s) = value, let next = s.fields[field] else { return nil }
            value = next
        }
        return value
    }

    public func evaluate(_ expression: String) -> Result<MimeBundle, ExecutionError> {
        do throws(RunError) {
            let value = try session.evaluate(expression)
            return .success(["text/plain": dispText(value, options: session.environment.display).trimmingTrailingNewlines])
        } catch {
            return .failure(executionError(error))
        }
    }
}

/// Carries the session's outputs to the running cell. A shown value is held until something
/// else comes out (then it is text where it stood) or the cell ends: then it is the cell's
/// result if the last statement showed it, else text too.
private final class OutputRelay: @unchecked Sendable {
    var output: (any ExecutionOutput)?
    var lastValueIsResult = false
    private var held: MimeBundle?
    /// The held value's text as the terminal shows it, for when it goes out as text.
    private var heldText = ""

    func show(_ shown: SessionOutput) {
        switch shown {
        case .value(let name, let value, let text):
            flush()
            held = ["text/plain": text.trimmingTrailingNewlines, "text/html": ValueHTML.html(name: name, value: value)]
            heldText = text
        case .figure(let figure):
            display(["image/svg+xml": SVGRenderer().render(figure),
                     "text/plain": TerminalPlotRenderer(options: TerminalPlotOptions()).render(figure)])
        case .errorText, .warning:
            flush()
            output?.stream(.stderr, shown.text())
        case .clearScreen:
            held = nil  // a value shown before `clc` is cleared with the rest
            output?.clear()
        case .text, .explanation:
            flush()
            output?.stream(.stdout, shown.text())
        }
    }

    func display(_ data: MimeBundle) {
        flush()
        output?.display(data)
    }

    /// The held value, as the cell's result; nothing is held afterwards.
    func finish() -> MimeBundle? {
        defer { held = nil; lastValueIsResult = false }
        guard lastValueIsResult else { flush(); return nil }
        return held
    }

    private func flush() {
        if held != nil { output?.stream(.stdout, heldText) }
        held = nil
    }
}

private extension String {
    var trimmingTrailingNewlines: String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
