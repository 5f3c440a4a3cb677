import NNL
import NNLMatrix
import Testing

/// A handle made by str2func captures nothing from the code that asked for it (as Octave):
/// a student's function cannot read a test's variables through it.
@Test func str2funcHandlesCaptureNothing() throws {
    let session = Session()
    try session.run("expected = 42; f = str2func(\"@(x) x + 1\"); y = f(1);")
    guard case .matrix(let y)? = session[variable: "y"] else { Issue.record("y is not set"); return }
    #expect(y.count == 1 && y[0] == 2)
    #expect(throws: RunError.self) { try session.run("g = str2func(\"@() expected\"); g()") }
    do {
        try session.run("g = str2func(\"@() expected\"); z = g();")
    } catch {
        #expect(error.message == "`expected` is not defined")
    }
}
