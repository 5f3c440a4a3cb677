import Testing
@testable import NNL

/// `planarDataset()` equals numpy's flower data set bit for bit.
@Test func planarDatasetMatchesNumpy() throws {
    let rows = try fixtureText("planar_dataset.csv").split(separator: "\n").filter { !$0.hasPrefix("#") }
    let (X, Y) = planarDataset()
    try #require(rows.count == 400)
    #expect(X.rows == 2 && X.cols == 400 && Y.rows == 1 && Y.cols == 400)
    for (i, line) in rows.enumerated() {
        let f = line.split(separator: ",")
        let x1 = try hexDouble(f[0]), x2 = try hexDouble(f[1]), y = try #require(Double(String(f[2])))
        #expect(X[0, i].bitPattern == x1.bitPattern, "X(1, \(i + 1)): \(X[0, i]) vs \(x1)")
        #expect(X[1, i].bitPattern == x2.bitPattern, "X(2, \(i + 1)): \(X[1, i]) vs \(x2)")
        #expect(Y[0, i] == y, "Y(\(i + 1))")
    }
}
