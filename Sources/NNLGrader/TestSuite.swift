import Foundation
import NNL
import NNLLessons

/// A teacher's test file: an optional `%% setup` cell run before every test, then the
/// tests in order. Parsed once by the grader and again by each worker.
public struct TestSuite: Sendable {
    public struct Test: Sendable {
        /// 1-based position among the tests (Gradescope's `number`).
        public var number: Int
        public var name: String
        public var points: Double
        public var hidden: Bool
        public var partial: Bool
        public var code: CodeBlock
        public var line: Int
    }

    public var file: String
    public var setup: CodeBlock?
    public var tests: [Test]

    public var maxScore: Double { tests.reduce(0) { $0 + $1.points } }

    /// A test file the grader cannot use: the teacher's mistake, reported as `file:line: message`.
    public struct Malformed: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public static func load(path: String) throws(Malformed) -> TestSuite {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Malformed(description: "\(path): cannot read the test file")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    public static func parse(_ text: String, file: String) throws(Malformed) -> TestSuite {
        let cells: [Cell]
        do { cells = try CellParser.parse(text, file: file) } catch { throw Malformed(description: error.description) }
        var suite = TestSuite(file: file, setup: nil, tests: [])
        for cell in cells {
            try requireValidCode(cell.code, file: file)
            if cell.title.isEmpty && cell.line == 1 {
                if (try? Parser.parse(cell.code.source(named: file)))?.isEmpty == false {
                    throw Malformed(description: "\(file):1: code before the first test belongs in a `%% setup` cell")
                }
                continue
            }
            if cell.title.lowercased() == "setup" {
                suite.setup = cell.code
                continue
            }
            suite.tests.append(try test(cell, number: suite.tests.count + 1, file: file))
        }
        guard !suite.tests.isEmpty else { throw Malformed(description: "\(file):1: no tests (cells start with `%% NAME [points=N]`)") }
        return suite
    }

    private static func test(_ cell: Cell, number: Int, file: String) throws(Malformed) -> Test {
        let known: Set<String> = ["points", "hidden", "partial"]
        if let unknown = cell.attributes.keys.first(where: { !known.contains($0) }) {
            throw Malformed(description: "\(file):\(cell.line): unknown test attribute `[\(unknown)]` (use points=N, hidden, partial)")
        }
        var points = 1.0
        if let text = cell.attributes["points"] {
            guard let p = Double(text), p >= 0, p.isFinite else {
                throw Malformed(description: "\(file):\(cell.line): `[points=\(text)]` needs a number of points, such as `[points=2]`")
            }
            points = p
        }
        if cell.title.isEmpty { throw Malformed(description: "\(file):\(cell.line): a test needs a name after `%%`") }
        if cell.isExercise { throw Malformed(description: "\(file):\(cell.line): a test cell holds code and checks, not an exercise (`%?`)") }
        return Test(number: number, name: cell.title, points: points, hidden: cell.attributes["hidden"] != nil,
                    partial: cell.attributes["partial"] != nil, code: cell.code, line: cell.line)
    }

    /// Syntax errors in the tests are the teacher's: refuse the file before grading anyone.
    private static func requireValidCode(_ code: CodeBlock, file: String) throws(Malformed) {
        do { _ = try Parser.parse(code.source(named: file)) } catch {
            throw Malformed(description: DiagnosticRenderer().render(error).trimmingCharacters(in: .newlines))
        }
    }
}
