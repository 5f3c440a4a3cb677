import Testing
@testable import NNL

/// Every builtin documents itself, and its example runs as written.
@Test(arguments: BuiltinTable.standard.all.map(\.name))
func builtinExampleRuns(_ name: String) throws {
    let builtin = try #require(BuiltinTable.standard[name])
    #expect(!builtin.help.isEmpty)
    #expect(builtin.help.contains(name) || name.hasPrefix("np."), "the help of \(name) shows how to call it")
    try Session().run(SourceFile(name: "help \(name)", text: builtin.example))
}

@Test func helpShowsTheExample() throws {
    let text = try #require(Session().help(for: "sigmoid"))
    #expect(text.contains("Example:"))
    #expect(text.contains("sigmoid([-1 0 1])"))
}

/// `help` documents operators and keywords as Octave does, typed in command syntax.
@Test(arguments: [("help .*", "element-wise product"), ("help for", "for i = 1:n"), ("help '", "transpose"),
                  ("help **", "numpy's power"), ("help @", "matrix product"), ("help ~=", "comparisons"),
                  ("help end", "last position")])
func helpOfOperatorsAndKeywords(_ input: String, _ expected: String) throws {
    var output = ""
    try Session(SessionEnvironment { output += $0.text() }).run(SourceFile(name: "help", text: input))
    #expect(output.contains(expected), "\(input) printed \(output)")
}

@Test func everyOperatorTopicIsReachable() throws {
    for symbol in LanguageHelp.symbols {
        #expect(LanguageHelp.text(for: symbol) != nil, "help \(symbol)")
    }
}

/// Aliases share their builtin's declaration, and no name is declared twice.
@Test func aliasesAreOneBuiltin() throws {
    let table = BuiltinTable.standard
    #expect(table["np.tanh"]?.name == "tanh")
    #expect(table["np.matmul"]?.name == "np.dot")
    #expect(try #require(table.help(for: "np.tanh")).contains("Also called: tanh"))
    #expect(BuiltinTable.duplicateNames(BuiltinTable.standardGroups).isEmpty)
    let twice = Builtin(name: "tanh", help: "tanh", example: "tanh(0)", body: { _ throws(Diagnostic) in [] })
    #expect(BuiltinTable.duplicateNames([Builtins.elementwise, [twice]]) == ["tanh"])
}
