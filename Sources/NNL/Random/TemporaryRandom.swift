// TEMPORARY until the random branch lands.
import NNLMatrix
public struct NumpyRandom: Sendable {
    public init() {}
    public init(seed: UInt32) {}
    public mutating func seed(_ s: UInt32) {}
    public mutating func rand(rows: Int, cols: Int) throws(AllocationRefused) -> Matrix { try Matrix(rows: rows, cols: cols, repeating: 0.5) }
    public mutating func randn(rows: Int, cols: Int) throws(AllocationRefused) -> Matrix { try Matrix(rows: rows, cols: cols, repeating: 0.1) }
    public mutating func randint(low: Int, high: Int, rows: Int, cols: Int) throws(AllocationRefused) -> Matrix { try Matrix(rows: rows, cols: cols, repeating: Double(low)) }
    public mutating func permutation(_ n: Int) -> [Int] { Array(0..<n) }
}
public func planarDataset() -> (X: Matrix, Y: Matrix) { (Matrix(rows: 2, cols: 1, columnMajor: [0, 0]), Matrix(scalar: 0)) }
