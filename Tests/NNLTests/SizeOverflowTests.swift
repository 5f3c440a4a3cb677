import Testing
@testable import NNL

/// Requests for astronomically large matrices are clear errors with a place, never a trap:
/// sizes are checked before any arithmetic on them can overflow.
@Test(arguments: [
    "zeros(1e15, 1e15)", "zeros(9e14, 9e14)", "ones(9e14)", "eye(9e14)", "np.zeros((9e14, 9e14))",
    "repmat([1 2], 9e14, 9e14)", "repmat(ones(1000, 1000), 9e14, 9e14)", "reshape(1:6, 9e14, 9e14)",
    "reshape(1:6, 1e15, 1e15)", "np.reshape(1:6, (9e14, 9e14))", "rand(9e14, 9e14)", "true(9e14)",
    "magic(9e14)", "np.random.randint(0, 5, size=(9e14, 9e14))", "x = []; x(9e14, 9e14) = 1",
    "np.arange(1e15)", "np.arange(1e300)", "np.arange(0, 1, 1e-300)", "linspace(0, 1, 9e14)",
])
func hugeSizeIsAClearError(_ program: String) {
    let (output, diagnostics) = runCapturing(SourceFile(name: "huge", text: program))
    #expect(output.isEmpty)
    let error = diagnostics.first { $0.severity == .error }
    #expect(error?.range?.line == 1, "\(program): \(diagnostics.map(\.message))")
    #expect(error.map { $0.message.contains("too large") || $0.message.contains("more elements than") } == true,
            "\(program): \(error?.message ?? "no error")")
}
