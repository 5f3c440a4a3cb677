import Foundation
import NNLMatrix

/// `save` and `load` in Octave's text format (so Octave can read the files too),
/// through the interpreter's file gate.
extension Builtins {
    static let files: [Builtin] = [
        Builtin(name: "save", help: "save(file), save(file, \"name\", ...)\nWrites the workspace (or the named variables) to a text file in Octave's format, exactly.",
                example: "% W1 = randn(4, 2); save(\"weights.txt\", \"W1\")", arity: 1...Int.max, body: { c throws(Diagnostic) in
                    let i = c.interpreter
                    let url = try i.environment.files.resolve(try c.string(0), at: c.range)
                    var names = try (1..<c.args.count).map { k throws(Diagnostic) in try c.string(k) }
                    if names.isEmpty { names = i.workspace.variableNames.filter { $0 != "ans" } }
                    var variables: [(String, Value)] = []
                    for n in names {
                        guard let v = i[variable: n] else { throw Diagnostic("`\(n)` is not defined, so it cannot be saved", at: c.range) }
                        variables.append((n, v))
                    }
                    try i.environment.files.write(OctaveText.write(variables), to: url, at: c.range)
                    return []
                }),
        Builtin(name: "load", help: "load(file), S = load(file)\nReads variables saved by save (or Octave); a file of numbers in rows (CSV or spaces) becomes one matrix.",
                example: "% load(\"weights.txt\")", arity: 1...1, body: { c throws(Diagnostic) in
                    let i = c.interpreter
                    let url = try i.environment.files.resolve(try c.string(0), at: c.range)
                    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                        throw Diagnostic("cannot read `\(try c.string(0))`", at: c.range, hint: "is the name right? paths are relative to \(i.environment.files.root?.path ?? FileManager.default.currentDirectoryPath)")
                    }
                    let contents: OctaveText.Contents
                    do throws(OctaveText.ReadError) { contents = try OctaveText.read(text, handles: i.functionHandle) } catch { throw Diagnostic("`\(url.lastPathComponent)`: \(error.message)", at: c.range) }
                    let variables = contents.variables
                    try i.define(functionSources: contents.functions, at: c.range)
                    if c.nargout >= 1 {
                        if variables.count == 1, variables[0].0.isEmpty { return [variables[0].1] }
                        var s = StructValue()
                        for (n, v) in variables { s.fields[n] = v }
                        return [.structure(s)]
                    }
                    for (n, v) in variables { i[variable: n.isEmpty ? url.deletingPathExtension().lastPathComponent : n] = v }
                    return []
                }),
        Builtin(name: "source", help: "source(file), source file\nRuns a program (a .nnl file, e.g. one written by :save FILE.nnl) here: its variables and functions join the workspace.",
                example: "% source planar_classifier.nnl", arity: 1...1, body: runProgramBuiltin),
        Builtin(name: "run", help: "run(file), run file\nThe same as source: runs a program here, its variables and functions joining the workspace.",
                example: "% run planar_classifier.nnl", arity: 1...1, body: runProgramBuiltin),
    ]

    /// `source` and `run`: a program run at the prompt's level, as if typed there.
    private static func runProgramBuiltin(_ c: inout BuiltinCall) throws(Diagnostic) -> [Value] {
        let i = c.interpreter
        guard c.callerScope.isWorkspace else {
            throw Diagnostic("source and run read a program into the workspace: call them at the prompt or at the top of a program, not in a function", at: c.range)
        }
        let path = try c.string(0)
        try i.runProgram(at: try i.environment.files.resolve(path, at: c.range), named: path, at: c.range)
        return []
    }
}

/// Octave's text format: `# name:`, `# type: matrix|scalar|string|scalar struct|function handle`,
/// then the numbers. nnl adds `# function: NAME` entries holding a user function's source;
/// Octave skips them.
enum OctaveText {
    struct ReadError: Error { var message: String }

