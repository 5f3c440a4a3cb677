import Foundation
import NNL
import NNLLessons

/// A teacher's test file: an optional `%% setup` cell run before every test, the file-wide
/// `%% forbid:` and `%% require:` lists, then the tests in order. Parsed once by the grader
/// and again by each worker; anything doubtful is the teacher's error, with its line.
public struct TestSuite: Sendable {
    public struct Test: Sendable {
        /// 1-based position among the tests (Gradescope's `number`).
        public var number: Int
        public var name: String
        public var points: Double
        public var visibility: Visibility
        public var partial: Bool
        /// Seconds for this test, when it has its own `[timeout=S]`.
        public var timeout: Double?
        public var code: CodeBlock
        public var line: Int

        public var hidden: Bool { visibility != .visible }
    }

    /// Who sees a test's details, in Gradescope's words.
    public enum Visibility: String, Codable, Sendable {
        case visible
        /// `[hidden]`: once grades are published.
        case afterPublished = "after_published"
        /// `[after_due_date]`: once the due date has passed.
        case afterDueDate = "after_due_date"
        /// `[never]`: only the teacher.
        case hidden
    }

    public var file: String
    /// The built-in homework tests (`file` is then `homework`, which a worker loads the same way).
    public var isBuiltIn = false
    public var setup: CodeBlock?
    public var tests: [Test]
    /// Builtins student code may not call (`%% forbid: relu, relu_grad`).
    public var forbidden: [String] = []
    /// Functions the submission must define (`%% require: forward_propagation`).
    public var required: [String] = []

    public var maxScore: Double { tests.reduce(0) { $0 + $1.points } }

    /// The largest number of points a test may be worth, and of seconds it may take.
    static let maxPoints = 1_000_000.0
    public static let maxSeconds = 86_400.0

    /// A test file the grader cannot use: the teacher's mistake, reported as `file:line: message`.
    public struct Malformed: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// `--tests homework`: the course's homework tests, built into nnl (`EmbeddedHomework`).
    public static let builtInName = "homework"

    /// The test file at `path`; `homework` names the built-in copy of the homework's tests
    /// unless a file of that name is there.
    public static func load(path: String) throws(Malformed) -> TestSuite {
        if path == builtInName, !FileManager.default.fileExists(atPath: path) || isFolder(path) {
            var suite = try parse(EmbeddedHomework.tests, file: builtInName)
            suite.isBuiltIn = true
            return suite
        }
        guard !isFolder(path), let data = FileManager.default.contents(atPath: path) else {
            throw Malformed(description: "\(path): cannot read the test file (no such file, or not readable)")
        }
        return try parse(SourceText.decoding(data), file: path)
    }

    private static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    /// The name test code runs under, as students see it in traces: the file's own name, not
    /// its path (unless the submission has that very name, which must stay unprotected).
    public func sourceName(besides submission: String) -> String {
        let name = isBuiltIn ? "tests.nnl" : (file as NSString).lastPathComponent
        return name == submission ? file : name
    }

    public static func parse(_ text: String, file: String) throws(Malformed) -> TestSuite {
        let cells: [Cell]
        do { cells = try CellParser.parse(text, file: file) } catch { throw Malformed(description: error.description) }
        var suite = TestSuite(file: file, setup: nil, tests: [])
        var setupLine: Int?
        for cell in cells {
            let fail = { (message: String) in Malformed(description: "\(file):\(cell.line): \(message)") }
            try requireValidCode(cell.code, file: file)
            if cell.title.isEmpty && cell.line == 1 && cell.attributes.isEmpty {
                if hasCode(cell.code, file: file) { throw fail("code before the first test belongs in a `%% setup` cell") }
                continue
            }
            if let list = try NameList(cell, file: file) {
                if hasCode(cell.code, file: file) { throw fail("`%% \(list.keyword):` takes no code; put code in `%% setup` or a test") }
                if list.keyword == "forbid" { suite.forbidden += list.names } else { suite.required += list.names }
                continue
            }
            if cell.title.lowercased() == "setup" {
                guard cell.title == "setup", cell.attributes.isEmpty else {
                    throw fail("the setup cell is written `%% setup`, without attributes (a test needs another name)")
                }
                if let first = setupLine { throw fail("a second `%% setup` cell (the first is at line \(first)); put all setup in one") }
                suite.setup = cell.code
                setupLine = cell.line
                continue
            }
            let test = try test(cell, number: suite.tests.count + 1, file: file)
            if let twin = suite.tests.first(where: { $0.name == test.name }) {
                throw fail("a second test named `\(test.name)` (the first is at line \(twin.line)); give each test its own name")
            }
            suite.tests.append(test)
        }
        guard !suite.tests.isEmpty else { throw Malformed(description: "\(file):1: no tests (cells start with `%% NAME [points=N]`)") }
        return suite
    }

