import NNLMatrix

/// The rows of a non-empty matrix as Octave prints them, without a name or trailing newline.
/// `indent` is the nesting inside structs. Too-wide matrices are split into column blocks
/// (`Columns 1 through 8:`); ones with more than `options.elideAbove` elements are elided.
func matrixBody(_ m: Matrix, indent: Int, options: DisplayOptions) -> String {
    if m.count > options.elideAbove { return elidedBody(m, indent: indent, edge: options.edgeItems) }
    // Octave prints logical arrays (comparisons, masks) one digit wide: `  1  0  1`.
    let format = m.isLogical ? NumberFormat(width: 1, style: .integer) : NumberFormat.matrix(m.elements)
    let columnWidth = format.width + 2
    let maxWidth = max(options.width - indent, 0)
    let split = m.cols * columnWidth > maxWidth
    let step = split ? max(maxWidth / columnWidth, 1) : m.cols
    let pad = String(repeating: " ", count: indent)
    let blocks = stride(from: 0, to: m.cols, by: step).map { first in
        let columns = first..<min(first + step, m.cols)
        let rows = (0..<m.rows).map { r in
            pad + columns.map { "  " + format.format(m[r, $0]) }.joined()
        }.joined(separator: "\n")
        return split ? pad + columnsHeader(columns) + "\n\n" + rows : rows
    }
    return blocks.joined(separator: "\n\n")
}

/// Octave's `pr_col_num_header` text for one block of columns (1-based).
private func columnsHeader(_ columns: Range<Int>) -> String {
    switch columns.count {
    case 1: " Column \(columns.lowerBound + 1):"
    case 2: " Columns \(columns.lowerBound + 1) and \(columns.upperBound):"
    default: " Columns \(columns.lowerBound + 1) through \(columns.upperBound):"
    }
}

/// numpy-style corners: the first and last `edge` rows and columns, `…` / `⋮` / `⋱` between,
/// in one format chosen from the values shown.
private func elidedBody(_ m: Matrix, indent: Int, edge: Int) -> String {
    let rows = edgeIndices(m.rows, edge: edge), cols = edgeIndices(m.cols, edge: edge)
    let shown = rows.compactMap { $0 }.flatMap { r in cols.compactMap { $0 }.map { m[r, $0] } }
    let format = NumberFormat.matrix(shown)
    let pad = String(repeating: " ", count: indent)
    return rows.map { r in
        pad + cols.map { c in
            switch (r, c) {
            case let (r?, c?): "  " + format.format(m[r, c])
            case (nil, _?): "  " + "⋮".padded(to: format.width)
            case (_?, nil): " …"
            case (nil, nil): " ⋱"
            }
        }.joined()
    }.joined(separator: "\n")
}

/// Indices 0..<n, with nil standing for the elided middle when n > 2·edge.
private func edgeIndices(_ n: Int, edge: Int) -> [Int?] {
    n > 2 * edge ? Array(0..<edge) + [nil] + Array(n - edge..<n) : Array(0..<n)
}
