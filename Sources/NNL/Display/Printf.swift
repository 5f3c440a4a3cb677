/// Octave's `printf` / `sprintf` / `fprintf` text (GNU Octave 7.3 `oct-stream.cc`, `do_printf`).
///
/// Escapes in the template are processed first (`\n`, `\t`, `\\`, octal, hex) unless `escapes` is
/// false: Octave processes them only in a single-quoted template, as a double-quoted one had
/// its escapes processed when it was read (`printf("a\\nb")` prints `a\nb`). The arguments
/// are flattened column-major and the template is reused until all are consumed; output stops
/// at the first conversion that finds no argument left, so a template with conversions and no
/// arguments prints its text up to the first conversion, and one without conversions prints
/// once. `%d` of a non-integer switches to `%g` with the same flags, as Octave does.
/// Numbers go through glibc's `snprintf`, so `%.17g` round-trips a double exactly.
/// One deliberate difference: `%s` of a number that is not a character code prints it as
/// `%g` (Octave 7 prints nothing there).
public func formatPrintf(_ template: String, _ args: [Value], escapes: Bool = true) throws(FormatError) -> String {
    let pieces = try parseTemplate(escapes ? processEscapes(template) : template)
    let reusable = pieces.contains { if case .conversion = $0 { true } else { false } }
    var arguments = try PrintfArguments(args)
    var out = ""
    var i = 0
    while i < pieces.count {
        switch pieces[i] {
        case .text(let text):
            out += text
        case .conversion(let conversion):
            let width = try count(conversion.width, &arguments)
            let precision = try count(conversion.precision, &arguments)
            guard let item = arguments.next(for: conversion.type) else { return out }
            out += render(conversion, item, width: width, precision: precision)
        }
        i += 1
        if i == pieces.count, reusable, !arguments.exhausted { i = 0 }
        if i < pieces.count, arguments.exhausted, case .conversion = pieces[i] { break }
    }
    return out
}

/// Widths and precisions past this would build megabytes of padding: refused, not printed.
let largestFieldCount = 10_000

private func count(_ count: Conversion.Count?, _ arguments: inout PrintfArguments) throws(FormatError) -> Int? {
    let n: Int? = switch count {
    case .given(let n)?: n
    case .star?: try arguments.nextCount()
    case nil: nil
    }
    if let n, n > largestFieldCount {
        throw FormatError(message: "a field width or precision of \(n) is too large (at most \(largestFieldCount))")
    }
    return n
}

private func render(_ c: Conversion, _ item: PrintfArguments.Item, width: Int?, precision: Int?) -> String {
    switch item {
    case .empty: ""
    case .text(let s): fit(precision.map { String(s.prefix($0)) } ?? s, width: width, flags: c.flags)
    case .number(let x): renderNumber(c, x, width: width, precision: precision)
    }
}

/// A number under conversion `c`, as Octave's `do_numeric_printf_conv` does it.
private func renderNumber(_ c: Conversion, _ x: Double, width: Int?, precision: Int?) -> String {
    func spec(_ type: String) -> String {
        "%" + c.flags + (width.map(String.init) ?? "") + (precision.map { ".\($0)" } ?? "") + type
    }
    if let special = nonFiniteText(x, plus: c.flags.contains("+")) {
        return fit(special, width: width, flags: c.flags)
    }
    let whole = x.rounded(.towardZero) == x
    switch c.type {
    case "d", "i", "c":
        if whole && x <= 0x1p63 { return cFormat(spec("ld"), saturatingInt64(x)) }
    case "o", "x", "X", "u":
        if whole && x >= 0 && x <= 0x1p64 {
            return cFormat(spec("l" + String(c.type)), x >= 0x1p64 ? UInt64.max : UInt64(x))
        }
    case "f", "F", "e", "E", "g", "G":
        return cFormat(spec(String(c.type)), x)
    default:
        break
    }
    return cFormat(spec("g"), x)
}

/// How Octave's printf spells Inf and NaN under any numeric conversion; nil for finite `x`.
func nonFiniteText(_ x: Double, plus: Bool = false) -> String? {
    if x.isFinite { return nil }
    let sign = plus && !(x < 0) ? "+" : ""
    return sign + (x.isNaN ? "NaN" : x < 0 ? "-Inf" : "Inf")
}

private func saturatingInt64(_ x: Double) -> Int64 {
    x >= 0x1p63 ? .max : x < -0x1p63 ? .min : Int64(x)
}

/// Text padded to `width` with spaces, on the left unless the `-` flag is given.
private func fit(_ text: String, width: Int?, flags: String) -> String {
    guard let width else { return text }
    return flags.contains("-") ? text.paddedRight(to: width) : text.padded(to: width)
}
