/// Octave's `printf_value_cache`: the arguments, flattened column-major, handed out one
/// conversion at a time. `%s` takes the rest of a string whole; other conversions take
/// one character (as its code) or one number.
struct PrintfArguments {
    enum Item {
        case text(String)
        case number(Double)
        /// An empty argument: it consumes a conversion and prints nothing.
        case empty
    }

    private enum Argument {
        case chars([Unicode.Scalar])
        case numbers([Double])

        var count: Int {
            switch self {
            case .chars(let c): c.count
            case .numbers(let n): n.count
            }
        }
    }

    private let arguments: [Argument]
    private var argument = 0
    private var element = 0

    init(_ values: [Value]) throws(FormatError) {
        var arguments: [Argument] = []
        for value in values {
            switch value {
            case .matrix(let m): arguments.append(.numbers(m.elements))
            case .string(let s): arguments.append(.chars(Array(s.unicodeScalars)))
            case .structure, .function:
                throw FormatError(message: "wrong type argument '\(value.className)'")
            }
        }
        self.arguments = arguments
    }

    var exhausted: Bool { argument >= arguments.count }

    /// The next item for a conversion of `type`, or nil once every argument is used.
    mutating func next(for type: Character) -> Item? {
        guard !exhausted else { return nil }
        let current = arguments[argument]
        guard element < current.count else {
            argument += 1
            return type == "s" || type == "c" ? .text("") : .empty
        }
        let item = take(from: current, for: type)
        if element >= current.count { argument += 1; element = 0 }
        return item
    }

    /// The value of a `*` width or precision: a whole number in 0...Int32.max.
    mutating func nextCount() throws(FormatError) -> Int {
        guard case .number(let x)? = next(for: "d"), x >= 0, x <= Double(Int32.max), x.rounded() == x else {
            throw FormatError(message: "invalid field width, must be integer >= 0 and <= INT_MAX")
        }
        return Int(x)
    }

    private mutating func take(from argument: Argument, for type: Character) -> Item {
        switch argument {
        case .chars(let chars) where type == "s":
            defer { element = chars.count }
            return .text(String(String.UnicodeScalarView(chars[element...])))
        case .chars(let chars):
            defer { element += 1 }
            return type == "c" ? .text(String(chars[element])) : .number(Double(chars[element].value))
        case .numbers(let numbers) where type == "s":
            // Octave prints a run of whole numbers in 0...255 as the characters they code.
            let run = numbers[element...].prefix { isCharCode($0) }
            guard !run.isEmpty else { defer { element += 1 }; return .number(numbers[element]) }
            element += run.count
            return .text(String(String.UnicodeScalarView(run.map { Unicode.Scalar(UInt8($0)) })))
        case .numbers(let numbers):
            defer { element += 1 }
            let x = numbers[element]
            return type == "c" && isCharCode(x) ? .text(String(Unicode.Scalar(UInt8(x)))) : .number(x)
        }
    }

    private func isCharCode(_ x: Double) -> Bool { x >= 0 && x <= 255 && x.rounded() == x }
}
