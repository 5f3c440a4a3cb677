import Testing
import Foundation

/// The test target's copied `Fixtures` folder.
func fixturesURL(_ relative: String = "") throws -> URL {
    let root = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures")
    return relative.isEmpty ? root : root.appendingPathComponent(relative)
}

func fixtureText(_ relative: String) throws -> String {
    try String(contentsOf: fixturesURL(relative), encoding: .utf8)
}

/// A Double from `float.hex` text such as `-0x1.393822fb7d9adp-1` (strtod reads hex).
func hexDouble(_ s: Substring) throws -> Double {
    try #require(Double(String(s)), "not a float.hex: \(s)")
}
