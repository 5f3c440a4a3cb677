/// One thing a run shows.
public enum SessionOutput {
    /// Standard output: `printf`, `disp`, `help`, a command's report.
    case text(String)
    /// Standard error: `fprintf(2, ...)`.
    case errorText(String)
    /// A value shown because its statement had no `;`, with its `format short` text.
    case value(name: String, value: Value, text: String)
    /// A figure drawn by `plot`, `scatter`, `boundary`; the host renders it (terminal, SVG).
    case figure(Figure)
    /// A warning with its place, rendered by the host.
    case warning(Diagnostic)
    /// `:explain`'s steps, rendered by the host (a terminal dims the shapes).
    case explanation(ExplainTrace)
    /// `clc`: a terminal clears its screen; other hosts ignore it.
    case clearScreen
}

extension SessionOutput {
    /// The output as a terminal or a text report shows it: values as displayed, figures drawn
    /// in characters at the given size, warnings and `:explain` rendered (coloured if asked).
    public func text(figures: TerminalPlotOptions = TerminalPlotOptions(), color: Bool = false) -> String {
        switch self {
        case .text(let t), .errorText(let t), .value(_, _, let t): t
        case .figure(let f): TerminalPlotRenderer(options: figures).render(f)
        case .warning(let d): DiagnosticRenderer(color: color).render(d)
        case .explanation(let trace): trace.render(color: color)
        case .clearScreen: ""
        }
    }
}
