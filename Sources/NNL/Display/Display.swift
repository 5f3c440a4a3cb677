// Display/: how values become text. Pure functions, `Value` in, `String` out; nothing prints.
// Display.swift (this file) is the entry point; NumberFormat picks one format per scalar or
// matrix; MatrixDisplay lays out rows, column blocks and elision; Printf* and Escapes give
// `formatPrintf`; Num2Str and Mat2Str their builtins; CFormat calls glibc so digits match C.
// Rules follow GNU Octave 7.3 (pr-output.cc, oct-stream.cc, num2str.m, mat2str.m); the tests'
// expected strings came from octave-cli 7.3.0.
import NNLMatrix

/// What the REPL prints after `name = value` without `;`: GNU Octave 7.3's `format short`
/// layout (blank lines included), except that a matrix's header carries its shape:
/// `Z1 = (4×400)`. Scalars, strings and empty matrices stay on one line.
public func display(name: String, value: Value, options: DisplayOptions) -> String {
    namedText(name, value, indent: 0, options: options)
}

/// Octave's `disp`: the value without its name or header; a scalar on its own line.
public func dispText(_ value: Value, options: DisplayOptions) -> String {
    switch value {
    case .matrix(let m) where m.isEmpty: emptyText(m) + "\n"
    case .matrix(let m) where m.isScalar: scalarText(m.scalar) + "\n"
    case .matrix(let m): matrixBody(m, indent: 0, options: options) + "\n"
    case .string(let s): s + "\n"
    case .function(let f): f.text + "\n"
    case .structure(let s): fieldsText(s, indent: 4, options: options)
    }
}

/// Octave's `print_with_name`, nested `indent` columns deep inside structs.
private func namedText(_ name: String, _ value: Value, indent: Int, options: DisplayOptions) -> String {
    let pad = String(repeating: " ", count: indent)
    switch value {
    case .matrix(let m) where m.isEmpty:
        return "\(pad)\(name) = \(emptyText(m))\n"
    case .matrix(let m) where m.isScalar:
        return "\(pad)\(name) = \(scalarText(m.scalar))\n"
    case .matrix(let m):
        return "\(pad)\(name) = (\(m.rows)×\(m.cols))\n\n" + matrixBody(m, indent: indent, options: options) + "\n\n"
    case .string(let s):
        return "\(pad)\(name) = \(s)\n"
    case .function(let f) where f.isNamed:
        return "\(pad)\(name) = \(f.text)\n"
    case .function(let f):
        // Octave prints an anonymous function's text unindented, even inside a struct.
        return "\(pad)\(name) =\n\n\(f.text)\n\n"
    case .structure(let s):
        return "\(pad)\(name) =\n\n\(pad)  scalar structure containing the fields:\n\n"
            + fieldsText(s, indent: indent + 4, options: options) + "\n"
    }
}

private func fieldsText(_ s: StructValue, indent: Int, options: DisplayOptions) -> String {
    s.fields.map { namedText($0.key, $0.value, indent: indent, options: options) }.joined()
}

private func scalarText(_ x: Double) -> String { NumberFormat.scalar(x).format(x) }

/// `[](0×3)`: Octave's print_empty_dimensions, with the shape's × sign.
private func emptyText(_ m: Matrix) -> String { "[](\(m.rows)×\(m.cols))" }

private extension FunctionValue {
    /// `@sin` shows on one line (`g = @sin`), as in Octave.
    var isNamed: Bool { !text.hasPrefix("@(") }
}
