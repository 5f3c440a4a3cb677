import NNLMatrix

/// Showing values and formatting text, as Octave's disp, printf and friends.
extension Builtins {
    static let text: [Builtin] = [
        Builtin(name: "disp", help: "disp(X)\nShows X without its name.", example: "disp([1 2; 3 4])",
                arity: 1...1, body: { c throws(Diagnostic) in
                    c.interpreter.output(dispText(c.args[0], options: c.interpreter.environment.display))
                    return []
                }),
        Builtin(name: "display", help: "display(X)\nShows X as a statement without `;` would.", example: "x = 3; display(x)",
                arity: 1...1, body: { c throws(Diagnostic) in
                    c.interpreter.show("ans", c.args[0])
                    return []
                }),
        Builtin(name: "printf", help: "printf(template, ...)\nPrints formatted text. The template is reused until every element of the arguments (column by column) is printed, so printf(\"%.17g\\n\", X) prints all of X exactly.",
                example: "printf(\"%d: %.4f\\n\", [1 2; 0.5 0.25])", arity: 1...Int.max, body: { c throws(Diagnostic) in
                    c.interpreter.output(try format(c, from: 0))
                    return []
                }),
        Builtin(name: "fprintf", help: "fprintf(template, ...), fprintf(fid, template, ...)\nAs printf; fid 1 is standard output and 2 standard error.",
                example: "fprintf(\"cost %.6f\\n\", 0.693048)", arity: 1...Int.max, body: { c throws(Diagnostic) in
                    if case .matrix(let m) = c.args[0], m.count == 1, c.args.count >= 2 {
                        let text = try format(c, from: 1)
                        if m.scalar == 2 { c.interpreter.warnText(text) } else { c.interpreter.output(text) }
                        return []
                    }
                    c.interpreter.output(try format(c, from: 0))
                    return []
                }),
        Builtin(name: "sprintf", help: "sprintf(template, ...)\nFormats text as printf does and returns it.",
                example: "s = sprintf(\"%5.2f\", pi)", arity: 1...Int.max, body: { c throws(Diagnostic) in
                    return [.string(try format(c, from: 0))]
                }),
        Builtin(name: "num2str", help: "num2str(x), num2str(x, precision), num2str(x, format)\nA number or matrix as text, as Octave writes it.",
                example: "[\"cost: \", num2str(0.6930)]", arity: 1...2, body: { c throws(Diagnostic) in
                    do throws(FormatError) { return [.string(try num2str(c.args[0], precisionOrFormat: c.args.count == 2 ? c.args[1] : nil))] }
                    catch { throw Diagnostic(error.message, at: c.range) }
                }),
        Builtin(name: "mat2str", help: "mat2str(X), mat2str(X, precision)\nX as text that evaluates back to X, such as \"[1 2;3 4]\".",
                example: "mat2str([1 2; 3 4])", arity: 1...2, body: { c throws(Diagnostic) in
                    return [.string(mat2str(c.args[0], precision: c.args.count == 2 ? try c.integer(1, minimum: 1) : 15))]
                }),
        Builtin(name: "int2str", help: "int2str(x)\nx rounded to whole numbers, as text.", example: "int2str(2.7)",
                arity: 1...1, body: { c throws(Diagnostic) in
                    let x = try c.matrix(0)
                    let rounded = try c.kernel { () throws(MatrixError) in try x.map(.round) }
                    do throws(FormatError) { return [.string(try num2str(rounded, precisionOrFormat: nil))] }
                    catch { throw Diagnostic(error.message, at: c.range) }
                }),
        Builtin(name: "error", help: "error(message, ...)\nStops with an error; the message may be a printf template.",
                example: "% error(\"alpha must be positive, got %g\", -1)", arity: 1...Int.max, body: { c throws(Diagnostic) in
                    throw Diagnostic(try format(c, from: 0), at: c.range)
                }),
        Builtin(name: "warning", help: "warning(message, ...)\nPrints a warning and goes on.",
                example: "warning(\"the learning rate %g looks large\", 10)", arity: 1...Int.max, body: { c throws(Diagnostic) in
                    c.interpreter.warn(Diagnostic(try format(c, from: 0), at: c.range, severity: .warning))
                    return []
                }),
        Builtin(name: "strcat", help: "strcat(a, b, ...)\nJoins text, dropping each piece's trailing blanks as Octave does (strcat('a ', 'b') is 'ab'); [a, b] keeps them.",
                example: "strcat(\"W\", \"1\")",
                body: { c throws(Diagnostic) in
                    var s = ""
                    for (i, a) in c.args.enumerated() {
                        guard case .string(let t) = a else { throw Diagnostic("argument \(i + 1) of strcat must be text", at: c.range) }
                        s += t.replacing(/[ \t\n\v\f\r\0]+$/, with: "")
                    }
                    return [.string(s)]
                }),
        Builtin(name: "strrep", help: "strrep(s, from, to)\ns with every occurrence of `from` replaced by `to`.",
                example: "strrep(\"W1 and b1\", \"1\", \"2\")", arity: 3...3, body: { c throws(Diagnostic) in
                    let from = try c.string(1)
                    guard !from.isEmpty else { return [.string(try c.string(0))] }
                    return [.string(try c.string(0).replacingOccurrences(of: from, with: try c.string(2)))]
                }),
        noCells("strsplit", "split text on a delimiter", "use strrep, or index the text: s(1:3)"),
        noCells("strjoin", "join a list of texts", "join text with [a, ' ', b] or sprintf(\"%s \", ...)"),
        noCells("cell", "make a cell array", "use a matrix for numbers, or a struct for values of different kinds"),
        noCells("cellfun", "apply a function to a cell array", "arrayfun applies a function to each element of a matrix"),
        Builtin(name: "strcmp", help: "strcmp(a, b)\n1 if a and b are the same text.", example: "strcmp(\"tanh\", \"tanh\")",
                arity: 2...2, body: { c throws(Diagnostic) in
                    if case .string(let a) = c.args[0], case .string(let b) = c.args[1] { return [.bool(a == b)] }
                    return [.bool(false)]
                }),
        Builtin(name: "upper", help: "upper(s)\nText in capitals.", example: "upper(\"relu\")", arity: 1...1,
                body: { c throws(Diagnostic) in [.string(try c.string(0).uppercased())] }),
        Builtin(name: "lower", help: "lower(s)\nText in small letters.", example: "lower(\"ReLU\")", arity: 1...1,
                body: { c throws(Diagnostic) in [.string(try c.string(0).lowercased())] }),
    ]

