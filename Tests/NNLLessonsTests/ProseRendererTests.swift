import Testing
@testable import NNLLessons

@Suite struct ProseRendererTests {
    let plain = ProseRenderer(style: TerminalStyle(enabled: false))

    @Test(arguments: [
        ("W^{[1]}", "W^[1]"), ("Z^{[2]}", "Z^[2]"), ("x^{(i)}", "x⁽ⁱ⁾"), ("A^{[1]T}", "A^[1]ᵀ"),
        ("a^{[1]2}", "a^[1]²"), ("z^{[1](i)}", "z^[1]⁽ⁱ⁾"), ("x^2", "x²"),
        ("\\frac{f(x+h) - f(x-h)}{2h}", "(f(x+h) - f(x-h))/(2h)"), ("\\frac{\\partial J}{\\partial W}", "(∂ J)/(∂ W)"),
        ("\\frac{a}{b}", "a/b"), ("\\frac{1}{m}", "1/m"), ("\\frac{a + b}{c}", "(a + b)/c"),
        ("\\alpha \\sigma", "α σ"), ("\\sum_{i=1}^{m}", "∑ᵢ₌₁ᵐ"), ("\\partial J", "∂ J"),
        ("a \\cdot b \\times c", "a · b × c"), ("x_1", "x₁"), ("e^{-z}", "e⁻ᶻ"), ("x^q", "x^q"),
        ("\\hat{y}", "y\u{0302}"), ("\\sigma(z)", "σ(z)"), ("\\left(a\\right)", "(a)"),
    ])
    func mathBecomesUnicode(latex: String, unicode: String) {
        #expect(MathText.render(latex) == unicode)
    }

    @Test func inlineSpans() {
        #expect(plain.inline("**bold** and *em* and `W1*X` and $W^{[1]}$") == "bold and em and W1*X and W^[1]")
        #expect(plain.inline("costs \\$5") == "costs $5")
        #expect(plain.inline("an * alone") == "an * alone")
    }

    /// Code in prose keeps its `*`; hints and messages are verbatim, only backticks painted.
    @Test func starsAreNeverEaten() {
        #expect(plain.inline("dZ1 = W2' * dZ2 .* (1 - A1.^2)") == "dZ1 = W2' * dZ2 .* (1 - A1.^2)")
        let hint = "dZ1 = W2' * dZ2 .* (1 - A1.^2); try *this* and `a*b` and $x$"
        #expect(plain.verbatim(hint) == "dZ1 = W2' * dZ2 .* (1 - A1.^2); try *this* and a*b and $x$")
        #expect(MarkdownToHTML.html("a * b .* c and *em*") == "<p>a * b .* c and <em>em</em></p>")
    }

    @Test func blocks() {
        let text = plain.render(["# Title", "- one", "2. two", "$$Z^{[1]} = W^{[1]} X$$", "", "plain"])
        #expect(text == "Title\n  • one\n  2. two\n    Z^[1] = W^[1] X\n\nplain\n")
    }

    @Test func displayMathOverSeveralLines() {
        #expect(plain.render(["$$a", "= b$$"]) == "    a = b\n")
    }

    @Test func stylesOnlyWhenEnabled() {
        let styled = ProseRenderer(style: TerminalStyle(enabled: true))
        #expect(styled.inline("**b**") == "\u{1B}[1mb\u{1B}[0m")
        #expect(!plain.render(["# T", "**b** `c`"]).contains("\u{1B}"))
    }
}
