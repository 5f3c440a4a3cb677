/// Octave's `do_string_escapes`: backslash sequences become the characters they name.
/// An unknown escape keeps its character (`\q` → `q`), as Octave does after warning.
func processEscapes(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
        let c = scalars[i]
        i += 1
        guard c == "\\", i < scalars.count else { out.append(c); continue }
        let e = scalars[i]
        i += 1
        switch e {
        case "n": out.append("\n")
        case "t": out.append("\t")
        case "r": out.append("\r")
        case "a": out.append("\u{07}")
        case "b": out.append("\u{08}")
        case "f": out.append("\u{0C}")
        case "v": out.append("\u{0B}")
        case "0"..."7":
            out.append(number(scalars, from: &i, prefix: String(e), radix: 8, maxDigits: 3))
        case "x" where i < scalars.count && scalars[i].properties.isASCIIHexDigit:
            out.append(number(scalars, from: &i, prefix: "", radix: 16, maxDigits: 2))
        default: out.append(e)
        }
    }
    return String(out)
}

/// The character named by an octal or hex escape: `prefix` and the digits from `i` on.
private func number(_ s: [Unicode.Scalar], from i: inout Int, prefix: String,
                    radix: Int, maxDigits: Int) -> Unicode.Scalar {
    var digits = prefix
    while digits.count < maxDigits, i < s.count, UInt32(String(s[i]), radix: radix) != nil {
        digits.unicodeScalars.append(s[i])
        i += 1
    }
    return Unicode.Scalar(UInt32(digits, radix: radix) ?? 0) ?? "\0"
}
