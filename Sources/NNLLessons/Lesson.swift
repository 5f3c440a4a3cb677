import Foundation

/// A lesson file, parsed: its cells and what its first cell's `%@` metadata says.
///
///     %% Forward propagation
///     %@ title: Forward propagation
///     %@ order: 7
///     %@ needs: 06-cost
public struct Lesson: Sendable {
    /// The file name without `.nnl`: progress is kept under this name.
    public var name: String
    public var path: String
    public var title: String
    public var order: Int
    public var needs: [String]
    public var cells: [Cell]
    /// A hash of the text: progress saved against another version is set aside.
    public var version: String

    public init(text: String, path: String) throws(CellParser.FormatError) {
        self.path = path
        name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        cells = try CellParser.parse(text, file: path)
        let metadata = cells.first?.metadata ?? [:]
        title = metadata["title"] ?? cells.first(where: { !$0.title.isEmpty })?.title ?? name
        order = metadata["order"].flatMap { Int($0) } ?? Int(name.prefix(while: \.isNumber)) ?? Int.max
        needs = metadata["needs"].map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        version = fnv1a(text)
    }

    public static func load(path: String) throws -> Lesson {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CellParser.FormatError(file: path, line: 0, message: "cannot read the file")
        }
        return try Lesson(text: String(decoding: data, as: UTF8.self), path: path)
    }

    public var exerciseCount: Int { cells.count(where: \.isExercise) }
}

/// FNV-1a, 64 bits, as hex: stable across runs (Swift's `Hasher` is seeded per process).
func fnv1a(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x100_0000_01b3
    }
    return String(hash, radix: 16)
}
