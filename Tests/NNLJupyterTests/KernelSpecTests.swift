import Foundation
import Testing
@testable import NNLJupyter

@Suite struct KernelSpecTests {
    @Test func kernelJSONStartsThisBinaryWithInterruptsAsMessages() throws {
        let text = KernelSpec.json(executable: "/opt/nnl/bin/nnl")
        let spec = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(spec["argv"] as? [String] == ["/opt/nnl/bin/nnl", "kernel", "-f", "{connection_file}"])
        #expect(spec["display_name"] as? String == "nnl")
        #expect(spec["language"] as? String == "nnl")
        #expect(spec["interrupt_mode"] as? String == "message")
    }

    @Test func installWritesTheSpecAndLogoUnderKernelsNnl() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("nnl-kernelspec-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let folder = try KernelSpec.install(in: data, executable: "/usr/bin/nnl",
                                            helpPage: KernelSpec.helpPage(NNLLanguage.builtinHelp))
        #expect(folder.path == data.appendingPathComponent("kernels/nnl").path)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["help.html", "kernel.json", "logo-svg.svg"])
        let help = try String(contentsOf: folder.appendingPathComponent("help.html"), encoding: .utf8)
        #expect(help.contains("<h2 id=\"tanh\">tanh</h2>"))
        #expect(!help.contains("octave.org"))
        let logo = try String(contentsOf: folder.appendingPathComponent("logo-svg.svg"), encoding: .utf8)
        #expect(logo.hasPrefix("<svg"))
    }
}
