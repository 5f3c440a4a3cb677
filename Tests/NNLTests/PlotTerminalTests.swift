import Foundation
import Testing
@testable import NNL

/// Golden figures: each program's terminal drawing at 64×18, plain, must match
/// `Fixtures/plots/NAME.txt`. NNL_UPDATE_GOLDEN=1 rewrites the files from the current output.
struct PlotGolden: CustomTestStringConvertible, Sendable {
    let name: String
    let program: String
    var testDescription: String { name }

    static let all = [
        PlotGolden(name: "cost_curve", program: """
            J = exp(-(0:99)/20) + 0.1;
            plot(0:99, J, title="Cost", xlabel="iteration", ylabel="J")
            """),
        PlotGolden(name: "activations", program: """
            z = linspace(-4, 4, 81);
            plot(z, [sigmoid(z); tanh(z); relu(z)], legend="sigmoid, tanh, ReLU", title="Activations")
            """),
        PlotGolden(name: "log_cost", program: "plot(1:50, 2 ./ (1:50).^2, logy=true, ylabel=\"cost\")"),
        PlotGolden(name: "hold", program: "plot([1 3 2 4]); hold on; plot([4 2 3 1], legend=\"falling\"); hold off"),
        PlotGolden(name: "boundary", program: """
            [X, Y] = planar_dataset();
            boundary(@(P) P(1, :) > 0, X(:, 1:40:end), Y(1:40:end), title="x > 0")
            """),
    ]
}

func drawings(of program: String, width: Int = 64, height: Int = 18, colour: Bool = false) throws -> String {
    var text = ""
    let options = TerminalPlotOptions(width: width, height: height, colour: colour)
    try Session(SessionEnvironment { text += $0.text(figures: options) }).run(program, name: "plot")
    return text
}

@Test(arguments: PlotGolden.all)
func terminalDrawingMatchesGolden(_ golden: PlotGolden) throws {
    let drawn = try drawings(of: golden.program)
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/plots/\(golden.name).txt")
    if ProcessInfo.processInfo.environment["NNL_UPDATE_GOLDEN"] != nil {
        try drawn.write(to: source, atomically: true, encoding: .utf8)
    }
    #expect(drawn == (try fixtureText("plots/\(golden.name).txt")))
}

@Test func drawingFitsItsSize() throws {
    for golden in PlotGolden.all {
        let lines = try drawings(of: golden.program, width: 50, height: 14).split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 50 }, "\(golden.name) is wider than 50 columns")
    }
    #expect(try drawings(of: "plot(1:10)", width: 50, height: 14).split(separator: "\n").count == 14)
}

@Test func colourOnlyWhenAsked() throws {
    let program = "z = -2:0.1:2; plot(z, [z; -z]); scatter([1 2], [1 2], [0 1])"
    #expect(try drawings(of: program, colour: true).contains("\u{1B}["))
    #expect(!(try drawings(of: program, colour: false)).contains("\u{1B}"))
}

@Test func logAxisTicks() {
    #expect(Axis(values: [0.001, 10], log: true, tickCount: 4).ticks == [0.001, 0.01, 0.1, 1, 10])
    #expect(Axis(values: [0.1, 1.1], log: true, tickCount: 4).ticks == [0.1, 0.2, 0.5, 1])
    #expect(Axis(values: [0, 10], log: false, tickCount: 5).tickLabels == ["0", "2", "4", "6", "8", "10"])
    #expect(Axis(values: [0, 1], log: false, tickCount: 4).tickLabels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
}

@Test func plotErrorsSayWhatDoesNotMatch() {
    let session = Session()
    #expect(throws: RunError.self) { try session.run("plot(1:3, [1 2 3 4])") }
    #expect(throws: RunError.self) { try session.run("scatter([1 2; 3 4], [0 1 1])") }
    #expect(throws: RunError.self) { try session.run("boundary(@(P) [1 0], [1 2; 3 4])") }
    #expect(throws: RunError.self) { try session.run("savefig(\"a.svg\")") }
}

@Test func holdAddsToTheFigure() throws {
    let session = Session()
    try session.run("plot([1 2]); hold on; plot([2 1]); scatter([1 2], [1 2], [0 1]); hold off")
    let figure = try #require(session.currentFigure)
    #expect(figure.lines.count == 2 && figure.points.count == 1)
    try session.run("plot([3 3])")
    #expect(session.currentFigure?.lines.count == 1)
}

@Test func boundaryGivesRegionsByThreshold() throws {
    var shown: [Figure] = []
    try Session(SessionEnvironment { if case .figure(let f) = $0 { shown.append(f) } }).run("boundary(@(P) sigmoid(P(1, :)), [-1 1; 0 1], [0 1])")
    let regions = try #require(shown.first?.regions)
    #expect(Set(regions.labels) == [0, 1])
    #expect(regions.label(atX: -1, y: 0.5) == 0 && regions.label(atX: 1, y: 0.5) == 1)
}
