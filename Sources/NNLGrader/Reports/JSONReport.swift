import Foundation

/// nnl's own JSON: one `GradeResult` object for a submission, an array for a folder (even a
/// folder of one, so a script reads every folder the same way).
/// Keys are snake_case; the schema is documented in lessons/homework/README.md.
enum JSONReport {
    static func render(_ results: [GradeResult], asArray: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = results.count == 1 && !asArray ? try encoder.encode(results[0]) : try encoder.encode(results)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
