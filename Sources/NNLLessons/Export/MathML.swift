import NNL

/// The LaTeX of lesson prose as MathML, which browsers render natively, so an exported page
/// needs no script and no network: `W^{[1]}` is a superscript, `\frac{1}{m}` a fraction,
/// `\hat{y}` an accent, `\sum_{i=1}^{m}` a sum with limits. Symbol names are MathText's.
enum MathML {
    /// `display`: a `$$…$$` block; else inline `$…$`.
    static func render(_ latex: String, display: Bool) -> String {
        var reader = Reader(Array(latex), display: display)
        let body = reader.sequence(until: nil)
        return "<math\(display ? " display=\"block\"" : "")><mrow>\(body)</mrow></math>"
    }

    private struct Reader {
        let chars: [Character]
        let display: Bool
        var i = 0

        init(_ chars: [Character], display: Bool) {
            self.chars = chars
            self.display = display
        }

        /// Terms up to `close` (a `}`) or the end, each with its scripts.
        mutating func sequence(until close: Character?) -> String {
            var out = ""
            while i < chars.count {
                if chars[i] == close { i += 1; return out }
                if chars[i] == " " { i += 1; continue }
                out += scripted(atom())
            }
            return out
        }

        /// `base^…`, `base_…` or both, as msup, msub, msubsup (munderover for a displayed ∑).
        mutating func scripted(_ base: (markup: String, isLargeOperator: Bool)) -> String {
            var sub: String?
            var sup: String?
            while i < chars.count, chars[i] == "^" || chars[i] == "_" {
                let isSup = chars[i] == "^"
                i += 1
                let argument = row(self.argument())
                if isSup { sup = argument } else { sub = argument }
            }
            let under = base.isLargeOperator && display
            switch (sub, sup) {
            case let (sub?, sup?): return under ? "<munderover>\(base.markup)\(sub)\(sup)</munderover>" : "<msubsup>\(base.markup)\(sub)\(sup)</msubsup>"
            case let (sub?, nil): return under ? "<munder>\(base.markup)\(sub)</munder>" : "<msub>\(base.markup)\(sub)</msub>"
            case let (nil, sup?): return under ? "<mover>\(base.markup)\(sup)</mover>" : "<msup>\(base.markup)\(sup)</msup>"
            case (nil, nil): return base.markup
            }
        }

        mutating func atom() -> (markup: String, isLargeOperator: Bool) {
            let c = chars[i]
            i += 1
            switch c {
            case "{": return ("<mrow>" + sequence(until: "}") + "</mrow>", false)
            case "\\": return command()
            case "'": return ("<mo>′</mo>", false)
            case "-": return ("<mo>−</mo>", false)
            default:
                if c.isNumber { return ("<mn>" + number(from: c) + "</mn>", false) }
                if c.isLetter { return ("<mi>" + String(c).xmlEscaped + "</mi>", false) }
                // Brackets keep their size unless written `\left(` … `\right)`.
                if "()[]".contains(c) { return ("<mo stretchy=\"false\">\(c)</mo>", false) }
                return ("<mo>" + String(c).xmlEscaped + "</mo>", false)
            }
        }

        /// Digits and a decimal point: `0.001` is one number.
        mutating func number(from first: Character) -> String {
            var digits = String(first)
            while i < chars.count, chars[i].isNumber || (chars[i] == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                digits.append(chars[i])
                i += 1
            }
            return digits
        }

        /// One element for a script or a command's argument: a braced group is a row already.
        func row(_ markup: String) -> String {
            markup.hasPrefix("<mrow>") && markup.hasSuffix("</mrow>") ? markup : "<mrow>" + markup + "</mrow>"
        }

        /// A braced group or a single atom (after `^`, `_`, or a command).
        mutating func argument() -> String {
            while i < chars.count && chars[i] == " " { i += 1 }
            guard i < chars.count else { return "" }
            return atom().markup
        }

        mutating func command() -> (markup: String, isLargeOperator: Bool) {
            guard i < chars.count else { return ("", false) }
            guard chars[i].isLetter else {
                let c = chars[i]
                i += 1
                let spaces: [Character: String] = [",": "0.17em", ";": "0.28em", ":": "0.22em", "!": "0em"]
                if let width = spaces[c] { return ("<mspace width=\"\(width)\"/>", false) }
                return ("<mo>" + (c == "|" ? "‖" : String(c).xmlEscaped) + "</mo>", false)
            }
            var name = ""
            while i < chars.count && chars[i].isLetter { name.append(chars[i]); i += 1 }
            switch name {
            case "frac": return ("<mfrac>\(row(argument()))\(row(argument()))</mfrac>", false)
            case "sqrt": return ("<msqrt>\(row(argument()))</msqrt>", false)
            case "hat": return ("<mover accent=\"true\">\(row(argument()))<mo>^</mo></mover>", false)
            case "bar": return ("<mover accent=\"true\">\(row(argument()))<mo>¯</mo></mover>", false)
            case "text", "mathrm", "operatorname": return ("<mtext>" + plain(argument()) + "</mtext>", false)
            case "mathbf": return ("<mrow mathvariant=\"bold\">\(argument())</mrow>", false)
            case "left", "right":
                guard i < chars.count else { return ("", false) }
                let fence = chars[i]
                i += 1
                if fence == "\\" { return command() }  // `\left\|`
                return (fence == "." ? "" : "<mo>" + String(fence).xmlEscaped + "</mo>", false)
            case "big", "Big", "bigg": return ("", false)
            case "quad": return ("<mspace width=\"1em\"/>", false)
            case "qquad": return ("<mspace width=\"2em\"/>", false)
            case "sum", "prod": return ("<mo>\(MathText.symbols[name] ?? name)</mo>", true)
            default:
                guard let symbol = MathText.symbols[name] else { return ("<mi>\(name.xmlEscaped)</mi>", false) }
                // A Greek letter or a function's name is an identifier; the rest are operators.
                guard symbol.allSatisfy(\.isLetter) else { return ("<mo>\(symbol)</mo>", false) }
                // A function's name (log, tanh) stands apart from its neighbours, as TeX sets it.
                let space = symbol.count > 1 ? "<mspace width=\"0.17em\"/>" : ""
                return (space + "<mi>\(symbol)</mi>" + space, false)
            }
        }

        /// The text inside `\text{…}`'s markup: its characters without the tags.
        private func plain(_ markup: String) -> String {
            var out = ""
            var inTag = false
            for c in markup {
                if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
            }
            return out
        }
    }
}
