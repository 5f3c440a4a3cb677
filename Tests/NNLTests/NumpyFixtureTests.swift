import Foundation
import Testing
@testable import NNL

/// The programs in `Fixtures/numpy/` (made by `make_fixtures.py`) against numpy's numbers.
@Suite struct NumpyFixtureTests {
    @Test(arguments: try numpyFixtureNames())
    func programPrintsNumpysNumbers(name: String) throws {
        let source = try fixtureText("numpy/\(name).nnl")
        let expected = try fixtureText("numpy/\(name).expected")
        let run = runProgram(source, name: "\(name).nnl")
        if let error = run.error { Issue.record("\(name).nnl failed: \(error)") }
        if let mismatch = compareNumbers(got: run.stdout, expected: expected) {
            Issue.record("\(name).nnl: \(mismatch)")
        }
    }

    /// Every program has its expected values, and they parse.
    @Test func fixturesArePaired() throws {
        let names = try numpyFixtureNames()
        #expect(names.count >= 15)
        for name in names {
            let expected = try fixtureText("numpy/\(name).expected")
            #expect(compareNumbers(got: expected, expected: expected) == nil, "\(name).expected")
        }
    }

    @Test func equalNumbersMatch() {
        #expect(compareNumbers(got: "1\n-0\n0.5\n", expected: "1.0\n0.0\n0.5\n") == nil)
    }

    @Test func toleranceIsRelativeAndAbsolute() {
        #expect(compareNumbers(got: "1000000.0001", expected: "1000000") == nil)
        #expect(compareNumbers(got: "1e-13", expected: "0.0") == nil)
        #expect(compareNumbers(got: "1.00001", expected: "1") == "value 1: got 1.00001, expected 1")
        #expect(compareNumbers(got: "1e-11", expected: "0.0") == "value 1: got 1e-11, expected 0.0")
    }

    @Test func reportsTheFirstMismatch() {
        #expect(compareNumbers(got: "1\n2\n3\n4", expected: "1\n2\n3.5\n5") == "value 3: got 3, expected 3.5")
    }

    @Test func reportsMissingAndExtraValues() {
        #expect(compareNumbers(got: "1\n2", expected: "1\n2\n3") == "printed 2 values, expected 3")
        #expect(compareNumbers(got: "1\n2\n3", expected: "1\n2") == "printed 3 values, expected 2")
    }

    @Test func reportsText() {
        #expect(compareNumbers(got: "1\nans = 2", expected: "1\n2") == "value 2: got 'ans', not a number")
    }
}

/// Names (without extension) of the programs in `Fixtures/numpy/`.
func numpyFixtureNames() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: fixturesURL("numpy").path)
        .filter { $0.hasSuffix(".nnl") }
        .map { String($0.dropLast(4)) }
        .sorted()
}

/// Compares printed numbers with expected ones, value by value (whitespace-separated), within
/// 1e-9 relative or 1e-12 absolute as `checks/run` does. Nil when they match, else what differs first.
func compareNumbers(got: String, expected: String) -> String? {
    let g = got.split(whereSeparator: \.isWhitespace)
    let e = expected.split(whereSeparator: \.isWhitespace)
    for (i, (gs, es)) in zip(g, e).enumerated() {
        guard let a = Double(gs) else { return "value \(i + 1): got '\(gs)', not a number" }
        guard let b = Double(es) else { return "value \(i + 1): expected '\(es)', not a number" }
        if a != b && !(abs(a - b) <= 1e-12 + 1e-9 * abs(b)) {
            return "value \(i + 1): got \(gs), expected \(es)"
        }
    }
    return g.count == e.count ? nil : "printed \(g.count) values, expected \(e.count)"
}

/// Runs `source` as `nnl run NAME` would: everything it printed, and the error text if it failed.
func runProgram(_ source: String, name: String) -> (stdout: String, error: String?) {
    let run = runCapturing(SourceFile(name: name, text: source))
    let errors = run.diagnostics.filter { $0.severity == .error }
    return (run.output, errors.isEmpty ? nil : errors.map { DiagnosticRenderer().render($0) }.joined())
}
