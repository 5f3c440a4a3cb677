/// LaTeX-lite to Unicode, for the math in lesson prose:
/// `W^{[1]}` → `W^[1]` (the course's layer notation: a layer is never drawn as a power),
/// `a^{[1]2}` → `a^[1]²`, `x^{(i)}` → `x⁽ⁱ⁾`, `\frac{a}{2h}` → `a/(2h)`, `\sigma` → `σ`, `b_1` → `b₁`.
/// What has no Unicode form stays readable: `e^{-z}` → `e⁻ᶻ`, `x^{q}` → `x^q`.
public enum MathText {
    public static func render(_ latex: String) -> String {
        var reader = Reader(Array(latex))
        return reader.sequence(until: nil)
    }

    private struct Reader {
        let chars: [Character]
        var i = 0

        init(_ chars: [Character]) { self.chars = chars }

        /// Atoms up to `close` (a `}`) or the end.
        mutating func sequence(until close: Character?) -> String {
            var out = ""
            while i < chars.count {
                let c = chars[i]
                if c == close { i += 1; return out }
                out += atom()
            }
            return out
        }

        mutating func atom() -> String {
            let c = chars[i]
            i += 1
            switch c {
            case "{": return sequence(until: "}")
            case "^": return superscript(argument())
            case "_": return script(argument(), subscripts, mark: "_")
            case "\\": return command()
            default: return String(c)
            }
        }

        /// A braced group or a single character (after `^`, `_`, or a command).
        mutating func argument() -> String {
            while i < chars.count && chars[i] == " " { i += 1 }
            guard i < chars.count else { return "" }
            return atom()
        }

        mutating func command() -> String {
            guard i < chars.count else { return "\\" }
            guard chars[i].isLetter else {
                let c = chars[i]
                i += 1
                return [",": " ", ";": " ", ":": " ", "!": "", "|": "‖"][c] ?? String(c)
            }
            var name = ""
            while i < chars.count && chars[i].isLetter { name.append(chars[i]); i += 1 }
            switch name {
            case "frac":
                let a = argument(), b = argument()
                return grouped(a) + "/" + (isAtom(b) ? b : "(\(b))")
            case "sqrt": return "√" + grouped(argument())
            case "hat": return argument() + "\u{0302}"
            case "bar": return argument() + "\u{0304}"
            case "text", "mathrm", "mathbf", "mathit", "operatorname": return argument()
            case "mathbb": return ["R": "ℝ", "N": "ℕ", "Z": "ℤ"][argument()] ?? ""
            case "left", "right", "big", "Big", "bigg": return ""
            default: return symbols[name] ?? name
            }
        }
    }

    /// `a+b` over `c` reads `(a+b)/c`; a single term needs no parentheses.
    private static func grouped(_ s: String) -> String {
        s.contains(where: { " +-/·".contains($0) }) ? "(\(s))" : s
    }

    /// A denominator that needs no parentheses: one number or one symbol.
    private static func isAtom(_ s: String) -> Bool {
        s.count == 1 || (!s.isEmpty && s.allSatisfy { $0.isNumber || $0 == "." })
    }

    /// A layer `[1]` leads as `^[1]`, as the course writes it; the rest of the superscript follows.
    private static func superscript(_ s: String) -> String {
        guard s.hasPrefix("["), let close = s.firstIndex(of: "]") else { return script(s, superscripts, mark: "^") }
        let rest = String(s[s.index(after: close)...])
        return "^" + s[...close] + (rest.isEmpty ? "" : script(rest, superscripts, mark: "^"))
    }

    private static func script(_ s: String, _ table: [Character: Character], mark: String) -> String {
        let mapped = s.compactMap { table[$0] }
        if mapped.count == s.count && !s.isEmpty { return String(mapped) }
        return mark + (s.count == 1 ? s : "(\(s))")
    }

    static let superscripts: [Character: Character] = Dictionary(uniqueKeysWithValues: zip(
        "0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW",
        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ"))

    static let subscripts: [Character: Character] = Dictionary(uniqueKeysWithValues: zip(
        "0123456789+-=()aehijklmnoprstuvx",
        "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))

    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
        "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ",
        "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Pi": "Π", "Sigma": "Σ",
        "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "sum": "∑", "prod": "∏", "partial": "∂", "nabla": "∇", "cdot": "·", "times": "×",
        "odot": "⊙", "ast": "∗", "div": "÷", "pm": "±", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
        "ne": "≠", "neq": "≠", "approx": "≈", "equiv": "≡", "to": "→", "rightarrow": "→",
        "leftarrow": "←", "Rightarrow": "⇒", "mapsto": "↦", "infty": "∞", "in": "∈",
        "quad": "  ", "qquad": "    ", "ldots": "…", "cdots": "⋯", "dots": "…",
        "log": "log", "ln": "ln", "exp": "exp", "max": "max", "min": "min", "tanh": "tanh",
        "sin": "sin", "cos": "cos",
    ]
}
