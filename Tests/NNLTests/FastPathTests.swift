import Testing
@testable import NNL

/// The direct paths of `X(:, i)`, `Y(i)`, `X(i, j)` (Indexing.swift's `pick`) and of one-argument
/// element-wise builtins (`Builtin.elementwise`) take only what they can read or compute; every
/// other subscript or call goes on to the general path. These are errors each of those falls back
/// to, exactly as nnl gave them before the direct paths existed: message, caret and hint.
@Suite struct FastPathTests {
    static let indexing: [(code: String, error: String)] = [
        ("X = [1 2 3; 4 5 6]; i = 4; y = X(:, i)", """
        case.nnl:1:37: error: index 4 is out of bounds for X: its columns go 1…3
          X = [1 2 3; 4 5 6]; i = 4; y = X(:, i)
                                              ^
        """),
        ("X = [1 2 3; 4 5 6]; i = 3; y = X(i, :)", """
        case.nnl:1:34: error: index 3 is out of bounds for X: its rows go 1…2
          X = [1 2 3; 4 5 6]; i = 3; y = X(i, :)
                                           ^
        """),
        ("X = [1 2 3; 4 5 6]; y = X(2, 4)", """
        case.nnl:1:30: error: index 4 is out of bounds for X: its columns go 1…3
          X = [1 2 3; 4 5 6]; y = X(2, 4)
                                       ^
        """),
        ("X = [1 2 3; 4 5 6]; y = X(7)", """
        case.nnl:1:27: error: index 7 is out of bounds for X: its elements go 1…6
          X = [1 2 3; 4 5 6]; y = X(7)
                                    ^
        """),
        ("X = [1 2 3; 4 5 6]; y = X(0)", """
        case.nnl:1:27: error: index 0 is not valid: indices start at 1
          X = [1 2 3; 4 5 6]; y = X(0)
                                    ^
        hint: did you mean `y = X(1)`? (y is 1×1)
        """),
        ("X = [1 2 3; 4 5 6]; y = X(:, 0)", """
        case.nnl:1:30: error: index 0 is not valid: indices start at 1
          X = [1 2 3; 4 5 6]; y = X(:, 0)
                                       ^
        hint: did you mean `y = X(:, 1)`? (y is 2×1)
        """),
        ("X = [1 2 3; 4 5 6]; y = X(1.5)", """
        case.nnl:1:27: error: index 1.5 is not a whole number
          X = [1 2 3; 4 5 6]; y = X(1.5)
                                    ^^^
        """),
        ("X = [1 2 3; 4 5 6]; y = X(1, 2.5)", """
        case.nnl:1:30: error: index 2.5 is not a whole number
          X = [1 2 3; 4 5 6]; y = X(1, 2.5)
                                       ^^^
        """),
        ("X = [1 2 3; 4 5 6]; y = X(NaN)", """
        case.nnl:1:27: error: NaN cannot be an index
          X = [1 2 3; 4 5 6]; y = X(NaN)
                                    ^^^
        """),
        ("X = [1 2 3; 4 5 6]; y = X(:, NaN)", """
        case.nnl:1:30: error: NaN cannot be an index
          X = [1 2 3; 4 5 6]; y = X(:, NaN)
                                       ^^^
        """),
        ("X = [1 2 3; 4 5 6]; y = X(-1)", """
        case.nnl:1:27: error: index -1 is not valid: indices start at 1
          X = [1 2 3; 4 5 6]; y = X(-1)
                                    ^^
        """),
        ("X = [1 2 3; 4 5 6]; y = X(-0)", """
        case.nnl:1:27: error: index 0 is not valid: indices start at 1
          X = [1 2 3; 4 5 6]; y = X(-0)
                                    ^^
        hint: nnl counts like Octave, from 1
        """),
        ("X = [1 2 3; 4 5 6]; y = X(Inf)", """
        case.nnl:1:27: error: index inf is not valid: indices start at 1
          X = [1 2 3; 4 5 6]; y = X(Inf)
                                    ^^^
        """),
        ("X = [1 2 3; 4 5 6]; y = X(:, -Inf)", """
        case.nnl:1:30: error: index -inf is not valid: indices start at 1
          X = [1 2 3; 4 5 6]; y = X(:, -Inf)
                                       ^^^^
        """),
        ("X = [1 2 3; 4 5 6]; y = X(1e20)", """
        case.nnl:1:27: error: index 1e+20 is not valid: indices start at 1
          X = [1 2 3; 4 5 6]; y = X(1e20)
                                    ^^^^
        """),
        ("X = [1 2 3; 4 5 6]; y = X(end + 1)", """
        case.nnl:1:27: error: index 7 is out of bounds for X: its elements go 1…6
          X = [1 2 3; 4 5 6]; y = X(end + 1)
                                    ^^^^^^^
        """),
        ("X = [1 2 3; 4 5 6]; y = X(:, end + 1)", """
        case.nnl:1:30: error: index 4 is out of bounds for X: its columns go 1…3
          X = [1 2 3; 4 5 6]; y = X(:, end + 1)
                                       ^^^^^^^
        """),
        ("X = [1 2 3; 4 5 6]; y = X(end + 1, 1)", """
        case.nnl:1:27: error: index 3 is out of bounds for X: its rows go 1…2
          X = [1 2 3; 4 5 6]; y = X(end + 1, 1)
                                    ^^^^^^^
        """),
        ("X = [1 2 3; 4 5 6]; y = X(logical([1 0 0 0 0 0 1]))", """
        case.nnl:1:27: error: index 7 is out of bounds for X: its elements go 1…6
          X = [1 2 3; 4 5 6]; y = X(logical([1 0 0 0 0 0 1]))
                                    ^^^^^^^^^^^^^^^^^^^^^^^^
        """),
        ("X = [1 2 3; 4 5 6]; y = X(:, logical([0 0 0 1]))", """
        case.nnl:1:30: error: index 4 is out of bounds for X: its columns go 1…3
          X = [1 2 3; 4 5 6]; y = X(:, logical([0 0 0 1]))
                                       ^^^^^^^^^^^^^^^^^^
        """),
        ("X = [1 2 3; 4 5 6]; y = X('a')", """
        case.nnl:1:27: error: an index must be numbers or a logical mask, not a char
          X = [1 2 3; 4 5 6]; y = X('a')
                                    ^^^
        """),
        ("X = [1 2 3; 4 5 6]; y = X(:, 'a')", """
        case.nnl:1:30: error: an index must be numbers or a logical mask, not a char
          X = [1 2 3; 4 5 6]; y = X(:, 'a')
                                       ^^^
        """),
        ("X = [1 2 3; 4 5 6]; s.a = 1; y = X(s)", """
        case.nnl:1:36: error: an index must be numbers or a logical mask, not a struct
          X = [1 2 3; 4 5 6]; s.a = 1; y = X(s)
                                             ^
        """),
        ("X = [1 2 3; 4 5 6]; y = X(1, 1, 2)", """
        case.nnl:1:33: error: index 2 is out of bounds for X: its indices go 1…1
          X = [1 2 3; 4 5 6]; y = X(1, 1, 2)
                                          ^
        """),
        ("X = [1 2 3; 4 5 6]; y = X(3, [])", """
        case.nnl:1:27: error: index 3 is out of bounds for X: its rows go 1…2
          X = [1 2 3; 4 5 6]; y = X(3, [])
                                    ^
        """),
        ("X = [1 2 3; 4 5 6]; y = X(1, 2, 3, 4)", """
        case.nnl:1:33: error: index 3 is out of bounds for X: its indices go 1…1
          X = [1 2 3; 4 5 6]; y = X(1, 2, 3, 4)
                                          ^
        """),
        ("R = [7 8 9]; y = R(2, 1)", """
        case.nnl:1:20: error: index 2 is out of bounds for R: its rows go 1…1
          R = [7 8 9]; y = R(2, 1)
                             ^
        """),
        ("C = [7; 8; 9]; y = C(1, 2)", """
        case.nnl:1:25: error: index 2 is out of bounds for C: its columns go 1…1
          C = [7; 8; 9]; y = C(1, 2)
                                  ^
        """),
        ("E = zeros(0, 3); y = E(1)", """
        case.nnl:1:24: error: index 1 is out of bounds for E: it is empty
          E = zeros(0, 3); y = E(1)
                                 ^
        """),
        ("E = zeros(0, 3); y = E(:, 4)", """
        case.nnl:1:27: error: index 4 is out of bounds for E: its columns go 1…3
          E = zeros(0, 3); y = E(:, 4)
                                    ^
        """),
        ("s = 5; y = s(2)", """
        case.nnl:1:14: error: index 2 is out of bounds for s: its elements go 1…1
          s = 5; y = s(2)
                       ^
        """),
        ("s = 5; y = s(1, 2)", """
        case.nnl:1:17: error: index 2 is out of bounds for s: its columns go 1…1
          s = 5; y = s(1, 2)
                          ^
        """),
        ("tanh = [1 2]; y = tanh(3)", """
        case.nnl:1:24: error: index 3 is out of bounds for tanh: its elements go 1…2
          tanh = [1 2]; y = tanh(3)
                                 ^
        hint: `tanh` is a variable here, which hides the function tanh; rename the variable, or `clear tanh` to call the function
        """),
        ("sigmoid = 3; y = sigmoid(0.5)", """
        case.nnl:1:26: error: index 0.5 is not a whole number
          sigmoid = 3; y = sigmoid(0.5)
                                   ^^^
        hint: `sigmoid` is a variable here, which hides the function sigmoid; rename the variable, or `clear sigmoid` to call the function
        """),
        ("sigmoid = 3; y = sigmoid(0)", """
        case.nnl:1:26: error: index 0 is not valid: indices start at 1
          sigmoid = 3; y = sigmoid(0)
                                   ^
        hint: did you mean `y = sigmoid(1)`? (y is 1×1)
        """),
        ("X = [1 2 3]; y = X(z)", """
        case.nnl:1:20: error: `z` is not defined
          X = [1 2 3]; y = X(z)
                             ^
        """),
        ("X = [1 2 3]; y = X(:, z)", """
        case.nnl:1:23: error: `z` is not defined
          X = [1 2 3]; y = X(:, z)
                                ^
        """),
        ("y = np.sqrt()", """
        case.nnl:1:5: error: `np.sqrt` takes 1 argument but was given 0
          y = np.sqrt()
              ^^^^^^^^^
        hint: see `help np.sqrt`
        """),
        ("X = [1 2]; y = X(x=1)", """
        case.nnl:1:20: error: `x=` is a keyword argument, but X is a variable, not a function
          X = [1 2]; y = X(x=1)
                             ^
        """),
        ("p.a = 1; y = p(2)", """
        case.nnl:1:16: error: index 2 is out of bounds for p: its indices go 1…1
          p.a = 1; y = p(2)
                         ^
        """),
        ("t = 'hello'; y = t(9)", """
        case.nnl:1:20: error: index 9 is out of bounds for t: its elements go 1…5
          t = 'hello'; y = t(9)
                             ^
        """),
        ("t = 'hello'; y = t(1, 6)", """
        case.nnl:1:23: error: index 6 is out of bounds for t: its columns go 1…5
          t = 'hello'; y = t(1, 6)
                                ^
        """),
    ]

