import NNL

/// A notebook as a single HTML page: prose from its Markdown, code and output in `<pre>`,
/// figures as inline SVG, math as MathML: the page needs no script and no network.
enum HTMLWriter {
    static func write(_ notebook: Notebook) -> String {
        var body: [String] = []
        for cell in notebook.cells {
            switch cell {
            case .markdown(let text):
                body.append(MarkdownToHTML.html(text))
            case .code(let code, let outputs):
                body.append("<pre class=\"code\"><code>\(code.xmlEscaped)</code></pre>")
                for output in outputs {
                    switch output {
                    case .text(let text): body.append("<pre class=\"output\">\(text.xmlEscaped)</pre>")
                    case .error(let text): body.append("<pre class=\"error\">\(text.xmlEscaped)</pre>")
                    case .figure(let figure): body.append("<figure>\n\(SVGRenderer().render(figure))</figure>")
                    }
                }
            }
        }
        return page.replacingOccurrences(of: "BODY", with: body.joined(separator: "\n"))
    }

    private static let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>nnl notebook</title>
        <style>
        body { max-width: 50rem; margin: 2rem auto; padding: 0 1rem; font: 16px/1.5 system-ui, sans-serif; color: #222; }
        pre { padding: 0.6rem 0.8rem; overflow-x: auto; font: 14px/1.4 ui-monospace, monospace; }
        pre.code { background: #f4f4f8; border-left: 3px solid #1f77b4; }
        pre.output { margin-top: -0.6rem; }
        pre.error { margin-top: -0.6rem; color: #b00020; }
        figure { margin: 0; }
        figure svg { max-width: 100%; height: auto; }
        code { background: #f4f4f8; padding: 0 0.2rem; }
        math[display="block"] { margin: 0.8rem 0; overflow-x: auto; }
        pre code { padding: 0; }
        </style>
        </head>
        <body>
        BODY
        </body>
        </html>

        """
}
