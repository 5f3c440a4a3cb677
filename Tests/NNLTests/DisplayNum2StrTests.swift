// Expected strings were produced by GNU Octave 7.3.0 (octave-cli, Debian bookworm) from the
// Octave expression in each row's first column; Octave is not needed to run these tests.
// Multi-row results are Octave's char matrix rows joined with newlines.
import Testing
@testable import NNL

let octaveNum2StrCases: [(String, String, String)] = [
    ("pi", "", "3.1416"),
    ("pi", "8", "3.1415927"),
    ("123", "", "123"),
    ("1.23", "", "1.23"),
    ("123.456", "4", "123.5"),
    ("[1, 1.34; 3, 3.56]", "\"%5.1f\"", "1.0  1.3\n3.0  3.6"),
    ("[1 0 1]", "", "1  0  1"),
    ("19440606", "", "19440606"),
    ("2^33", "", "8589934592"),
    ("-2^33", "", "-8589934592"),
    ("[0 0 0]", "", "0  0  0"),
    ("Inf", "", "Inf"),
    ("[Inf -Inf]", "", "Inf -Inf"),
    ("[Inf NaN -Inf]", "", "Inf  NaN -Inf"),
    ("NaN", "", "NaN"),
    ("1e15", "", "1000000000000000"),
    ("1e16", "", "1e+16"),
    ("2^512", "", "1.34078079299426e+154"),
    ("[2.1, 1e23, pi]", "", "2.1  9.999999999999999e+22      3.141592653589793"),
    ("2.4e9", "15", "2400000000"),
    ("magic(3)", "\"%3d %3d %3d\\n\"", "8   1   6\n3   5   7\n4   9   2"),
    ("[65 66 67]", "\"%s\"", "ABC"),
    ("-5", "", "-5"),
    ("[1 -2 3]", "", "1 -2  3"),
    ("0.1", "", "0.1"),
    ("[1.5 2.25; 3 4]", "", "1.5        2.25\n  3           4"),
    ("magic(3)", "", "8  1  6\n3  5  7\n4  9  2"),
    ("-pi", "", "-3.1416"),
    ("1e-5", "", "1e-05"),
    ("123456789.123", "", "123456789.123"),
    ("0.6930481", "", "0.69305"),
    ("[0.5; -0.25]", "", "  0.5\n-0.25"),
    ("pi", "\"%8.3f\"", "3.142"),
    ("[1 2 3]", "\"%d,\"", "1,2,3,"),
    ("-0", "", "-0"),
    ("0.1+0.2", "17", "0.30000000000000004"),
]

let octaveMat2StrCases: [(String, String, String)] = [
    ("[1 2;3 4]", "", "[1 2;3 4]"),
    ("pi", "", "3.14159265358979"),
    ("pi", "5", "3.1416"),
    ("[0.1 -Inf NaN]", "", "[0.1 -Inf NaN]"),
    ("[]", "", "[]"),
    ("[1;2]", "", "[1;2]"),
    ("-0", "", "-0"),
    ("1e-20", "", "1e-20"),
    ("[0.1 1/3]", "4", "[0.1 0.3333]"),
    ("magic(3)/7", "", "[1.14285714285714 0.142857142857143 0.857142857142857;0.428571428571429 0.714285714285714 1;0.571428571428571 1.28571428571429 0.285714285714286]"),
    ("2^60", "", "1.15292150460685e+18"),
]

/// num2str / mat2str arguments are written as Octave source; these few are all the tests need.
private func value(_ source: String) -> Value {
    let known: [String: Value] = [
        "pi": .scalar(.pi), "-pi": .scalar(-.pi), "123": .scalar(123), "1.23": .scalar(1.23),
        "123.456": .scalar(123.456), "[1, 1.34; 3, 3.56]": .matrix(octaveMatrix(2, 2, [1, 3, 1.34, 3.56])),
        "[1 0 1]": .matrix(octaveMatrix(1, 3, [1, 0, 1])), "19440606": .scalar(19440606),
        "2^33": .scalar(0x1p33), "-2^33": .scalar(-0x1p33), "[0 0 0]": .matrix(octaveMatrix(1, 3, [0, 0, 0])),
        "Inf": .scalar(.infinity), "[Inf -Inf]": .matrix(octaveMatrix(1, 2, [.infinity, -.infinity])),
        "[Inf NaN -Inf]": .matrix(octaveMatrix(1, 3, [.infinity, .nan, -.infinity])), "NaN": .scalar(.nan),
        "1e15": .scalar(1e15), "1e16": .scalar(1e16), "2^512": .scalar(0x1p512),
        "[2.1, 1e23, pi]": .matrix(octaveMatrix(1, 3, [2.1, 1e23, .pi])), "2.4e9": .scalar(2.4e9),
        "magic(3)": .matrix(octaveMatrix(3, 3, [8, 3, 4, 1, 5, 9, 6, 7, 2])),
        "[65 66 67]": .matrix(octaveMatrix(1, 3, [65, 66, 67])), "-5": .scalar(-5),
        "[1 -2 3]": .matrix(octaveMatrix(1, 3, [1, -2, 3])), "0.1": .scalar(0.1),
        "[1.5 2.25; 3 4]": .matrix(octaveMatrix(2, 2, [1.5, 3, 2.25, 4])), "1e-5": .scalar(1e-5),
        "123456789.123": .scalar(123456789.123), "0.6930481": .scalar(0.6930481),
        "[0.5; -0.25]": .matrix(octaveMatrix(2, 1, [0.5, -0.25])), "[1 2 3]": .matrix(octaveMatrix(1, 3, [1, 2, 3])),
        "-0": .scalar(-0.0), "0.1+0.2": .scalar(0.1 + 0.2), "[1 2;3 4]": .matrix(octaveMatrix(2, 2, [1, 3, 2, 4])),
        "[0.1 -Inf NaN]": .matrix(octaveMatrix(1, 3, [0.1, -.infinity, .nan])), "[]": .matrix(octaveMatrix(0, 0, [])),
        "[1;2]": .matrix(octaveMatrix(2, 1, [1, 2])), "1e-20": .scalar(1e-20),
        "[0.1 1/3]": .matrix(octaveMatrix(1, 2, [0.1, 1.0 / 3])),
        "magic(3)/7": .matrix(octaveMatrix(3, 3, [8, 3, 4, 1, 5, 9, 6, 7, 2].map { $0 / 7 })), "2^60": .scalar(0x1p60),
    ]
    guard let v = known[source] else { fatalError("no test value for \(source)") }
    return v
}

/// The option column: empty for none, a quoted format, or a precision.
private func option(_ source: String) -> Value? {
    if source.isEmpty { return nil }
    if source.hasPrefix("\"") { return .string(String(source.dropFirst().dropLast())) }
    return .scalar(Double(source)!)
}

@Test(arguments: octaveNum2StrCases.indices)
func num2strMatchesOctave(_ i: Int) throws {
    let (x, opt, expected) = octaveNum2StrCases[i]
    #expect(try num2str(value(x), precisionOrFormat: option(opt)) == expected, "num2str(\(x), \(opt))")
}

@Test(arguments: octaveMat2StrCases.indices)
func mat2strMatchesOctave(_ i: Int) {
    let (x, opt, expected) = octaveMat2StrCases[i]
    let precision = opt.isEmpty ? 15 : Int(opt)!
    #expect(mat2str(value(x), precision: precision) == expected, "mat2str(\(x), \(opt))")
}