    static let calls: [(code: String, error: String)] = [
        ("y = tanh(1, 2)", """
        case.nnl:1:5: error: `tanh` takes 1 argument but was given 2
          y = tanh(1, 2)
              ^^^^^^^^^^
        hint: see `help tanh`
        """),
        ("y = tanh()", """
        case.nnl:1:5: error: `tanh` takes 1 argument but was given 0
          y = tanh()
              ^^^^^^
        hint: see `help tanh`
        """),
        ("y = tanh(x=1)", """
        case.nnl:1:5: error: `tanh` has no keyword argument `x=`
          y = tanh(x=1)
              ^^^^^^^^^
        hint: did you mean `y = tanh(1)`? (y is 1×1)
        """),
        ("y = np.tanh(1, axis=0)", """
        case.nnl:1:5: error: `np.tanh` has no keyword argument `axis=`
          y = np.tanh(1, axis=0)
              ^^^^^^^^^^^^^^^^^^
        hint: np.tanh takes no keyword arguments
        """),
        ("y = tanh(1, x=1)", """
        case.nnl:1:5: error: `tanh` has no keyword argument `x=`
          y = tanh(1, x=1)
              ^^^^^^^^^^^^
        hint: tanh takes no keyword arguments
        """),
        ("s.a = 1; y = tanh(s)", """
        case.nnl:1:14: error: argument 1 of `tanh` must be numbers, not a struct
          s.a = 1; y = tanh(s)
                       ^^^^^^^
        """),
        ("f = @sin; y = tanh(f)", """
        case.nnl:1:15: error: argument 1 of `tanh` must be numbers, not a function_handle
          f = @sin; y = tanh(f)
                        ^^^^^^^
        """),
        ("[a, b] = tanh(1)", """
        case.nnl:1:5: error: this call gives 1 value but 2 are assigned
          [a, b] = tanh(1)
              ^
        """),
        ("y = tanh(undefined_thing)", """
        case.nnl:1:10: error: `undefined_thing` is not defined
          y = tanh(undefined_thing)
                   ^^^^^^^^^^^^^^^
        """),
        ("y = tahn(1)", """
        case.nnl:1:5: error: `tahn` is not defined
          y = tahn(1)
              ^^^^^^^
        hint: did you mean `tanh`?
        """),
        ("y = sigmoid(1, 2)", """
        case.nnl:1:5: error: `sigmoid` takes 1 argument but was given 2
          y = sigmoid(1, 2)
              ^^^^^^^^^^^^^
        hint: see `help sigmoid`
        """),
        ("y = log(1, 2)", """
        case.nnl:1:5: error: `log` takes 1 argument but was given 2
          y = log(1, 2)
              ^^^^^^^^^
        hint: see `help log`
        """),
        ("f = @sin; y = f(1, 2)", """
        case.nnl:1:15: error: `sin` takes 1 argument but was given 2
          f = @sin; y = f(1, 2)
                        ^^^^^^^
        hint: see `help sin`
        """),
    ]

