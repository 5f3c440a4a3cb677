import Foundation

/// A `:` command: `:vars`, `:explain EXPR`. The ones every prompt offers are made here, once;
/// a host adds its own (`:export`, `:lesson`, `:hint`) to the same set.
public struct SessionCommand {
    public let name: String
    public let argument: String
    public let summary: String
    public let action: (String) throws(RunError) -> Void

    public init(_ name: String, argument: String = "", summary: String,
                action: @escaping (String) throws(RunError) -> Void) {
        self.name = name
        self.argument = argument
        self.summary = summary
        self.action = action
    }
}

/// The commands of one prompt: the session's own, then the host's.
public struct CommandSet {
    public private(set) var commands: [SessionCommand]
    private let session: Session
    private let aliases: [String: String]

    /// `program`: what `:save FILE.nnl` writes from the workspace (a lesson: the learner's own
    /// functions and variables; elsewhere everything).
    public init(session: Session, adding extra: [SessionCommand] = [], aliases: [String: String] = [:],
                program: @escaping (Workspace) -> ProgramContents = { ProgramContents.everything(in: $0, from: "nnl") }) {
        self.session = session
        self.aliases = aliases
        // A host's command replaces a shared one of the same name.
        commands = Self.shared(for: session, program: program).filter { c in !extra.contains { $0.name == c.name } } + extra
        // `:help` lists the set it is in (a copy it captures): made again once the set holds it.
        commands.insert(helpCommand, at: 0)
        commands[0] = helpCommand
    }

    public var names: [String] { commands.map(\.name) }

    /// Runs `:name argument`.
    public func run(_ line: String) throws(RunError) {
        let body = line.drop { $0 == " " || $0 == "\t" }.dropFirst()
        let name = String(body.prefix { !$0.isWhitespace })
        let argument = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        guard let command = command(named: name) else {
            let hint = closestName(to: name, in: names).map { "did you mean :\($0)?" }
                ?? "the commands are " + names.map { ":" + $0 }.joined(separator: " ")
            throw RunError(Diagnostic("there is no command :\(name)", hint: hint))
        }
        try command.action(argument)
    }

    func command(named name: String) -> SessionCommand? {
        let name = aliases[name] ?? name
        return commands.first { $0.name == name }
    }

    private var helpCommand: SessionCommand {
        SessionCommand("help", argument: "[NAME]", summary: "these commands; with a NAME, the same as `help NAME`") { [self] name throws(RunError) in
            if name.isEmpty {
                session.interpreter.output(overview)
            } else if name.hasPrefix(":"), let c = command(named: String(name.dropFirst())) {
                session.interpreter.output(":\(c.name) \(c.argument)\n  \(c.summary)\n")
            } else {
                try session.run("help(\(mat2str(.string(name))))")
            }
        }
    }

    private var overview: String {
        let width = commands.map { $0.name.count + $0.argument.count }.max()! + 3
        var text = "Type code to run it, e.g. `W1 = randn(4, 2) * 0.01`; `help NAME` documents a builtin.\nCommands:\n"
        for c in commands {
            text += "  " + (":" + c.name + " " + c.argument).padding(toLength: width, withPad: " ", startingAt: 0) + c.summary + "\n"
        }
        return text
    }

    /// The commands every prompt has.
    static func shared(for session: Session, program: @escaping (Workspace) -> ProgramContents) -> [SessionCommand] {
        [
            SessionCommand("vars", summary: "the variables: name, size, class and bytes (like whos)") { _ throws(RunError) in
                session.interpreter.output(variablesTable(session.workspace))
            },
            SessionCommand("clear", argument: "[NAME ...]", summary: "forget the named variables, or all of them (as `clear`)") { names throws(RunError) in
                try session.run("clear " + names)
            },
            SessionCommand("explain", argument: "EXPR", summary: "evaluate step by step: every sub-expression with its shape and value") { code throws(RunError) in
                try session.explainCommand(code)
            },
            SessionCommand("time", argument: "EXPR", summary: "run and say how long it took") { code throws(RunError) in
                guard !code.isEmpty else { throw usage("usage: :time EXPR") }
                let start = ContinuousClock.now
                defer {
                    let elapsed = ContinuousClock.now - start
                    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                    session.interpreter.output(String(format: "elapsed: %.4g s\n", seconds))
                }
                try session.run(code)
            },
            SessionCommand("save", argument: "FILE", summary: "FILE.nnl: a program of your functions and variables (`nnl run`, `nnl grade`); FILE.nnlw: the whole workspace") { path throws(RunError) in
                try session.saveCommand(path, program: program)
            },
            SessionCommand("load", argument: "FILE", summary: "run a program FILE.nnl here, or read a workspace written by :save (or Octave's save)") { path throws(RunError) in
                try session.loadCommand(path)
            },
        ]
    }

    private static func usage(_ text: String) -> RunError { RunError(Diagnostic(text)) }
}

extension Session {
    /// `:explain`: the steps first, then what the statement shows, then its error if any.
    func explainCommand(_ code: String) throws(RunError) {
        guard !code.isEmpty else { throw RunError(Diagnostic("usage: :explain EXPR, e.g. :explain dW2 = 1/m * dZ2 * A1'")) }
        var held: [SessionOutput] = []
        let output = environment.output
        environment.output = { held.append($0) }
        let (trace, error) = explain(code)
        environment.output = output
        output(.explanation(trace))
        held.forEach(output)
        if let error { throw error }
    }
}
