import Testing
@testable import NNLLessons

/// An exported page writes the course's math as MathML, so it renders with no script and no network.
@Suite struct MathMLTests {
    @Test func layersScriptsFractionsAndAccentsBecomeMathML() {
        #expect(MathML.render("W^{[1]}", display: false)
                == #"<math><mrow><msup><mi>W</mi><mrow><mo stretchy="false">[</mo><mn>1</mn><mo stretchy="false">]</mo></mrow></msup></mrow></math>"#)
        let cost = MathML.render(#"J = -\frac{1}{m} \sum_{i=1}^{m} L(\hat{y}^{(i)}, y^{(i)})"#, display: true)
        #expect(cost.hasPrefix("<math display=\"block\">"))
        #expect(cost.contains("<mfrac><mrow><mn>1</mn></mrow><mrow><mi>m</mi></mrow></mfrac>"))
        #expect(cost.contains("<munderover><mo>∑</mo>"))
        #expect(cost.contains("<msup><mover accent=\"true\"><mrow><mi>y</mi></mrow><mo>^</mo></mover>"))
        #expect(MathML.render(#"\alpha = 0.001"#, display: false) == "<math><mrow><mi>α</mi><mo>=</mo><mn>0.001</mn></mrow></math>")
        #expect(MathML.render(#"\tanh(x) \odot y"#, display: false).contains(#"<mi>tanh</mi><mspace width="0.17em"/><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo><mo>⊙</mo>"#))
        #expect(MathML.render(#"\left( a \right)"#, display: false) == "<math><mrow><mo>(</mo><mi>a</mi><mo>)</mo></mrow></math>")
    }

    @Test func anExportedPageNeedsNoScriptAndNoNetwork() throws {
        let html = MarkdownToHTML.html("The step is $x := x - \\alpha f'(x)$:\n\n$$J = \\frac{1}{m}$$")
        #expect(html.contains("<p>The step is <math><mrow><mi>x</mi><mo>:</mo><mo>=</mo>"))
        #expect(html.contains("<math display=\"block\">"))
        #expect(!html.contains("$"))
        let page = NotebookFormat.html.write(Notebook(cells: [.markdown("$a^2$")]))
        #expect(!page.contains("<script"))
        #expect(!page.contains("http"))
    }
}
