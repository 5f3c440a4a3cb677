import NNL

/// Data keyed by MIME type: `text/plain`, `text/html`, `image/svg+xml`.
public typealias MimeBundle = [String: String]

/// What the kernel needs from a language: run a cell, tell whether code is complete, complete a
/// word, document a name. The kernel knows nothing else of the language; NNLLanguage is nnl's.
public protocol JupyterLanguage: AnyObject {
    var info: LanguageInfo { get }
    /// Runs a cell; text and figures go to `output` as they appear. The cell stops early on
    /// `interrupt()` and reports that as its error.
    func execute(_ code: String, output: any ExecutionOutput) -> ExecutionOutcome
    /// Stops the running cell (from the control thread; a stop that comes between cells is
    /// forgotten when the next one starts).
    func interrupt()
    func completeness(of code: String) -> Completeness
    /// Completions for the word before `cursor` (a Unicode scalar offset, as Jupyter counts).
    func complete(_ code: String, cursor: Int) -> CompletionMatches
    /// Help for the name at or before `cursor`, or nil when it names nothing documented.
    func inspect(_ code: String, cursor: Int) -> String?
    /// An expression's value as the front-end asked for it in `user_expressions`, not shown.
    func evaluate(_ expression: String) -> Result<MimeBundle, ExecutionError>
}

/// Where a running cell's output goes, as it happens.
public protocol ExecutionOutput: AnyObject {
    func stream(_ stream: OutputStream, _ text: String)
    func display(_ data: MimeBundle)
    /// Clears what the cell has shown so far (`clc`): Jupyter's `clear_output`.
    func clear()
}

public enum OutputStream: String, Sendable { case stdout, stderr }

public enum ExecutionOutcome {
    /// Ran to the end; `result` is the cell's shown value (Jupyter's execute_result), if any;
    /// `page` is text for the notebook's pager (help).
    case success(result: MimeBundle?, page: String?)
    case failure(ExecutionError)
}

/// A failed cell as Jupyter shows it: a name, the message, and the rendered lines.
public struct ExecutionError: Error, Equatable, Sendable {
    public var name: String
    public var value: String
    public var traceback: [String]
}

public struct CompletionMatches: Equatable, Sendable {
    public var matches: [String]
    /// The replaced range, in Unicode scalars.
    public var cursorStart: Int
    public var cursorEnd: Int
}

/// `kernel_info_reply`'s description of the language.
public struct LanguageInfo: Sendable {
    public var name: String
    public var version: String
    public var mimetype: String
    public var fileExtension: String
    /// Pygments' and CodeMirror's name for the syntax to highlight.
    public var highlighting: String
    public var banner: String
    public var helpLinks: [(text: String, url: String)]
}
