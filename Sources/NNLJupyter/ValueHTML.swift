import NNL

/// Values as HTML for notebooks: a matrix as a table under its name and shape, large ones cut
/// to their corners; a struct as a table of fields; text as preformatted text.
enum ValueHTML {
    static let maxRows = 12
    static let maxColumns = 10

    static func html(name: String, value: Value) -> String {
        let caption = "<b>\(name.xmlEscaped)</b> = (\(value.shapeText) \(value.className))"
        switch value {
        case .matrix(let m) where !m.isEmpty:
            return table(caption: caption, rows: matrixRows(m))
        case .structure(let s):
            return table(caption: caption, rows: s.fields.map { [$0.key.xmlEscaped, valueSummary($0.value).xmlEscaped] }, header: ["field", "value"])
        default:
            return "<div>\(caption)</div><pre>\(dispText(value, options: DisplayOptions()).xmlEscaped)</pre>"
        }
    }

    /// `:vars`: name, size and class of every variable.
    static func variables(_ workspace: Workspace) -> String {
        let rows = workspace.variableNames.compactMap { name in
            workspace[name].map { [name.xmlEscaped, $0.shapeText, $0.className] }
        }
        return table(caption: "<b>variables</b>", rows: rows, header: ["Name", "Size", "Class"])
    }

    /// The shown rows and columns, with `⋮` and `…` where some are left out.
    private static func matrixRows(_ m: Matrix) -> [[String]] {
        let rows = shownIndices(m.rows, maxRows)
        let columns = shownIndices(m.cols, maxColumns)
        return rows.map { r in
            guard let r else { return columns.map { _ in "⋮" } }
            return columns.map { c in c.map { number(m[r, $0]) } ?? "…" }
        }
    }

    /// All of 0..<count, or its first and last few around a nil (the elision).
    private static func shownIndices(_ count: Int, _ limit: Int) -> [Int?] {
        guard count > limit else { return Array(0..<count) }
        let head = limit / 2
        return Array(0..<head) + [nil] + Array((count - (limit - head - 1))..<count)
    }

    private static func number(_ x: Double) -> String {
        mat2str(.scalar(x), precision: 5)
    }

    private static func table(caption: String, rows: [[String]], header: [String]? = nil) -> String {
        var html = "<table class=\"nnl-value\">\n<caption style=\"text-align:left;white-space:nowrap\">\(caption)</caption>\n"
        if let header {
            html += "<thead><tr>" + header.map { "<th>\($0)</th>" }.joined() + "</tr></thead>\n"
        }
        html += "<tbody>\n"
        for row in rows {
            html += "<tr>" + row.map { "<td style=\"text-align:right\">\($0)</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>"
    }
}
