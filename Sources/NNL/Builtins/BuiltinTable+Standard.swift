extension BuiltinTable {
    /// Every builtin of the language, by theme.
    static let standardGroups: [[Builtin]] = [
        Builtins.construction, Builtins.elementwise, Builtins.reductions, Builtins.shapes,
        Builtins.random, Builtins.comparison, Builtins.text, Builtins.functions, Builtins.files,
        Builtins.plots, Builtins.numpy, Builtins.matrices, Builtins.python,
    ]

    static let standard = BuiltinTable(standardGroups)
}
