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
