import Foundation
import NNLMatrix

/// Structs, function handles, the workspace and help.
extension Builtins {
    static let functions: [Builtin] = [
        Builtin(name: "struct", help: "struct(), struct(\"name\", value, ...)\nA struct with the given fields.",
                example: "p = struct(\"W1\", zeros(4, 2), \"b1\", zeros(4, 1))", body: { c throws(Diagnostic) in
                    guard c.args.count % 2 == 0 else { throw Diagnostic("struct takes pairs: struct(\"name\", value, ...)", at: c.range) }
                    var s = StructValue()
                    for i in stride(from: 0, to: c.args.count, by: 2) { s.fields[try c.string(i)] = c.args[i + 1] }
                    return [.structure(s)]
                }),
        Builtin(name: "fieldnames", help: "fieldnames(s)\nThe names of a struct's fields, one per line.", example: "fieldnames(struct(\"a\", 1, \"b\", 2))",
                arity: 1...1, body: { c throws(Diagnostic) in
                    let s = try structArgument(c, 0)
                    return [.string(s.fields.keys.joined(separator: "\n"))]
                }),
        Builtin(name: "isfield", help: "isfield(s, name)\n1 if struct s has a field called name.", example: "isfield(struct(\"W1\", 1), \"W1\")",
                arity: 2...2, body: { c throws(Diagnostic) in
                    guard case .structure(let s) = c.args[0] else { return [.bool(false)] }
                    return [.bool(s.fields[try c.string(1)] != nil)]
                }),
        Builtin(name: "getfield", help: "getfield(s, name)\nThe field of s called name, as s.(name): for names built while running, such as ['W' num2str(l)].",
                example: "p.W1 = [1 2]; getfield(p, \"W1\")", arity: 2...2, body: { c throws(Diagnostic) in
                    [try c.interpreter.field(try c.interpreter.fieldName(c.args[1], at: c.range), of: c.args[0], at: c.range)]
                }),
        Builtin(name: "setfield", help: "setfield(s, name, value)\nA copy of struct s with the field called name set to value, as s.(name) = value.",
                example: "p = setfield(struct(), \"W1\", [1 2])", arity: 3...3, body: { c throws(Diagnostic) in
                    var s = try structArgument(c, 0)
                    s.fields[try c.interpreter.fieldName(c.args[1], at: c.range)] = c.args[2]
                    return [.structure(s)]
                }),
        Builtin(name: "rmfield", help: "rmfield(s, name)\nThe struct without that field.", example: "rmfield(struct(\"a\", 1, \"b\", 2), \"a\")",
                arity: 2...2, body: { c throws(Diagnostic) in
                    var s = try structArgument(c, 0)
                    let name = try c.string(1)
                    guard s.fields.removeValue(forKey: name) != nil else { throw Diagnostic("the struct has no field `\(name)`", at: c.range) }
                    return [.structure(s)]
                }),
        Builtin(name: "feval", help: "feval(f, args...)\nCalls f (a handle or a function's name) with the arguments.", example: "feval(@sigmoid, 0)",
                arity: 1...Int.max, body: { c throws(Diagnostic) in
                    let rest = Array(c.args.dropFirst())
                    if case .string(let name) = c.args[0] {
                        return try c.interpreter.call(named: name, args: rest, keywords: [:], nargout: c.nargout, at: c.range)
                    }
                    return try c.interpreter.callHandle(c.args[0], rest, nargout: max(c.nargout, 1), at: c.range)
                }),
        Builtin(name: "arrayfun", help: "arrayfun(f, X)\nf applied to each element of X; f must return one number each time.",
                example: "arrayfun(@(z) max(0, z), [-1 2 -3])", arity: 2...2, body: { c throws(Diagnostic) in
                    let x = try c.matrix(1)
                    var r = try c.allocate(x.rows, x.cols)
                    for i in 0..<x.count {
                        let v = try c.interpreter.callHandle(c.args[0], [.scalar(x[i])], nargout: 1, at: c.range)
                        guard case .matrix(let m)? = v.first, m.count == 1 else {
                            throw Diagnostic("arrayfun's function must return one number for each element", at: c.range)
                        }
                        r[i] = m.scalar
                    }
                    return [.matrix(r)]
                }),
        Builtin(name: "func2str", help: "func2str(f)\nA function handle's text: the function's name for @name, as Octave's.", example: "func2str(@(x) 2*(x-3))",
                arity: 1...1, body: { c throws(Diagnostic) in
                    guard case .function(let f) = c.args[0] else { throw Diagnostic("func2str needs a function handle", at: c.range) }
                    if case .named(let name) = f.target { return [.string(name)] }
                    return [.string(f.text)]
                }),
        Builtin(name: "str2func", help: "str2func(text)\nA function handle from its text: \"sigmoid\" or \"@(x) x.^2\".", example: "f = str2func(\"@(x) x.^2\"); f(3)",
                arity: 1...1, body: { c throws(Diagnostic) in
                    let text = try c.string(0)
                    let source = text.hasPrefix("@") ? text : "@" + text
                    guard let handle = try c.interpreter.evaluateAlone(source, name: "str2func") else {
                        throw Diagnostic("str2func cannot read `\(text)` as a function", at: c.range)
                    }
                    return [handle]
                }),
        Builtin(name: "tic", help: "tic\nStarts a stopwatch for toc.", example: "tic; x = 1; t = toc;", body: { c throws(Diagnostic) in
            c.interpreter.startStopwatch()
            return []
        }),
        Builtin(name: "toc", help: "toc\nSeconds since tic; without `=` it prints them.", example: "tic; t = toc;", body: { c throws(Diagnostic) in
            let elapsed = Date().timeIntervalSince(c.interpreter.stopwatch ?? Date())
            if c.nargout >= 1 { return [.scalar(elapsed)] }
            c.interpreter.output("Elapsed time is \(String(format: "%.6g", elapsed)) seconds.\n")
            return []
        }),
        Builtin(name: "exist", help: "exist(name)\n1 for a variable, 2 for your function, 5 for a builtin, else 0.", example: "exist(\"sigmoid\")",
                arity: 1...1, body: { c throws(Diagnostic) in
                    let name = try c.string(0)
                    let i = c.interpreter
                    if c.callerScope.value(of: name) != nil { return [.scalar(1)] }
                    if i.functions[name] != nil { return [.scalar(2)] }
                    return [.scalar(i.builtins[name] != nil ? 5 : 0)]
                }),
        Builtin(name: "clear", help: "clear, clear name ..., clear all\nForgets variables (all, or those named); `clear all` forgets your functions too.",
                example: "x = 1; clear x", body: { c throws(Diagnostic) in
                    let names = try (0..<c.args.count).map { k throws(Diagnostic) in try c.string(k) }
                    let scope = c.callerScope
                    if names.isEmpty || names == ["all"] || names == ["-all"] {
                        scope.clearAll()
                        if !names.isEmpty, scope.isWorkspace { c.interpreter.clearFunctions() }
                    }
                    for n in names where n != "all" && n != "-all" { scope.clear(n) }
                    return []
                }),
        Builtin(name: "who", help: "who\nLists the variables in the workspace.", example: "x = 1; who", body: { c throws(Diagnostic) in
            // Sorted, in columns as wide as the longest name plus two, as Octave lists them.
            let names = c.callerScope.variableNames.sorted()
            let width = (names.map(\.count).max() ?? 0) + 2
            let line = names.map { $0.padding(toLength: width, withPad: " ", startingAt: 0) }.joined()
            c.interpreter.output(names.isEmpty ? "" : "Variables visible from the current scope:\n\n" + line.trimmingCharacters(in: .whitespaces) + "\n\n")
            return []
        }),
        Builtin(name: "format", help: "format short\nValues show 5 significant digits, as Octave's format short; printf(\"%.17g\\n\", x) shows every digit.",
                example: "format short", body: { c throws(Diagnostic) in
                    let mode = c.args.isEmpty ? "short" : try c.string(0).lowercased()
                    guard mode == "short" else {
                        throw Diagnostic("nnl shows values in format short only", at: c.range,
                                         hint: "to see every digit use printf(\"%.17g\\n\", x)")
                    }
                    return []
                }),
        Builtin(name: "clc", help: "clc\nClears the terminal screen.", example: "clc", body: { c throws(Diagnostic) in
            c.interpreter.environment.output(.clearScreen)
            return []
        }),
        Builtin(name: "help", help: "help, help name\nWhat a function, an operator or a keyword does (help sum, help .*, help for); alone, the list of them.",
                example: "help sigmoid", body: { c throws(Diagnostic) in
                    let i = c.interpreter
                    guard let name = c.args.isEmpty ? nil : try c.string(0) else {
                        i.output("Builtins (help NAME tells more):\n" + columns(i.builtinNames, width: i.environment.display.width) + "\n"
                                 + "Operators and keywords (help .* , help for …):\n" + columns(LanguageHelp.symbols, width: i.environment.display.width) + "\n")
                        return []
                    }
                    if let f = i.functions[name] {
                        i.output("\(name) is your function: \(i.signature(f))\n")
                    } else if let text = i.help(for: name) ?? LanguageHelp.text(for: name) {
                        i.output(text)
                    } else {
                        let hint = closestName(to: name, in: i.builtinNames).map { "did you mean `\($0)`?" }
                        throw Diagnostic("there is no help for `\(name)`: it is not a builtin", at: c.range, hint: hint)
                    }
                    return []
                }),
    ]

    static func structArgument(_ c: BuiltinCall, _ i: Int) throws(Diagnostic) -> StructValue {
        guard case .structure(let s) = c.args[i] else {
            throw Diagnostic("argument \(i + 1) of `\(c.name)` must be a struct, not a \(c.args[i].className)", at: c.range)
        }
        return s
    }

    /// Names laid out in columns that fit the width.
    static func columns(_ names: [String], width: Int) -> String {
        let cell = (names.map(\.count).max() ?? 0) + 2
        let perLine = max(1, width / cell)
        return stride(from: 0, to: names.count, by: perLine).map { start in
            names[start..<min(start + perLine, names.count)].map { $0.padding(toLength: cell, withPad: " ", startingAt: 0) }
                .joined().trimmingCharacters(in: .whitespaces)
        }.map { "  " + $0 }.joined(separator: "\n")
    }
}
