import Foundation
import Testing
@testable import NNL
import NNLMatrix

/// Windows (`\r\n`) and old Mac (`\r`) line ends and a byte-order mark read as the author meant.
@Suite struct SourceTextTests {
    @Test(arguments: ["\r\n", "\r", "\n"])
    func lineEndsAllMeanNewline(_ end: String) throws {
        let text = ["% a comment first", "x = 1 + ...", "  2;", "y = x * 3"].joined(separator: end) + end
        let session = Session()
        try session.run(text, name: "crlf.nnl")
        #expect(number(session, "y") == 9)
        #expect(SourceFile(name: "f", text: text).lines.count == 5)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let session = Session()
        try session.run("\u{FEFF}z = 4;\r\n", name: "bom.nnl")
        #expect(number(session, "z") == 4)
        #expect(SourceText.decoding(Array("\u{FEFF}a\r\nb\rc\n".utf8)) == "a\nb\nc\n")
    }

    @Test func errorsQuoteTheLineWithoutItsCarriageReturn() {
        #expect(throws: SyntaxErrors.self) { try Parser.parse(SourceFile(name: "f", text: "x = 1;\r\ny = [1 2\r\n")) }
        #expect(SourceFile(name: "f", text: "x = 1;\r\ny = [1 2\r\n").line(2) == "y = [1 2")
    }

    @Test func loadReadsWindowsFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-crlf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "\u{FEFF}1,2\r\n3,4\r\n".write(to: folder.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        try "# name: w\r\n# type: matrix\r\n# rows: 1\r\n# columns: 2\r\n 5 6\r\n".write(to: folder.appendingPathComponent("w.txt"), atomically: true, encoding: .utf8)
        var environment = SessionEnvironment()
        environment.files.root = folder
        let session = Session(environment)
        try session.run("m = load(\"m.csv\"); load(\"w.txt\"); ok = isequal(m, [1 2; 3 4]) && isequal(w, [5 6]);")
        #expect(number(session, "ok") == 1)
    }
}

private func number(_ session: Session, _ name: String) -> Double? {
    guard case .matrix(let m) = session[variable: name], m.count == 1 else { return nil }
    return m.scalar
}
