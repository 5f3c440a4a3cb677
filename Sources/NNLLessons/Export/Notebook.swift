import NNL

/// A run lesson or REPL session as a notebook: prose and code with what the code printed
/// and drew. The writers turn it into .ipynb, Markdown or HTML.
public struct Notebook: Sendable {
    public enum Cell: Sendable {
        case markdown(String)
        case code(String, [Output])
    }

    /// What running a code cell gave, in order.
    public enum Output: Sendable {
        case text(String)
        /// An error or warning, as the terminal shows it (without colour).
        case error(String)
        case figure(Figure)
    }

    public var cells: [Cell]

    public init(cells: [Cell]) { self.cells = cells }

    /// One entry of a REPL session: its code, what it printed and drew, and the error that
    /// stopped it (rendered, without colour), written as the entry's last output, as Jupyter does.
    public struct Entry: Sendable {
        public var code: String
        public var output: String
        public var figures: [Figure]
        public var error: String?

        public init(code: String, output: String = "", figures: [Figure] = [], error: String? = nil) {
            self.code = code
            self.output = output
            self.figures = figures
            self.error = error
        }
    }

    /// A REPL session so far, one code cell per entry.
    public init(session: [Entry]) {
        cells = session.map { entry in
            .code(entry.code, (entry.output.isEmpty ? [] : [.text(entry.output)]) + entry.figures.map { .figure($0) }
                + (entry.error.map { [.error($0)] } ?? []))
        }
    }

    /// The REPL's entries as it records them today (no errors yet): to go when it passes `Entry`s.
    public init(session: [(code: String, output: String, figures: [Figure])]) {
        self.init(session: session.map { Entry(code: $0.code, output: $0.output, figures: $0.figures) })
    }
}

/// The formats a notebook can be written in.
public enum NotebookFormat: String, CaseIterable, Sendable {
    case ipynb, md, html

    public func write(_ notebook: Notebook) -> String {
        switch self {
        case .ipynb: IpynbWriter.write(notebook)
        case .md: MarkdownWriter.write(notebook)
        case .html: HTMLWriter.write(notebook)
        }
    }
}
