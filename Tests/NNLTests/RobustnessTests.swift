import Foundation
import NNLMatrix
import Testing
@testable import NNL

/// No input may crash or hang the interpreter: every program ends, with output or a diagnostic.
@Suite(.serialized) struct RobustnessTests {
    /// Programs whose pieces the fuzzer recombines: the golden and numpy fixture programs.
    static let corpus: [String] = {
        let root = Bundle.module.bundleURL
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        return (walker?.compactMap { $0 as? URL } ?? [])
            .filter { $0.pathExtension == "nnl" && !$0.lastPathComponent.hasPrefix("train") }
            .compactMap { try? String(contentsOf: $0, encoding: .utf8) }
            .sorted()
    }()

    @Test func theCorpusIsThere() {
        #expect(Self.corpus.count >= 20, "the golden and numpy fixture programs are missing")
    }

    static let fragments = ["(", ")", "[", "]", "{", "}", "'", "\"", ".'", ";", ",", "\n", "end", "for i = 1:3",
                            "if", "while", "function f(x)", "@(x)", ":", "X(end+1)", "1e308", "-0", "NaN", "Inf",
                            "zeros(1e9, 1e9)", "ones(-1, 2)", "x(0)", "x(1.5)", "x(1e20)", "[1 2; 3]", "1/0",
                            "repmat(1, 1e12, 1e12)", "reshape(1:6, 4, [])", "A(:, :, 2)", "p.q.r = 1", "s = 'a'", "~",
                            "...", "%{", "#", "break", "return", "np.sum(x, axis=7)", "randn(1e15)", "linspace(0, 1, 1e12)",
                            "x.^-1", "2^1e5", "[x, y] = size()", "f()", "@sin", "struct('a')", "printf(\"%*d\", 1e12, 1)"]

    /// A small deterministic generator, so a failure can be reproduced.
    struct Scramble: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func inputs(count: Int) -> [String] {
        var rng = Scramble(state: 42)
        var result: [String] = []
        for i in 0..<count {
            let base = corpus.isEmpty ? "x = 1" : corpus[i % corpus.count]
            let chars = Array(base)
            switch i % 4 {
            case 0: // truncated
                result.append(String(chars.prefix(Int.random(in: 0...chars.count, using: &rng))))
            case 1: // a fragment spliced in
                let at = Int.random(in: 0...chars.count, using: &rng)
                result.append(String(chars.prefix(at)) + fragments.randomElement(using: &rng)! + String(chars.dropFirst(at)))
            case 2: // a slice deleted
                let a = Int.random(in: 0...chars.count, using: &rng)
                let b = min(chars.count, a + Int.random(in: 0...40, using: &rng))
                result.append(String(chars.prefix(a) + chars.dropFirst(b)))
            default: // fragment soup
                result.append((0..<Int.random(in: 1...12, using: &rng)).map { _ in fragments.randomElement(using: &rng)! }.joined(separator: " "))
            }
        }
        return result
    }

    /// Builtins and operators called with empty, huge, negative or wrong arguments, one line
    /// each (`Fixtures/robustness/edge_calls.txt`): each ends quickly, with a value or an error.
    @Test func edgeCallsEndCleanly() throws {
        MemoryGate.configure(maxElements: 50_000_000, maxLiveBytes: 2 << 30)
        let url = try #require(Bundle.module.url(forResource: "Fixtures/robustness/edge_calls", withExtension: "txt"))
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            var environment = SessionEnvironment()
            environment.timeLimit = 5
            let started = Date()
            try? Session(environment).run(SourceFile(name: "edge", text: String(line)))
            #expect(Date().timeIntervalSince(started) < 5, "\(line) took too long")
        }
    }

    /// Every prefix of programs that use each statement form: input can stop anywhere.
    @Test func everyPrefixEndsCleanly() {
        let programs = [
            "function [a, b] = f(x, y)\n  a = x'; b = @(z) z.^2 + y;\nend\n[p, q] = f([1 2], 3); q(2)\n",
            "for i = 1:3\n  if i == 2, continue, elseif i > 2\n break\n else x(end+1) = i; end\nend\n",
            "s.a.b = {1}; np.sum(X, axis=1, keepdims=True); X.T; y = 'it''s' + \"a\\tb\"; %{\nc\n%}\n",
            "while true && ~false || [1 -1]' ... more\n, z = [1, 2; 3 4](2, end); end\n",
        ]
        for program in programs {
            let chars = Array(program)
            for n in 0...chars.count {
                var environment = SessionEnvironment()
                environment.timeLimit = 1
                do {
                    try Session(environment).run(SourceFile(name: "prefix", text: String(chars.prefix(n))))
                } catch {
                    #expect(!error.diagnostics.isEmpty, "prefix \(n) of \(program.debugDescription)")
                }
            }
        }
    }

    @Test func thousandsOfBrokenProgramsEndCleanly() {
        MemoryGate.configure(maxElements: 2_000_000, maxLiveBytes: 1 << 30)
        for (i, text) in Self.inputs(count: 3000).enumerated() {
            var environment = SessionEnvironment()
            environment.timeLimit = 2
            let session = Session(environment)
            let started = Date()
            let outcome: String
            do throws(RunError) {
                try session.run(SourceFile(name: "fuzz\(i)", text: text))
                outcome = "ok"
            } catch {
                outcome = error.kind == .syntax ? (error.diagnostics.isEmpty ? "empty syntax errors" : "syntax")
                                                : (error.message.isEmpty ? "empty message" : "error")
            }
            #expect(["ok", "syntax", "error"].contains(outcome), "input \(i): \(outcome)\n\(text)")
            #expect(Date().timeIntervalSince(started) < 5, "input \(i) took too long:\n\(text)")
        }
    }
}