    /// Octave functions that work on cell arrays, which nnl does not have: a clear error.
    static func noCells(_ name: String, _ purpose: String, _ alternative: String) -> Builtin {
        Builtin(name: name, help: "\(name)(...)\nIn Octave \(name) is used to \(purpose) with cell arrays, which nnl does not have: \(alternative).",
                example: "% \(name) is not available", body: { c throws(Diagnostic) in
                    throw Diagnostic("`\(name)` works with cell arrays, which are not part of nnl", at: c.range, hint: alternative)
                })
    }

    static func format(_ c: BuiltinCall, from start: Int) throws(Diagnostic) -> String {
        let template = try c.string(start)
        // A double-quoted template written in the call had its escapes processed when it was read.
        // (One kept in a variable is processed again: nnl's text does not remember its quotes.)
        let doubleQuoted = c.syntax.positional(start).map { e in
            if case .string = e.kind, e.range.text?.first == "\"" { true } else { false }
        } ?? false
        do throws(FormatError) { return try formatPrintf(template, Array(c.args[(start + 1)...]), escapes: !doubleQuoted) }
        catch { throw Diagnostic(error.message, at: c.range) }
    }
}

extension Interpreter {
    /// Text for standard error that is not a diagnostic (`fprintf(2, ...)`).
    func warnText(_ text: String) {
        errorOutput(text)
    }
}