    private static func test(_ cell: Cell, number: Int, file: String) throws(Malformed) -> Test {
        let fail = { (message: String) in Malformed(description: "\(file):\(cell.line): \(message)") }
        let flags: [String: Visibility] = ["hidden": .afterPublished, "after_due_date": .afterDueDate, "never": .hidden]
        let known = Set(flags.keys).union(["points", "partial", "timeout"])
        if let unknown = cell.attributes.keys.sorted().first(where: { !known.contains($0) }) {
            throw fail("unknown test attribute `[\(unknown)]` (use points=N, timeout=S, partial, hidden, after_due_date, never)")
        }
        for name in ["partial"] + flags.keys.sorted() {
            if let value = cell.attributes[name], !value.isEmpty {
                throw fail("`[\(name)=\(value)]`: `[\(name)]` takes no value; leave it out for the opposite")
            }
        }
        let visibilities = flags.keys.sorted().filter { cell.attributes[$0] != nil }
        if visibilities.count > 1 { throw fail("a test has one visibility, not \(visibilities.map { "`[\($0)]`" }.joined(separator: " and "))") }
        if cell.title.isEmpty { throw fail("a test needs a name after `%%`, such as `%% forward_propagation [points=2]`") }
        if cell.title.contains("[") || cell.title.contains("]") {
            throw fail("a test name holds no `[` or `]`: is a bracket missing in `%% \(cell.title)`? (attributes read `[points=2]`)")
        }
        if let keyword = cell.title.split(separator: " ").first.map({ $0.lowercased() }), ["forbid", "require"].contains(keyword) {
            throw fail("`%% \(cell.title)` reads as a test; a list needs a colon: `%% \(keyword): NAME, NAME`")
        }
        if cell.isExercise { throw fail("a test cell holds code and checks, not an exercise (`%?`)") }
        return Test(number: number, name: cell.title,
                    points: try numeric("points", in: cell, range: 0...maxPoints, example: "[points=2]", file: file) ?? 1,
                    visibility: visibilities.first.flatMap { flags[$0] } ?? .visible,
                    partial: cell.attributes["partial"] != nil,
                    timeout: try numeric("timeout", in: cell, range: 0.001...maxSeconds, example: "[timeout=30]", file: file),
                    code: cell.code, line: cell.line)
    }

    /// A numeric attribute within its range, or nil when the cell does not have it.
    private static func numeric(_ key: String, in cell: Cell, range: ClosedRange<Double>, example: String,
                               file: String) throws(Malformed) -> Double? {
        guard let text = cell.attributes[key] else { return nil }
        guard let x = Double(text), range.contains(x) else {
            let bounds = "\(points(range.lowerBound)) to \(points(range.upperBound))"
            throw Malformed(description: "\(file):\(cell.line): `[\(key)=\(text)]` needs a number from \(bounds), such as `\(example)`")
        }
        return x
    }

    /// Syntax errors in the tests are the teacher's: refuse the file before grading anyone.
    private static func requireValidCode(_ code: CodeBlock, file: String) throws(Malformed) {
        do { _ = try Session().parse(code.source(named: file)) } catch {
            throw Malformed(description: DiagnosticRenderer().render(error).trimmingCharacters(in: .newlines))
        }
    }

    private static func hasCode(_ code: CodeBlock, file: String) -> Bool {
        (try? Session().parse(code.source(named: file)))?.isEmpty == false
    }
}

/// `%% forbid: relu, relu_grad` or `%% require: forward_propagation, predict`.
private struct NameList {
    var keyword: String
    var names: [String]

    init?(_ cell: Cell, file: String) throws(TestSuite.Malformed) {
        guard let colon = cell.title.firstIndex(of: ":") else { return nil }
        keyword = String(cell.title[..<colon]).trimmingCharacters(in: .whitespaces)
        guard ["forbid", "require"].contains(keyword.lowercased()) else { return nil }
        let fail = { (message: String) in TestSuite.Malformed(description: "\(file):\(cell.line): \(message)") }
        guard ["forbid", "require"].contains(keyword), cell.attributes.isEmpty else {
            throw fail("write `%% \(keyword.lowercased()): NAME, NAME`, in lower case and without attributes")
        }
        names = cell.title[cell.title.index(after: colon)...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if names.isEmpty { throw fail("`%% \(keyword):` needs names, such as `%% \(keyword): relu, relu_grad`") }
        for name in names where !Self.isIdentifier(name) {
            throw fail("`\(name)` is not a function name (names are separated by commas)")
        }
        if keyword == "forbid", let unknown = names.first(where: { !Self.builtins.contains($0) }) {
            throw fail("`\(unknown)` is not a builtin, so there is nothing to forbid (a student's own function is always allowed)")
        }
    }

    static let builtins = Set(Session().builtinNames)

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_") }
    }
}
