import Foundation
import NNL

/// Programs that tell a surviving mutant's kind: the solution with one function replaced by a
/// wrapper of the same name. `called` raises an error at the first call (does any test call the
/// function at all?); `comparing` runs both the solution's and the mutant's versions at every
/// call and raises an error when their results differ, or the mutant's fails (can the tests'
/// inputs tell them apart, even if no check looks?); `passingOther` raises one when a call passes
/// another value than a pin's (is the pin ever tested?). A test that ends in that error answers yes.
enum Probe {
    static let marker = "mutation probe"

    static func called(_ f: FunctionOutline, in solution: String) -> String {
        replacing(f, in: solution, with: wrapper(f, body: ["error(\"\(marker): called\");"]))
    }

    /// For a pinned parameter: an error at the first call that passes another value for it.
    static func passingOther(than pin: Mutant, in solution: String) -> String? {
        guard case .nameToLiteral(let name, let literal) = pin.edit.kind else { return nil }
        let f = pin.function
        let solutionName = "mutation_probe_solution_\(f.name)"
        let body = ["if ~isequal(\(name), \(literal))", "  error(\"\(marker): another value\");", "end",
                    assign(f.outputs, solutionName + "(" + f.parameters.joined(separator: ", ") + ")")]
        return replacing(f, in: solution, with: wrapper(f, body: body) + "\n" + renamed(f.text, f.name, to: solutionName))
    }

    static func comparing(_ mutant: Mutant, in solution: String) -> String {
        let f = mutant.function
        let solutionName = "mutation_probe_solution_\(f.name)", mutantName = "mutation_probe_mutant_\(f.name)"
        let arguments = "(" + f.parameters.joined(separator: ", ") + ")"
        // Both into names of their own: an output may share a parameter's name (`p = f(p)`).
        let ours = f.outputs.indices.map { "mutation_probe_solution_\($0 + 1)" }
        let theirs = f.outputs.indices.map { "mutation_probe_mutant_\($0 + 1)" }
        var body = [assign(ours, solutionName + arguments), assign(theirs, mutantName + arguments)]
        let differ = zip(ours, theirs).map { "~isequal(\($0), \($1))" }
        if !differ.isEmpty {
            body.append("if \(differ.joined(separator: " || "))")
            body.append("  error(\"\(marker): the results differ\");")
            body.append("end")
        }
        body += zip(f.outputs, ours).map { "\($0) = \($1);" }
        let definitions = [wrapper(f, body: body), renamed(f.text, f.name, to: solutionName),
                           renamed(mutant.functionText, f.name, to: mutantName)]
        return replacing(f, in: solution, with: definitions.joined(separator: "\n"))
    }

    /// Whether a test's error came from a probe (or, comparing, from the mutant failing where
    /// the solution did not); a time limit proves nothing.
    static func answered(_ result: TestResult) -> Bool {
        guard let error = result.error else { return false }
        return result.stop != .timeout || error.contains(marker)
    }

    private static func assign(_ outputs: [String], _ call: String) -> String {
        switch outputs.count {
        case 0: "\(call);"
        case 1: "\(outputs[0]) = \(call);"
        default: "[\(outputs.joined(separator: ", "))] = \(call);"
        }
    }

    private static func wrapper(_ f: FunctionOutline, body: [String]) -> String {
        let outputs = switch f.outputs.count {
        case 0: ""
        case 1: f.outputs[0] + " = "
        default: "[" + f.outputs.joined(separator: ", ") + "] = "
        }
        return (["function \(outputs)\(f.name)(\(f.parameters.joined(separator: ", ")))"] + body.map { "  " + $0 } + ["end"])
            .joined(separator: "\n")
    }

    /// `text` (a definition) under another name: the last whole-word `name` before the
    /// parameter list of its first line.
    private static func renamed(_ text: String, _ name: String, to newName: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0]
        let end = header.firstIndex(of: "(") ?? header.endIndex
        let pattern = try! Regex("\\b" + NSRegularExpression.escapedPattern(for: name) + "\\b")
        guard let match = header[..<end].matches(of: pattern).last else { return text }
        lines[0].replaceSubrange(match.range, with: newName)
        return lines.joined(separator: "\n")
    }

    /// The solution with the lines of `f` replaced by `definitions`.
    private static func replacing(_ f: FunctionOutline, in solution: String, with definitions: String) -> String {
        var lines = solution.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.replaceSubrange((f.lines.lowerBound - 1)..<f.lines.upperBound, with: [definitions])
        return lines.joined(separator: "\n")
    }
}
