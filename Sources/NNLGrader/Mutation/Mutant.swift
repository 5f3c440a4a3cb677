import Foundation
import NNL

/// One small change of the reference solution, for `--check-tests`: an edit of the repair
/// engine (`EditEnumerator`) or one of mutation testing's own (`MutationEdits`), inside one
/// function, and the whole solution's text with it applied.
struct Mutant: Sendable {
    var function: FunctionOutline
    var edit: RepairEdit
    var text: String
    /// The solution it was made from.
    var solution: String
    /// For a pinned parameter: whether every call the tests and the solution make passes this
    /// very literal, so that no test can tell the pin from the parameter.
    var pinnedToTheOnlyValue = false

    /// The edit as a teacher reads it: "`learning_rate` pinned to 1.2", "`>` → `>=`".
    var change: String {
        switch edit.kind {
        case .nameToLiteral(let name, let literal) where edit.length == 0: "`\(name)` pinned to \(literal)"
        case .dropTerm(let term) where edit.replacement.isEmpty && term.hasSuffix(";"): "`\(term)` removed"
        default:
            // An insertion or a deletion shows its whole line, before and after: "`` → `, 2`" says nothing.
            edit.original.isEmpty || edit.replacement.isEmpty
                ? "`\(Self.line(edit.line, of: solution))` → `\(Self.line(edit.line, of: text))`"
                : "`\(edit.original)` → `\(edit.replacement)`"
        }
    }

    private static func line(_ n: Int, of text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return n <= lines.count ? lines[n - 1].trimmingCharacters(in: .whitespaces) : ""
    }

    /// The mutated function's own text.
    var functionText: String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines[(function.lines.lowerBound - 1)..<min(function.lines.upperBound, lines.count)].joined(separator: "\n")
    }
}

/// Every mutant of a solution: the engine's edits and comparison swaps and removed calls in
/// each function, and each parameter pinned to each literal the tests (or the solution's own
/// calls) pass for it. Mutants that do not parse, or repeat another's text, are left out.
enum MutantCatalog {
    static func mutants(of solution: String, testCode: String) -> [Mutant] {
        let functions = MutationEdits.functions(in: solution)
        let edits = EditEnumerator(names: [], families: .all).edits(of: solution) + MutationEdits.edits(of: solution)
        var mutants: [Mutant] = []
        for edit in edits {
            guard let f = functions.first(where: { $0.lines.contains(edit.line) && edit.line > $0.lines.lowerBound }),
                  let text = RepairEdit.apply([edit], to: solution) else { continue }
            mutants.append(Mutant(function: f, edit: edit, text: text, solution: solution))
        }
        mutants += pins(of: functions, in: solution, testCode: testCode)
        var seen: Set<String> = [solution]
        return mutants.filter { seen.insert($0.text).inserted && MutationEdits.functions(in: $0.text).count == functions.count }
    }

    /// Each parameter pinned to each literal passed for it at some call.
    private static func pins(of functions: [FunctionOutline], in solution: String, testCode: String) -> [Mutant] {
        let names = Set(functions.map(\.name))
        let calls = MutationEdits.literalArguments(calling: names, in: testCode)
            .merging(MutationEdits.literalArguments(calling: names, in: solution), uniquingKeysWith: +)
        var mutants: [Mutant] = []
        for f in functions {
            let sites = calls[f.name] ?? []
            for (i, parameter) in f.parameters.enumerated() {
                let passed = sites.map { i < $0.count ? $0[i] : nil }
                for literal in Set(passed.compactMap { $0 }).sorted() {
                    guard let edit = MutationEdits.pin(parameter, to: literal, in: f),
                          let text = RepairEdit.apply([edit], to: solution) else { continue }
                    mutants.append(Mutant(function: f, edit: edit, text: text, solution: solution,
                                          pinnedToTheOnlyValue: passed.allSatisfy { $0 == literal }))
                }
            }
        }
        return mutants
    }
}
