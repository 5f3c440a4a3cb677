import NNLMatrix

/// `:vars`, like Octave's `whos`: every variable by name with its size, class and bytes, then the
/// user functions.
public func variablesTable(_ workspace: Workspace) -> String {
    let names = workspace.variableNames.sorted()
    var rows = [["Name", "Size", "Class", "Bytes"]]
    var total = 0
    for name in names {
        guard let value = workspace[name] else { continue }
        let bytes = byteCount(value)
        total += bytes
        rows.append([name, value.shapeText, whosClass(value), String(bytes)])
    }
    var out = ""
    if names.isEmpty {
        out += "no variables yet\n"
    } else {
        let widths = (0..<4).map { c in rows.map { $0[c].count }.max()! }
        for row in rows {
            let cells = (0..<3).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
            let bytes = String(repeating: " ", count: widths[3] - row[3].count) + row[3]
            out += "  " + cells.joined(separator: "   ") + "   " + bytes + "\n"
        }
        out += "\nTotal: \(names.count) variable\(names.count == 1 ? "" : "s") using \(total) bytes\n"
    }
    let functions = workspace.functions.keys.sorted()
    if !functions.isEmpty { out += "Functions: \(functions.joined(separator: ", "))\n" }
    return out
}

/// Octave's class as `whos` shows it: a 0/1 matrix from a comparison is `logical`.
private func whosClass(_ value: Value) -> String {
    if case .matrix(let m) = value, m.isLogical { return "logical" }
    return value.className
}

/// Octave's byte counts: 8 a double, 1 a logical or a character; a struct or a handle
/// the sum of what it holds.
private func byteCount(_ value: Value) -> Int {
    switch value {
    case .matrix(let m): m.count * (m.isLogical ? 1 : 8)
    case .string(let s): s.unicodeScalars.count
    case .structure(let s): s.fields.values.map(byteCount).reduce(0, +)
    case .function(let f):
        if case .anonymous(let fn) = f.target { fn.captured.map { byteCount($0.value) }.reduce(0, +) } else { 0 }
    }
}
