/// JUnit XML as CI systems read it: a `testsuite` per submission, a `testcase` per test,
/// a `failure` for a failed check, an `error` for a test that stopped (runtime error, time
/// limit, crash, not run), and points as the suite's properties (Jenkins' junit-10.xsd allows
/// no properties in a `testcase`; Tests/grader/junit_schema.sh validates against it).
enum JUnitReport {
    static func render(_ results: [GradeResult]) -> String {
        let tests = results.flatMap(\.tests)
        let time = results.reduce(0) { $0 + $1.executionTime }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"nnl grade\" tests=\"\(tests.count)\" failures=\"\(failures(tests))\" errors=\"\(errors(tests))\" time=\(attribute(seconds(time)))>\n"
        for result in results { out += suite(result) }
        return out + "</testsuites>\n"
    }

    private static func suite(_ r: GradeResult) -> String {
        var out = "  <testsuite name=\(attribute(r.submission)) tests=\"\(r.tests.count)\" failures=\"\(failures(r.tests))\" errors=\"\(errors(r.tests))\" skipped=\"0\" time=\(attribute(seconds(r.executionTime)))>\n"
        out += "    <properties>\n"
        out += property("score", points(r.score)) + property("max_score", points(r.maxScore))
        for t in r.tests {
            out += property("\(t.name): points", points(t.maxScore)) + property("\(t.name): score", points(t.score))
            out += property("\(t.name): hidden", t.hidden ? "true" : "false")
        }
        out += "    </properties>\n"
        for t in r.tests { out += testcase(t, in: r) }
        var runText = r.run.error ?? ""
        if !r.run.output.isEmpty { runText += r.run.output }
        if !runText.isEmpty { out += "    <system-out>\(escape(runText))</system-out>\n" }
        return out + "  </testsuite>\n"
    }

    private static func testcase(_ t: TestResult, in r: GradeResult) -> String {
        var out = "    <testcase name=\(attribute(t.name)) classname=\(attribute(r.submission)) time=\(attribute(seconds(t.executionTime)))>\n"
        if !t.passed {
            let failed = t.checks.filter { !$0.passed }
            let message = t.error.map { firstLine($0) } ?? failed.map(\.message).joined(separator: "; ")
            var body = failed.map { check in
                "line \(check.line): \(check.message)" + (check.place.map { "  (your code: \($0))" } ?? "") + "\n" + (check.detail.map { $0 + "\n" } ?? "")
            }.joined()
            if let error = t.error { body += error }
            let element = t.stop == nil ? "failure" : "error"
            out += "      <\(element) message=\(attribute(message)) type=\"\(t.stop?.rawValue ?? "check")\">\(escape(body))</\(element)>\n"
        }
        if !t.output.isEmpty { out += "      <system-out>\(escape(t.output))</system-out>\n" }
        return out + "    </testcase>\n"
    }

    private static func failures(_ tests: [TestResult]) -> Int { tests.filter { !$0.passed && $0.stop == nil }.count }
    private static func errors(_ tests: [TestResult]) -> Int { tests.filter { $0.stop != nil }.count }

    private static func property(_ name: String, _ value: String) -> String {
        "      <property name=\(attribute(name)) value=\(attribute(value))/>\n"
    }

    private static func firstLine(_ s: String) -> String { String(s.prefix { $0 != "\n" }) }
    private static func seconds(_ s: Double) -> String { String((s * 1000).rounded() / 1000) }
    private static func attribute(_ s: String) -> String { "\"" + escape(s, attribute: true) + "\"" }

    /// XML text: markup characters escaped, characters XML 1.0 forbids replaced.
    static func escape(_ s: String, attribute: Bool = false) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n" where attribute: out += "&#10;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
