/// The report formats `nnl grade --format` writes; each lives in a file of its own.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, gradescope, junit

    /// One report for the results of one or more submissions; `folder` when they are a
    /// folder's (then JSON is an array, however many there are).
    public func render(_ results: [GradeResult], folder: Bool = false) throws -> String {
        switch self {
        case .text: return results.map(TextReport.render).joined(separator: "\n")
        case .json: return try JSONReport.render(results, asArray: folder)
        case .gradescope: return try GradescopeReport.render(results[0])
        case .junit: return JUnitReport.render(results)
        }
    }
}

extension GradeResult {
    /// The result as a student may see it before grades are published: tests that are not
    /// `visible` keep their score and lose their checks, output and error.
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
public func points(_ x: Double) -> String {
    let rounded = (x * 1000).rounded() / 1000
    guard rounded.isFinite, abs(rounded) < 1e15 else { return String(x) }
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}
