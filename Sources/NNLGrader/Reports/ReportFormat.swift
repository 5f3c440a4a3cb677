/// The report formats `nnl grade --format` writes; each lives in a file of its own.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, gradescope, junit

    /// One report for the results of one or more submissions.
    public func render(_ results: [GradeResult]) throws -> String {
        switch self {
        case .text: return results.map(TextReport.render).joined(separator: "\n")
        case .json: return try JSONReport.render(results)
        case .gradescope: return try GradescopeReport.render(results[0])
        case .junit: return JUnitReport.render(results)
        }
    }
}

extension GradeResult {
    /// The result as a student may see it before grades are published: hidden tests keep
    /// their score and lose their checks, output and error.
    public func redactingHidden() -> GradeResult {
        var copy = self
        for i in copy.tests.indices where copy.tests[i].hidden {
            copy.tests[i].checks = []
            copy.tests[i].output = ""
            copy.tests[i].error = copy.tests[i].passed ? nil : "hidden test: details are not shown"
        }
        return copy
    }
}

/// Points as people write them: 2, 1.5, 0.333.
func points(_ x: Double) -> String {
    x == x.rounded() ? String(Int(x)) : String((x * 1000).rounded() / 1000)
}
