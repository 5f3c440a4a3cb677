import Foundation
import Synchronization

/// A program's text with its name, kept so errors can quote the offending line.
///
/// A file lives as long as something made from it: `SourceRange` refers to its file without
/// counting the reference (see there), so whatever keeps syntax or places beyond the run of
/// their text holds the file itself. The program a session runs (`Program`), a function
/// defined in the workspace (`FunctionDecl`), a handle's syntax (`AnonymousFunctionDecl`,
/// `str2func`'s text too), an error (`Diagnostic`) and a recorded check (`CheckRecord`) each
/// hold theirs (`HeldRange` for places); code that parses and evaluates text itself keeps the
/// file alive until it is done. A long REPL or kernel session, or a loop making handles from
/// text, keeps only the files its values and functions still use.
public final class SourceFile: Sendable {
    public let name: String
    public let text: String
    /// Lines without their terminators; line 1 is `lines[0]`.
    public let lines: [Substring]
    /// The line number of the text's first line: a lesson cell keeps its place in its file.
    public let firstLine: Int
    /// Different for every file the process makes: a freed file's address may be reused, so
    /// something that outlives the file without holding it (a warning given once per place)
    /// names it by this.
    let serial: Int

    /// `text` is read as `SourceText.normalized`: Windows and old Mac line ends and a
    /// byte-order mark mean what the author meant.
    public init(name: String, text: String, firstLine: Int = 1) {
        self.name = name
        self.text = SourceText.normalized(text)
        self.firstLine = firstLine
        // By bytes, not characters: a cell of megabytes is split in milliseconds.
        lines = self.text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        serial = Self.made.add(1, ordering: .relaxed).newValue
    }

    private static let made = Atomic<Int>(0)

    public func line(_ n: Int) -> Substring? {
        let i = n - firstLine
        return i >= 0 && i < lines.count ? lines[i] : nil
    }
}

/// The one rule for reading any text nnl treats as source or data (programs, lessons,
/// test files, submissions, `load`): a leading UTF-8 byte-order mark is dropped and every
/// line ends in `\n`, whether it was written `\r\n` (Windows) or `\r` (old Mac).
public enum SourceText {
    public static func normalized(_ text: String) -> String {
        let bom: Unicode.Scalar = "\u{FEFF}"
        guard text.unicodeScalars.first == bom || containsCarriageReturn(text) else { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        if scalars.first == bom { scalars = scalars.dropFirst() }
        var afterCR = false
        for s in scalars {
            if s == "\n" && afterCR { afterCR = false; continue }
            afterCR = s == "\r"
            out.append(afterCR ? "\n" : s)
        }
        return String(out)
    }

    private static func containsCarriageReturn(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, 13, bytes.count) != nil } ?? false }
    }

    /// A file's bytes as normalized text (invalid UTF-8 becomes U+FFFD).
    public static func decoding<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        normalized(String(decoding: bytes, as: UTF8.self))
    }
}

/// Where a token or node stands: 1-based line and column (in characters), and its length.
///
/// The file is not reference-counted: ranges are copied at every step of evaluation (an
/// operator's place goes with it for the error it might raise), and counting each copy, an
/// atomic operation, took a tenth of the course loop's time. Whoever keeps a range beyond the
/// run of its file holds the file (see `SourceFile`, `HeldRange`); reading `file` of a range
/// whose file is gone is a use after free.
public struct SourceRange: Sendable, Equatable {
    /// The file's address, 0 for none: an integer, since pointers are not `Sendable`. (An
    /// `unowned(unsafe)` optional reference was laid out wrongly in debug builds: iterating an
    /// array of values that held one never ended.)
    private let fileAddress: Int
    public var line: Int
    public var column: Int
    public var length: Int

    public var file: SourceFile? {
        UnsafeRawPointer(bitPattern: fileAddress).map { Unmanaged<SourceFile>.fromOpaque($0).takeUnretainedValue() }
    }

    public init(file: SourceFile?, line: Int, column: Int, length: Int) {
        fileAddress = file.map { Int(bitPattern: Unmanaged.passUnretained($0).toOpaque()) } ?? 0
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
        a.fileAddress == b.fileAddress && a.line == b.line && a.column == b.column && a.length == b.length
    }
}

/// A `SourceRange` that holds its file: a place kept after its file's run (an error quoted
/// once its cell is gone, a recorded check), where a bare range would point at freed memory.
public struct HeldRange: Sendable {
    public let range: SourceRange
    private let file: SourceFile?

    public init(_ range: SourceRange) {
        self.range = range
        file = range.file
    }
}
