import Foundation
import NNL

/// A notebook as one Markdown file: prose as it is, code and output in fenced blocks,
/// figures as SVG images inside the file (data URIs), so the file stands alone.
enum MarkdownWriter {
    static func write(_ notebook: Notebook) -> String {
        var parts: [String] = []
        for cell in notebook.cells {
            switch cell {
            case .markdown(let text):
                parts.append(text)
            case .code(let code, let outputs):
                parts.append("```matlab\n\(code)\n```")
                for output in outputs {
                    switch output {
                    case .text(let text), .error(let text):
                        parts.append("```text\n\(text.hasSuffix("\n") ? text : text + "\n")```")
                    case .figure(let figure):
                        let svg = Data(SVGRenderer().render(figure).utf8).base64EncodedString()
                        parts.append("![\(figure.title.isEmpty ? "figure" : figure.title)](data:image/svg+xml;base64,\(svg))")
                    }
                }
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }
}
