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

    public init(session: Session, adding extra: [SessionCommand] = [], aliases: [String: String] = [:]) {
        self.session = session
        self.aliases = aliases
        // A host's command replaces a shared one of the same name (a lesson's `:save`).
        commands = Self.shared(for: session).filter { c in !extra.contains { $0.name == c.name } } + extra
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
    static func shared(for session: Session) -> [SessionCommand] {
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
            SessionCommand("save", argument: "FILE", summary: "write the whole workspace (variables and functions) to FILE") { path throws(RunError) in
                guard !path.isEmpty else { throw usage("usage: :save FILE, e.g. :save work.txt") }
                try session.saveWorkspace(to: path)
                session.interpreter.output("saved \(session.workspace.variableNames.count) variables to \(path)\n")
            },
            SessionCommand("load", argument: "FILE", summary: "read a workspace written by :save (or Octave's save)") { path throws(RunError) in
                guard !path.isEmpty else { throw usage("usage: :load FILE, e.g. :load work.txt") }
                let names = try session.loadWorkspace(from: path)
                session.interpreter.output("loaded \(names.isEmpty ? "no variables" : names.joined(separator: ", "))\n")
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