    struct Contents {
        var variables: [(String, Value)] = []
        /// The source of each user function, `function` to `end`.
        var functions: [String] = []
    }

    /// Rebuilds a handle from its text (`@sin`, `@(x) a*x`) and the values it captured.
    typealias HandleMaker = (_ text: String, _ captured: [(String, Value)]) throws(ReadError) -> Value

    static func write(_ variables: [(String, Value)], functions: [FunctionDecl] = []) -> String {
        var out = "# Created by nnl\n"
        for (name, value) in variables { out += "# name: \(name)\n" + body(value, indent: "") + "\n\n" }
        for f in functions {
            let lines = f.sourceText.split(separator: "\n", omittingEmptySubsequences: false)
            out += "# function: \(f.name)\n# lines: \(lines.count)\n\(f.sourceText)\n\n"
        }
        return out
    }

    private static func number(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "Inf" : "-Inf" }
        return String(format: "%.17g", x)
    }

    private static func body(_ value: Value, indent: String) -> String {
        switch value {
        case .matrix(let m) where m.count == 1 && !m.isLogical:
            return "\(indent)# type: scalar\n\(number(m.scalar))"
        case .matrix(let m):
            var s = "\(indent)# type: \(m.isLogical ? "bool matrix" : "matrix")\n\(indent)# rows: \(m.rows)\n\(indent)# columns: \(m.cols)\n"
            s += (0..<m.rows).map { r in (0..<m.cols).map { " " + number(m[r, $0]) }.joined() }.joined(separator: "\n")
            return s
        case .string(let t):
            return "\(indent)# type: string\n\(indent)# elements: 1\n\(indent)# length: \(t.utf8.count)\n\(t)"
        case .structure(let st):
            var s = "\(indent)# type: scalar struct\n\(indent)# ndims: 2\n 1 1\n\(indent)# length: \(st.fields.count)\n"
            for (k, v) in st.fields { s += "\(indent)# name: \(k)\n" + body(v, indent: indent) + "\n\n" }
            return s
        case .function(let f):
            guard case .anonymous(let fn) = f.target else { return "\(indent)# type: function handle\n\(f.text)" }
            // Octave's layout for an anonymous handle: its text, then the captured variables.
            var s = "\(indent)# type: function handle\n@<anonymous>\n\(f.text)\n# length: \(fn.captured.count)\n"
            for (name, value) in fn.capturedByName { s += "# name: \(name)\n" + body(value, indent: indent) + "\n\n" }
            return s
        }
    }

    static func read(_ text: String, handles: HandleMaker) throws(ReadError) -> Contents {
        var lines = SourceText.normalized(text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        let isNamed = { (l: String) in l.hasPrefix("# name:") || l.hasPrefix("# function:") }
        if !lines.contains(where: isNamed) { return Contents(variables: [("", .matrix(try numbers(Array(lines))))]) }
        var result = Contents()
        while let line = lines.first {
            lines.removeFirst()
            if line.hasPrefix("# name:") {
                result.variables.append((field(line), try readValue(&lines, handles)))
            } else if line.hasPrefix("# function:") {
                guard let n = Int(try header(&lines, "lines")), n <= lines.count else { throw ReadError(message: "bad function length") }
                result.functions.append(lines.prefix(n).joined(separator: "\n"))
                lines.removeFirst(n)
            }
        }
        return result
    }

    private static func field(_ line: String) -> String {
        String(line.drop { $0 != ":" }.dropFirst()).trimmingCharacters(in: .whitespaces)
    }

    private static func header(_ lines: inout ArraySlice<String>, _ key: String) throws(ReadError) -> String {
        while let l = lines.first, l.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeFirst() }
        guard let l = lines.first, l.hasPrefix("# \(key):") else { throw ReadError(message: "expected `# \(key):`") }
        lines.removeFirst()
        return field(l)
    }

    private static func readValue(_ lines: inout ArraySlice<String>, _ handles: HandleMaker) throws(ReadError) -> Value {
        let type = try header(&lines, "type")
        switch type {
        case "scalar":
            guard let l = lines.popFirst(), let x = parse(l) else { throw ReadError(message: "a scalar without a value") }
            return .scalar(x)
        case "matrix", "bool matrix":
            guard let r = Int(try header(&lines, "rows")), let c = Int(try header(&lines, "columns")), r >= 0, c >= 0 else {
                throw ReadError(message: "bad matrix size")
            }
            let rows = Array(lines.prefix(r))
            lines.removeFirst(min(r, lines.count))
            var m = try numbers(rows)
            if m.rows != r || m.cols != c { m = try reshapeChecked(m, r, c) }
            m.isLogical = type == "bool matrix"
            return .matrix(m)
        case "string", "sq_string":
            _ = try header(&lines, "elements")
            guard let length = Int(try header(&lines, "length")) else { throw ReadError(message: "bad string length") }
            // The text may hold newlines: take lines until `length` bytes are read.
            var text = lines.popFirst() ?? ""
            while text.utf8.count < length, let next = lines.popFirst() { text += "\n" + next }
            return .string(text)
        case "scalar struct":
            _ = try header(&lines, "ndims")
            _ = lines.popFirst()
            guard let n = Int(try header(&lines, "length")) else { throw ReadError(message: "bad struct length") }
            var s = StructValue()
            for _ in 0..<n {
                let name = try header(&lines, "name")
                s.fields[name] = try readValue(&lines, handles)
            }
            return .structure(s)
        case "function handle":
            guard let text = lines.popFirst() else { throw ReadError(message: "a function handle without text") }
            guard text == "@<anonymous>" else { return try handles(text, []) }
            guard let anonymous = lines.popFirst(), let n = Int(try header(&lines, "length")) else {
                throw ReadError(message: "an anonymous function without its captured values")
            }
            var captured: [(String, Value)] = []
            for _ in 0..<n {
                let name = try header(&lines, "name")
                captured.append((name, try readValue(&lines, handles)))
            }
            return try handles(anonymous, captured)
        default:
            throw ReadError(message: "values of type `\(type)` cannot be loaded")
        }
    }

    private static func reshapeChecked(_ m: Matrix, _ r: Int, _ c: Int) throws(ReadError) -> Matrix {
        guard m.count == r * c else { throw ReadError(message: "a matrix with the wrong number of values") }
        return m.count == 0 ? Matrix(rows: r, cols: c, columnMajor: []) : m.reshaped(rows: r, cols: c)
    }

    private static func parse(_ s: String) -> Double? {
        let t = s.trimmingCharacters(in: .whitespaces)
        switch t {
        case "NaN", "nan": return .nan
        case "Inf", "inf": return .infinity
        case "-Inf", "-inf": return -.infinity
        default: return Double(t)
        }
    }

    /// Rows of numbers separated by spaces or commas; `#`/`%` lines are comments.
    static func numbers(_ lines: [String]) throws(ReadError) -> Matrix {
        var rows: [[Double]] = []
        for line in lines {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.isEmpty || t.hasPrefix("#") || t.hasPrefix("%") { continue }
            var row: [Double] = []
            for piece in t.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }) {
                guard let x = parse(String(piece)) else { throw ReadError(message: "`\(piece)` is not a number") }
                row.append(x)
            }
            rows.append(row)
        }
        guard let width = rows.first?.count else { return Matrix.empty() }
        guard rows.allSatisfy({ $0.count == width }) else { throw ReadError(message: "rows of different lengths") }
        var elements: [Double] = []
        for c in 0..<width { for r in rows { elements.append(r[c]) } }
        return Matrix(rows: rows.count, cols: width, columnMajor: elements)
    }
}

extension OctaveText.ReadError: CustomStringConvertible { var description: String { message } }