    @Test(arguments: indexing + calls)
    func errorIsUnchanged(_ code: String, _ error: String) {
        let diagnostics = runCapturing(SourceFile(name: "case.nnl", text: code + "\n")).diagnostics
        let rendered = diagnostics.map { DiagnosticRenderer().render($0) }.joined()
        #expect(rendered == error + "\n")
    }

    /// `:explain` sees every value a direct path reads or computes, in the order written.
    @Test func explainSeesTheDirectPaths() throws {
        let session = Session()
        try session.run("X = [1 2; 3 4]; i = 2;")
        let (trace, error) = session.explain("y = tanh(X(:, i)) + sigmoid(X(i)) + np.exp(X(end, 1))")
        #expect(error == nil)
        #expect(trace.render(color: false) == """
              i                                         → 1×1  2
              X(:, i)                                   → 2×1  [2;4]
              tanh(X(:, i))                             → 2×1  [0.964;0.9993]
              i                                         → 1×1  2
              X(i)                                      → 1×1  3
              sigmoid(X(i))                             → 1×1  0.9526
              tanh(X(:, i)) + sigmoid(X(i))             → 2×1  [1.917;1.952]
              X(end, 1)                                 → 1×1  3
              np.exp(X(end, 1))                         → 1×1  20.09
              tanh(X(:, i)) + sigmoid(X(i)) + np.exp(…  → 2×1  [22;22.04]

            """)
    }
}
