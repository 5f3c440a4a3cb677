extension String {
    /// The text broken at spaces so that no line is wider than `width` columns (escape codes
    /// take none), continuation lines starting with `indent`: a narrow terminal never cuts a
    /// word in two. A word longer than a whole line stays whole.
    func wrapped(width: Int, indent: String = "  ") -> String {
        split(separator: "\n", omittingEmptySubsequences: false)
            .map { Self.wrapLine($0, width: Swift.max(width, indent.count + 10), indent: indent) }
            .joined(separator: "\n")
    }

    private static func wrapLine(_ line: Substring, width: Int, indent: String) -> String {
        guard visibleWidth(line) > width else { return String(line) }
        var lines: [String] = []
        var current = ""
        var used = 0
        var isEmpty = true
        for word in words(of: line) {
            let w = visibleWidth(word)
            if !isEmpty && used + 1 + w > width {
                lines.append(current)
                (current, used, isEmpty) = (indent, indent.count, true)
            }
            current += (isEmpty ? "" : " ") + word
            used += (isEmpty ? 0 : 1) + w
            isEmpty = false
        }
        return (lines + [current]).joined(separator: "\n")
    }

    /// The line split at spaces, except inside brackets: `[0 0 0 1]` stays on one line.
    private static func words(of line: Substring) -> [Substring] {
        var words: [Substring] = []
        var start = line.startIndex
        var depth = 0
        for i in line.indices {
            switch line[i] {
            case "[", "(": depth += 1
            case "]", ")": depth = Swift.max(0, depth - 1)
            case " " where depth == 0:
                words.append(line[start..<i])
                start = line.index(after: i)
            default: break
            }
        }
        return words + [line[start...]]
    }

    /// Columns on a terminal: characters outside `ESC [ … m` colour codes.
    private static func visibleWidth(_ text: Substring) -> Int {
        var count = 0
        var inEscape = false
        for c in text {
            if inEscape { inEscape = !c.isLetter } else if c == "\u{1B}" { inEscape = true } else { count += 1 }
        }
        return count
    }
}
