import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import NNLGrader

/// Parses a report back and checks its shape, as the tool that reads it would.
enum ReportChecks {
    static func parse(_ text: String, as format: ReportFormat, tests: Int) throws {
        switch format {
        case .text:
            #expect(text.contains("/"))
        case .json:
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(object["max_score"] as? Double != nil)
            #expect((object["tests"] as? [[String: Any]])?.count == tests)
        case .gradescope:
            try gradescope(text, tests: tests)
        case .junit:
            try junit(text, tests: tests)
        }
    }

    /// Gradescope's results.json: the fields its specification names, with their types.
    static func gradescope(_ text: String, tests: Int) throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["score"] is NSNumber)
        #expect(object["execution_time"] is NSNumber)
        #expect(object["output"] is String)
        #expect(object["stdout_visibility"] as? String == "visible")
        let list = try #require(object["tests"] as? [[String: Any]])
        #expect(list.count == tests)
        for t in list {
            #expect(t["name"] is String && t["number"] is String && t["output"] is String)
            #expect(t["score"] is NSNumber && t["max_score"] is NSNumber)
            #expect(["passed", "failed"].contains(t["status"] as? String))
            #expect(["visible", "after_published", "after_due_date", "hidden"].contains(t["visibility"] as? String))
        }
    }

    /// JUnit XML: well-formed, one testcase per test, counts that agree.
    static func junit(_ text: String, tests: Int) throws {
        let document = try XMLDocument(xmlString: text)
        let suite = try #require(try document.nodes(forXPath: "/testsuites/testsuite").first as? XMLElement)
        let cases = try document.nodes(forXPath: "/testsuites/testsuite/testcase")
        #expect(cases.count == tests)
        #expect(suite.attribute(forName: "tests")?.stringValue == String(tests))
        let failures = try document.nodes(forXPath: "/testsuites/testsuite/testcase/failure").count
        #expect(suite.attribute(forName: "failures")?.stringValue == String(failures))
        let errors = try document.nodes(forXPath: "/testsuites/testsuite/testcase/error").count
        #expect(suite.attribute(forName: "errors")?.stringValue == String(errors))
        #expect(try document.nodes(forXPath: "//testcase/properties").isEmpty, "junit-10.xsd allows no properties in a testcase")
        #expect(try document.nodes(forXPath: "/testsuites/testsuite/properties/property[contains(@name, ': points')]").count == tests)
    }
}
