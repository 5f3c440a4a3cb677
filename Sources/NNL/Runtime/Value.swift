// A value holds a `Matrix`: hosts that read values (the Jupyter kernel's HTML) get the type with NNL.
@_exported import NNLMatrix
import OrderedCollections

/// Every value a program can hold. Booleans are 0/1 matrices, a scalar is 1×1.
public enum Value: Sendable {
    case matrix(Matrix)
    case string(String)
    case structure(StructValue)
    case function(FunctionValue)

    public static func scalar(_ x: Double) -> Value { .matrix(Matrix(scalar: x)) }
    public static func bool(_ b: Bool) -> Value { .scalar(b ? 1 : 0) }

    /// Octave's class name, as `class()` and `:vars` show it.
    public var className: String {
        switch self {
        case .matrix: "double"
        case .string: "char"
        case .structure: "struct"
        case .function: "function_handle"
        }
    }

    /// Rows and columns as `size` reports them (a string is 1×n, a struct or handle 1×1).
    public var shape: (rows: Int, cols: Int) {
        switch self {
        case .matrix(let m): (m.rows, m.cols)
        case .string(let s): (s.isEmpty ? 0 : 1, s.count)
        case .structure, .function: (1, 1)
        }
    }

    public var shapeText: String { "\(shape.rows)×\(shape.cols)" }

    /// Lets go of this value; a small matrix's storage is kept for the next one (`Matrix.recycle`).
    consuming func recycle() {
        if case .matrix(let m) = consume self { m.recycle() }
    }
}

/// A scalar struct with fields in the order they were first assigned.
public struct StructValue: Sendable {
    public var fields: OrderedDictionary<String, Value>
    public init(fields: OrderedDictionary<String, Value> = [:]) { self.fields = fields }
}
