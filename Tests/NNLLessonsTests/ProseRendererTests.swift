import Testing
@testable import NNLLessons

@Suite struct ProseRendererTests {
    let plain = ProseRenderer(style: TerminalStyle(enabled: false))

    @Test(arguments: [
        ("W^{[1]}", "W¹"), ("Z^{[2]}", "Z²"), ("x^{(i)}", "x⁽ⁱ⁾"), ("A^{[1]T}", "A¹ᵀ"),
        ("\\frac{a}{b}", "a/b"), ("\\frac{1}{m}", "1/m"), ("\\frac{a + b}{c}", "(a + b)/c"),
        ("\\alpha \\sigma", "α σ"), ("\\sum_{i=1}^{m}", "∑ᵢ₌₁ᵐ"), ("\\partial J", "∂ J"),
        ("a \\cdot b \\times c", "a · b × c"), ("x_1", "x₁"), ("e^{-z}", "e⁻ᶻ"), ("x^q", "x^q"),
        ("\\hat{y}", "y\u{0302}"), ("\\sigma(z)", "σ(z)"), ("\\left(a\\right)", "(a)"),
    ])
    func mathBecomesUnicode(latex: String, unicode: String) {
        #expect(MathText.render(latex) == unicode)
    }

    @Test func inlineSpans() {
        #expect(plain.inline("**bold** and *em* and `W1*X` and $W^{[1]}$") == "bold and em and W1*X and W¹")
        #expect(plain.inline("costs \\$5") == "costs $5")
        #expect(plain.inline("an * alone") == "an * alone")
    }

    @Test func blocks() {
        let text = plain.render(["# Title", "- one", "2. two", "$$Z^{[1]} = W^{[1]} X$$", "", "plain"])
        #expect(text == "Title\n  • one\n  2. two\n    Z¹ = W¹ X\n\nplain\n")
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
