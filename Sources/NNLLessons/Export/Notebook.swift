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
    /// The exported lesson: its name in nnl's course, or its path (the notebook's metadata).
    public var lesson: String?

    public init(cells: [Cell]) { self.cells = cells }

    /// A REPL session so far: each entry's code with what it showed, its error included.
    public init(session: [(code: String, outputs: [Output])]) {
        cells = session.map { .code($0.code, $0.outputs) }
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
