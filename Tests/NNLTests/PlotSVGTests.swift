import Foundation
import Testing
@testable import NNL
#if canImport(FoundationXML)
import FoundationXML
#endif

/// SVG figures are well-formed standalone documents; Tests/plots/render_svgs.sh renders them to PNG.
@Test(arguments: PlotGolden.all)
func svgIsWellFormedXML(_ golden: PlotGolden) throws {
    var figures: [Figure] = []
    try Session(SessionEnvironment { if case .figure(let f) = $0 { figures.append(f) } }).run(golden.program, name: "plot")
    let svg = SVGRenderer().render(try #require(figures.last))
    let parser = XMLParser(data: Data(svg.utf8))
    let root = RootElement()
    parser.delegate = root
    #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
    #expect(root.name == "svg" && root.namespace == "http://www.w3.org/2000/svg")
}

@Test func titlesAreEscapedInSVG() throws {
    var figure = Figure()
    figure.title = "a < b & \"c\""
    figure.lines = [LineSeries(name: "", x: [1, 2], y: [1, 2])]
    let svg = SVGRenderer().render(figure)
    #expect(svg.contains("a &lt; b &amp; &quot;c&quot;"))
}

@Test func savefigWritesInsideTheAllowedFolder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-savefig-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var environment = SessionEnvironment()
    environment.files = FileGate(root: folder)
    let session = Session(environment)
    try session.run("plot([1 2 3], file=\"a.svg\"); savefig(\"b.svg\")")
    for name in ["a.svg", "b.svg"] {
        #expect(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).hasPrefix("<svg"))
    }
    #expect(throws: RunError.self) { try session.run("savefig(\"../outside.svg\")") }
    #expect(throws: RunError.self) { try session.run("savefig(\"fig.png\")") }
}

private final class RootElement: NSObject, XMLParserDelegate {
    var name: String?
    var namespace: String?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == nil { name = elementName; namespace = attributes["xmlns"] }
    }
}
