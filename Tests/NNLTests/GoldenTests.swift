import Foundation
import Testing
@testable import NNL

/// Golden programs in the craftinginterpreters style: each `.nnl` file under
/// `Golden/` carries its expected output in comments.
///
///     x = 3          % expect: x = 3
///     y = [1 2] * 3  % expect error: needs the inner sizes
///
/// `% expect: TEXT` is the next line of standard output, in order, exactly (one space after
/// the colon is the marker's; any further leading spaces are output: `format short` aligns
/// columns with them; an empty TEXT is a blank line); `% expect error: TEXT` and `% expect warning: TEXT` say that a
/// diagnostic containing TEXT is reported on that line. Extra or missing output fails.
/// `% expect hint: TEXT` says the diagnostic has a hint containing TEXT, and
/// `% expect trace: TEXT` that its call chain (`in f, called at FILE:L:C`) contains
/// TEXT; on a line of their own they refer to the last line with an expected diagnostic.
struct GoldenProgram: CustomTestStringConvertible, Sendable {
    let path: String
    var testDescription: String { path }

    static var all: [GoldenProgram] {
        guard let root = Bundle.module.url(forResource: "Golden", withExtension: nil),
              let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".nnl") }.sorted()
            .map { GoldenProgram(path: $0) }
    }

    var url: URL { Bundle.module.url(forResource: "Golden", withExtension: nil)!.appendingPathComponent(path) }
}

struct Expectations {
    var output: [String] = []
    var diagnostics: [(line: Int, severity: Diagnostic.Severity, text: String)] = []
    /// `hint` and `trace` expectations: (line, which, text).
    var details: [(line: Int, kind: String, text: String)] = []

    init(_ source: String) {
        var lastDiagnosticLine = 0
        /// The text after a marker, up to a further `% expect` on the same line.
        func text(after r: Range<Substring.Index>, in line: Substring) -> String {
            let rest = line[r.upperBound...]
            let end = rest.range(of: "% expect")?.lowerBound ?? rest.endIndex
            return rest[..<end].trimmingCharacters(in: .whitespaces)
        }
        for (i, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for (marker, severity) in [("% expect error:", Diagnostic.Severity.error), ("% expect warning:", .warning)] {
                if let r = line.range(of: marker) {
                    diagnostics.append((i + 1, severity, text(after: r, in: line)))
                    lastDiagnosticLine = i + 1
                }
            }
            for kind in ["hint", "trace"] {
                if let r = line.range(of: "% expect \(kind):") {
                    let ownLine = line.trimmingCharacters(in: .whitespaces).hasPrefix("%")
                    details.append((ownLine ? lastDiagnosticLine : i + 1, kind, text(after: r, in: line)))
                }
            }
            if let r = line.range(of: "% expect:") {
                var text = String(line[r.upperBound...])
                if text.hasPrefix(" ") { text.removeFirst() }
                output.append(text)
            }
        }
    }
}

/// Runs a program and collects what a user would see.
func runCapturing(_ source: SourceFile) -> (output: String, diagnostics: [Diagnostic]) {
    var output = ""
    var diagnostics: [Diagnostic] = []
    let session = Session(SessionEnvironment { shown in
        switch shown {
        case .warning(let d): diagnostics.append(d)
        case .errorText: break
        default: output += shown.text()
        }
    })
    do {
        try session.run(source)
    } catch {
        diagnostics += error.diagnostics
    }
    return (output, diagnostics)
}

/// A missing or empty `Golden/` folder fails, rather than running no programs.
@Test func goldenProgramsAreThere() {
    #expect(GoldenProgram.all.count >= 20, "Golden/ holds \(GoldenProgram.all.count) programs")
}

@Test(arguments: GoldenProgram.all)
func golden(_ program: GoldenProgram) throws {
    let text = try String(contentsOf: program.url, encoding: .utf8)
    let expected = Expectations(text)
    let (output, diagnostics) = runCapturing(SourceFile(name: program.path, text: text))
    var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    for (i, want) in expected.output.enumerated() {
        guard i < lines.count else {
            Issue.record("\(program.path): missing output line \(i + 1): expected \"\(want)\"")
            break
        }
        #expect(lines[i] == want, "\(program.path): output line \(i + 1)")
    }
    if lines.count > expected.output.count {
        Issue.record("\(program.path): unexpected output from line \(expected.output.count + 1): \"\(lines[expected.output.count])\"")
    }
    for want in expected.diagnostics {
        let found = diagnostics.contains { $0.severity == want.severity && $0.range?.line == want.line && $0.message.contains(want.text) }
        #expect(found, "\(program.path):\(want.line): expected \(want.severity) containing \"\(want.text)\"; got \(diagnostics.map { "\($0.range?.line ?? 0): \($0.message)" })")
    }
    for want in expected.details {
        let found = diagnostics.contains { d in
            guard d.range?.line == want.line else { return false }
            if want.kind == "hint" { return d.hint?.contains(want.text) ?? false }
            return d.trace.contains { "in \($0.function), called at \($0.callSite.file?.name ?? "?"):\($0.callSite.line):\($0.callSite.column)".contains(want.text) }
        }
        #expect(found, "\(program.path):\(want.line): expected a \(want.kind) containing \"\(want.text)\"; got \(diagnostics.map { "\($0.range?.line ?? 0): hint \($0.hint ?? "none")" })")
    }
    let unexpected = diagnostics.filter { d in !expected.diagnostics.contains { $0.line == d.range?.line && $0.severity == d.severity } }
    #expect(unexpected.isEmpty, "\(program.path): unexpected diagnostics \(unexpected.map { "\($0.range?.line ?? 0): \($0.message)" })")
}
