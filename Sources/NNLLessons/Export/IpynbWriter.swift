import Foundation
import NNL

/// A notebook as Jupyter's nbformat 4.5 JSON for the kernel `nnl` (`nnl kernel install`):
/// markdown cells, code cells with their printed text as stream outputs and figures as
/// `image/svg+xml` display data, with the terminal drawing as their `text/plain`, as the Jupyter kernel
/// sends them.
enum IpynbWriter {
    static func write(_ notebook: Notebook) -> String {
        var executionCount = 0
        let cells: [[String: Any]] = notebook.cells.enumerated().map { index, cell in
            let id = "cell-\(index + 1)"
            switch cell {
            case .markdown(let text):
                return ["cell_type": "markdown", "id": id, "metadata": [String: Any](), "source": sourceLines(text)]
            case .code(let code, let outputs):
                executionCount += 1
                return ["cell_type": "code", "id": id, "metadata": [String: Any](), "source": sourceLines(code),
                        "execution_count": executionCount, "outputs": outputs.map(output)]
            }
        }
        var metadata: [String: Any] = [
            "kernelspec": ["name": "nnl", "display_name": "nnl", "language": "nnl"],
            "language_info": ["name": "nnl", "file_extension": ".nnl", "mimetype": "text/x-octave",
                              "codemirror_mode": "octave", "pygments_lexer": "octave"],
        ]
        if let lesson = notebook.lesson { metadata["nnl"] = ["lesson": lesson] }
        let document: [String: Any] = ["nbformat": 4, "nbformat_minor": 5, "cells": cells, "metadata": metadata]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func output(_ output: Notebook.Output) -> [String: Any] {
        switch output {
        case .text(let text):
            return ["output_type": "stream", "name": "stdout", "text": sourceLines(text)]
        case .error(let text):
            return ["output_type": "stream", "name": "stderr", "text": sourceLines(text)]
        case .figure(let figure):
            return ["output_type": "display_data", "metadata": [String: Any](),
                    "data": ["image/svg+xml": sourceLines(SVGRenderer().render(figure)),
                             "text/plain": sourceLines(TerminalPlotRenderer(options: TerminalPlotOptions()).render(figure))]]
        }
    }

    /// Jupyter keeps multi-line text as a list of lines, each with its newline but the last.
    private static func sourceLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        if let last = lines.last {
            lines[lines.count - 1] = String(last.dropLast())
            if lines[lines.count - 1].isEmpty { lines.removeLast() }
        }
        return lines
    }
}
