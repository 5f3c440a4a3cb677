/// What an `inspect_request` may be about: the name under the cursor (with its dots: `p.W1`),
/// and the function whose call the cursor is inside (the last unclosed `name(` before it).
struct InspectedNames: Equatable {
    var underCursor: String?
    var callee: String?

    init(_ code: String, cursor: Int) {
        let scalars = Array(code.unicodeScalars)
        let at = min(max(0, cursor), scalars.count)
        var start = at
        var end = at
        while start > 0, Self.isNameScalar(scalars[start - 1]) { start -= 1 }
        while end < scalars.count, Self.isNameScalar(scalars[end]) { end += 1 }
        underCursor = Self.name(scalars[start..<end])
        callee = Self.openCall(scalars[..<at])
    }

    /// The name before the innermost call's `(` left open in `before`, when no `[` or `{` is
    /// open inside it.
    private static func openCall(_ before: ArraySlice<Unicode.Scalar>) -> String? {
        var depth = 0
        var index = before.endIndex
        while index > before.startIndex {
            index -= 1
            switch before[index] {
            case ")", "]", "}": depth += 1
            case "[", "{": if depth == 0 { return nil } else { depth -= 1 }
            case "\n" where depth == 0: return nil
            case "(" where depth > 0: depth -= 1
            case "(":
                var start = index
                while start > before.startIndex, isNameScalar(before[start - 1]) { start -= 1 }
                // `(` after no name groups an expression: the call may be further out.
                if let callee = name(before[start..<index]) { return callee }
            default: break
            }
        }
        return nil
    }

    private static func name(_ scalars: ArraySlice<Unicode.Scalar>) -> String? {
        let text = String(String.UnicodeScalarView(scalars)).trimmingDots
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return nil }
        return text
    }

    static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c == "." || c.properties.isAlphabetic || ("0"..."9").contains(c)
    }
}

private extension String {
    var trimmingDots: String {
        var s = Substring(self)
        while s.hasPrefix(".") { s.removeFirst() }
        while s.hasSuffix(".") { s.removeLast() }
        return String(s)
    }
}
