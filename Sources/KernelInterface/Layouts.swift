/// A broadcast result seen as `runs` consecutive runs of `length` elements: one run over
/// everything when each operand is whole or a scalar, else one run per column of the result.
public struct RunLayout: Sendable {
    public let length: Int, runs: Int

    public init(length: Int, runs: Int) { (self.length, self.runs) = (length, runs) }
}

/// How an operand is read along the runs: `step` 1 walks with the output, 0 repeats one value
/// (a scalar, or a row vector within a column); run r starts at `base + r·runStep`.
public struct Walk {
    public let base: UnsafePointer<Double>, step: Int, runStep: Int

    public init(base: UnsafePointer<Double>, step: Int, runStep: Int) {
        (self.base, self.step, self.runStep) = (base, step, runStep)
    }
}

/// The right factor of a product as a strided view: element (p, j) is at base[p·rowStride + j·columnStride],
/// so a matrix (rowStride 1) and the transpose of one (columnStride 1) share every kernel.
public struct Factor {
    public let base: UnsafePointer<Double>, rowStride: Int, columnStride: Int

    public init(_ base: UnsafePointer<Double>, rowStride: Int, columnStride: Int) {
        (self.base, self.rowStride, self.columnStride) = (base, rowStride, columnStride)
    }

    @inline(__always) public func column(_ j: Int) -> UnsafePointer<Double> { base + j * columnStride }
}
