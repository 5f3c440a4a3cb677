// Errors, and the few places nnl's printf / num2str / mat2str go beyond Octave 7.3 on purpose.
import NNLMatrix
import Testing
@testable import NNL

@Test func badTemplatesAndArgumentsThrow() {
    #expect(throws: FormatError(message: "invalid format specified")) { try formatPrintf("%y", []) }
    #expect(throws: FormatError(message: "invalid format specified")) { try formatPrintf("100%", [.scalar(1)]) }
    #expect(throws: FormatError(message: "wrong type argument 'struct'")) {
        try formatPrintf("%d", [.structure(StructValue())])
    }
    #expect(throws: FormatError(message: "invalid field width, must be integer >= 0 and <= INT_MAX")) {
        try formatPrintf("%*d", [.scalar(-1), .scalar(3)])
    }
}

@Test func printfGoesBeyondOctaveWhereOctaveIsSilent() throws {
    // Octave 7 prints nothing for %s of a non-character number, and rejects %F and %lf.
    #expect(try formatPrintf("[%s]", [.scalar(3.5)]) == "[3.5]")
    #expect(try formatPrintf("%F|%lf", [.scalar(1.5), .scalar(2)]) == "1.500000|2.000000")
    // Escapes are processed even when the template came from a double-quoted string.
    #expect(try formatPrintf("a\\tb", []) == "a\tb")
}

@Test func num2strRejectsWhatOctaveRejects() throws {
    #expect(throws: FormatError(message: "X must be a numeric, logical, or character array")) {
        try num2str(.structure(StructValue()), precisionOrFormat: nil)
    }
    #expect(throws: FormatError(message: "PRECISION must be a scalar integer >= 0")) {
        try num2str(.scalar(1), precisionOrFormat: .scalar(1.5))
    }
    #expect(try num2str(.string("abc"), precisionOrFormat: nil) == "abc")
    #expect(try num2str(.matrix(.empty()), precisionOrFormat: nil) == "")
}

@Test func mat2strOfNonNumericValues() {
    #expect(mat2str(.string("it's")) == "'it''s'")
    #expect(mat2str(.structure(StructValue(fields: ["a": .scalar(1), "b": .matrix(Matrix(row: [1, 2]))])))
        == "struct('a', 1, 'b', [1 2])")
}
