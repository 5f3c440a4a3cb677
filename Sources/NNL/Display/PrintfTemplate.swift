/// One `%` conversion of a printf template: `%-08.3f`, `%*d`, `%s`.
struct Conversion {
    enum Count { case given(Int), star }
    var flags: String
    var width: Count?
    var precision: Count?
    var type: Character
}

/// A template cut into literal text and conversions; `%%` is already literal text.
enum TemplatePiece {
    case text(String)
    case conversion(Conversion)
}

/// Splits an (escape-processed) template; C length modifiers (`l`, `h`, …) are accepted and dropped.
func parseTemplate(_ template: String) throws(FormatError) -> [TemplatePiece] {
    let chars = Array(template)
    var pieces: [TemplatePiece] = []
    var text = ""
    var i = 0
    while i < chars.count {
        if chars[i] != "%" { text.append(chars[i]); i += 1; continue }
        if i + 1 < chars.count, chars[i + 1] == "%" { text.append("%"); i += 2; continue }
        if !text.isEmpty { pieces.append(.text(text)); text = "" }
        i += 1
        pieces.append(.conversion(try parseConversion(chars, at: &i)))
    }
    if !text.isEmpty { pieces.append(.text(text)) }
    return pieces
}

/// The conversion whose text starts at `i`, just after its `%`.
private func parseConversion(_ chars: [Character], at i: inout Int) throws(FormatError) -> Conversion {
    var flags = ""
    while i < chars.count, "-+ #0".contains(chars[i]) { flags.append(chars[i]); i += 1 }
    let width = parseCount(chars, at: &i)
    var precision: Conversion.Count?
    if i < chars.count, chars[i] == "." {
        i += 1
        precision = parseCount(chars, at: &i) ?? .given(0)
    }
    while i < chars.count, "lhLqjzt".contains(chars[i]) { i += 1 }
    guard i < chars.count, "diucsfFeEgGxXo".contains(chars[i]) else {
        throw FormatError(message: "invalid format specified")
    }
    i += 1
    return Conversion(flags: flags, width: width, precision: precision, type: chars[i - 1])
}

private func parseCount(_ chars: [Character], at i: inout Int) -> Conversion.Count? {
    if i < chars.count, chars[i] == "*" { i += 1; return .star }
    var digits = ""
    while i < chars.count, chars[i].isASCII, chars[i].isWholeNumber {
        digits.append(chars[i])
        i += 1
    }
    return Int(digits).map { .given($0) }
}
