import NNL

/// `%% forbid: relu, relu_grad`: each forbidden builtin is shadowed, for student code only, by
/// a function that stops with a message. Student code reaches its own functions before
/// builtins, so the student's call lands here; test code always reaches the real builtin (the
/// names are protected there); a student who writes their own `relu` replaces the stub.
enum ForbiddenBuiltins {
    /// The stubs' source, protected like the test file so `error` is always the builtin.
    static let sourceName = "<forbid>"

    static func source(for names: [String]) -> SourceFile {
        let functions = names.map { name in
            """
            function [varargout] = \(name)(a1, a2, a3, a4, a5, a6, a7, a8)
              error("`\(name)` is forbidden in this homework: write your own")
            end
            """
        }
        return SourceFile(name: sourceName, text: functions.joined(separator: "\n"))
    }
}
