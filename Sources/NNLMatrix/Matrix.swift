/// A real matrix of doubles, stored column-major like Octave. A scalar is 1×1.
/// Value semantics with copy-on-write storage.
public struct Matrix: @unchecked Sendable {
    public private(set) var rows: Int
    public private(set) var cols: Int
    @usableFromInline var storage: MatrixStorage
    /// Made by a comparison or logical operator: as an index it is a mask, not positions.
    public var isLogical = false

    public var count: Int { rows * cols }
    public var isScalar: Bool { rows == 1 && cols == 1 }
    public var isEmpty: Bool { rows == 0 || cols == 0 }
    public var isVector: Bool { rows == 1 || cols == 1 }

    /// Uninitialised rows×cols matrix, admitted by `MemoryGate`. Callers write every element.
    public init(uninitializedRows rows: Int, cols: Int) throws(MatrixError) {
        try MemoryGate.admit(rows: rows, cols: cols)
        self.rows = rows
        self.cols = cols
        storage = MatrixStorage.make(count: rows * cols)
    }

    public init(rows: Int, cols: Int, repeating value: Double) throws(MatrixError) {
        try self.init(uninitializedRows: rows, cols: cols)
        withUnsafeMutableElements { $0.update(repeating: value, count: rows * cols) }
    }

    /// From column-major elements; `elements.count` must be rows*cols.
    /// Not admitted by `MemoryGate` (its bytes are counted, by `MatrixStorage.make`): the elements
    /// already exist, in an array the caller built, so refusing the copy could not stop the
    /// allocation that matters. Callers whose sizes come from a program ask the gate before they
    /// build the array (`c.allocate` in the builtins: `randperm(n)`, `magic(n)`), and every other
    /// caller copies a matrix or text that already passed it. Non-throwing keeps literals simple.
    public init(rows: Int, cols: Int, columnMajor elements: [Double]) {
        precondition(elements.count == rows * cols, "Matrix: element count does not match shape")
        self.rows = rows
        self.cols = cols
        storage = MatrixStorage.make(count: elements.count)
        withUnsafeMutableElements { p in elements.withUnsafeBufferPointer { p.update(from: $0.baseAddress!, count: elements.count) } }
    }

    /// Not admitted by `MemoryGate` (counted, like every storage): one element, 8 bytes, is
    /// refused only when the live bytes are within 8 bytes of the cap, and the next real
    /// allocation is refused then anyway. Admission (three atomic loads and the checks) on every
    /// scalar result would tax the interpreter's most frequent allocation for nothing.
    public init(scalar: Double) {
        rows = 1
        cols = 1
        storage = MatrixStorage.make(count: 1)
        storage.withElements { $0.initialize(to: scalar) }
    }

    /// A 1×n row.
    public init(row: [Double]) { self.init(rows: 1, cols: row.count, columnMajor: row) }
    /// An n×1 column.
    public init(column: [Double]) { self.init(rows: column.count, cols: 1, columnMajor: column) }

    public static func empty() -> Matrix { Matrix(rows: 0, cols: 0, columnMajor: []) }

    // The subscripts check their bounds in every build: the interpreter checks learners'
    // indices first, so a failure here is nnl's bug, and it must stop rather than read or
    // write outside the storage. The hot loops use the kernels, not these.
    @inlinable public subscript(i: Int) -> Double {
        get { precondition(i >= 0 && i < count, "Matrix: index \(i) out of 0..<\(count)"); return element(i) }
        set { precondition(i >= 0 && i < count, "Matrix: index \(i) out of 0..<\(count)"); withUnsafeMutableElements { $0[i] = newValue } }
    }

    @inlinable public subscript(r: Int, c: Int) -> Double {
        get { checkBounds(r, c); return element(c &* rows &+ r) }
        set { checkBounds(r, c); let i = c &* rows &+ r; withUnsafeMutableElements { $0[i] = newValue } }
    }

    @inlinable func checkBounds(_ r: Int, _ c: Int) {
        precondition(r >= 0 && r < rows && c >= 0 && c < cols, "Matrix: (\(r), \(c)) out of \(rows)×\(cols)")
    }

    @inlinable func element(_ i: Int) -> Double { storage.withElements { $0[i] } }

    /// The first element; an empty matrix has none (callers check `isScalar` or `isEmpty` first).
    public var scalar: Double {
        precondition(!isEmpty, "Matrix: the scalar of an empty \(rows)×\(cols) matrix")
        return element(0)
    }
    public var elements: [Double] { withUnsafeElements { Array(UnsafeBufferPointer(start: $0, count: count)) } }

    /// Read-only access to the column-major elements; the pointer is valid only inside `body`.
    @inlinable public func withUnsafeElements<R, E: Error>(_ body: (UnsafePointer<Double>) throws(E) -> R) throws(E) -> R {
        precondition(storage.count >= count, "Matrix: \(rows)×\(cols) over storage of \(storage.count)")
        return try storage.withElements { (p) throws(E) -> R in try body(UnsafePointer(p)) }
    }

    /// Mutable access; copies first if the storage is shared. The pointer is valid only inside `body`.
    @inlinable public mutating func withUnsafeMutableElements<R, E: Error>(_ body: (UnsafeMutablePointer<Double>) throws(E) -> R) throws(E) -> R {
        makeUnique()
        precondition(storage.count >= count, "Matrix: \(rows)×\(cols) over storage of \(storage.count)")
        return try storage.withElements(body)
    }

    /// Lets go of this matrix, keeping its storage for this thread's next matrix of the same
    /// count when it is small and nothing else references it (see `StoragePool`).
    public consuming func recycle() {
        guard storage.count <= StoragePool.largestCount, isKnownUniquelyReferenced(&storage) else { return }
        let whole = consume self
        StoragePool.give(whole.storage)
    }

    /// True when no other value shares this storage, so it may be overwritten in place.
    public mutating func isUniquelyReferenced() -> Bool { isKnownUniquelyReferenced(&storage) }

    @usableFromInline mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// Same elements, another shape with the same count (Octave's reshape).
    public func reshaped(rows: Int, cols: Int) -> Matrix {
        let (n, overflow) = rows.multipliedReportingOverflow(by: cols)
        precondition(rows >= 0 && cols >= 0 && !overflow && n == count, "reshaped: \(rows)×\(cols) does not hold \(count) elements")
        var m = self
        m.rows = rows
        m.cols = cols
        return m
    }
}

extension Matrix: Equatable {
    /// Same shape and the same elements (NaN never equals NaN, as in Octave's isequal).
    public static func == (a: Matrix, b: Matrix) -> Bool {
        guard a.rows == b.rows, a.cols == b.cols else { return false }
        return a.withUnsafeElements { x in b.withUnsafeElements { y in (0..<a.count).allSatisfy { x[$0] == y[$0] } } }
    }
}
