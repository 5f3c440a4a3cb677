// TEMPORARY until the display branch lands.
public struct DisplayOptions: Sendable { public var width = 80; public var longFormat = false; public init() {} }
public func display(name: String, value: Value, options: DisplayOptions) -> String {
    "\(name) = \(dispText(value, options: options))"
}
public func dispText(_ value: Value, options: DisplayOptions) -> String {
    switch value {
    case .matrix(let m): return m.elements.map { "\($0)" }.joined(separator: " ") + "\n"
    case .string(let s): return s + "\n"
    case .structure(let s): return "struct with \(s.fields.count) fields\n"
    case .function(let f): return f.text + "\n"
    }
}
public struct FormatError: Error { public var message: String }
public func formatPrintf(_ template: String, _ args: [Value]) throws(FormatError) -> String { template }
public func num2str(_ value: Value, precisionOrFormat: Value?) throws(FormatError) -> String { "\(value)" }
public func mat2str(_ value: Value, precision: Int = 15) -> String { "" }
