extension BuiltinTable {
    /// Every builtin of the language.
    static let standard = BuiltinTable([
        Builtins.construction, Builtins.elementwise, Builtins.reductions, Builtins.shapes,
        Builtins.random, Builtins.comparison, Builtins.text, Builtins.functions, Builtins.files,
        Builtins.plots, Builtins.numpy, Builtins.matrices,
    ])
}
