/// A program's text with its name, kept so errors can quote the offending line.
public final class SourceFile: Sendable {
    public let name: String
    public let text: String
    /// Lines without their terminators; line 1 is `lines[0]`.
    public let lines: [Substring]
    /// The line number of the text's first line: a lesson cell keeps its place in its file.
    public let firstLine: Int

    public init(name: String, text: String, firstLine: Int = 1) {
        self.name = name
        self.text = text
        self.firstLine = firstLine
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    public func line(_ n: Int) -> Substring? {
        let i = n - firstLine
        return i >= 0 && i < lines.count ? lines[i] : nil
    }
}

/// Where a token or node stands: 1-based line and column (in characters), and its length.
public struct SourceRange: Sendable, Equatable {
    public var file: SourceFile?
    public var line: Int
    public var column: Int
    public var length: Int

    public init(file: SourceFile?, line: Int, column: Int, length: Int) {
        self.file = file
        self.line = line
        self.column = column
        self.length = max(length, 1)
    }

    public static let unknown = SourceRange(file: nil, line: 0, column: 0, length: 1)

    /// From the start of `self` to the end of `other` when both are on one line.
    public func through(_ other: SourceRange) -> SourceRange {
        guard other.line == line, other.column + other.length >= column else { return self }
        return SourceRange(file: file, line: line, column: column, length: other.column + other.length - column)
    }

    /// The text it covers, on its line.
    public var text: String? {
        guard let line = file?.line(line) else { return nil }
        return String(line.dropFirst(column - 1).prefix(length))
    }

    public static func == (a: SourceRange, b: SourceRange) -> Bool {
        a.file === b.file && a.line == b.line && a.column == b.column && a.length == b.length
    }
}
