import ArgumentParser
import Foundation
import NNL
import NNLGrader
import NNLMatrix

/// `nnl grade-worker`: the child process `nnl grade` runs for each submission. It grades
/// in-process and writes one JSON line per event to standard output.
struct GradeWorker: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grade-worker", shouldDisplay: false)

    @Argument var submission: String
    @Option var name: String
    @Option var tests: String
    @Option var root: String
    @Option var timeout: Double
    @Option var first: Int = 1
    /// Run only the submission's function definitions: its top level took a worker down before.
    @Flag var functionsOnly = false

    /// Any one matrix, and all live matrices together, stay far below a machine's memory.
    static let maxElements = 25_000_000
    static let maxLiveBytes = 1 << 30
    /// Everything else a program can grow (strings, structs) stops at this much address space:
    /// past it the worker dies, and the grader reports that test as a crash.
    static let maxAddressSpace = 4 << 30

    func validate() throws {
        guard timeout.isFinite, timeout > 0, first >= 1 else { throw ValidationError("a positive --timeout and a --first of 1 or more") }
    }

    func run() throws {
        MemoryGate.configure(maxElements: Self.maxElements, maxLiveBytes: Self.maxLiveBytes)
        limitAddressSpace(to: Self.maxAddressSpace)
        let suite = try TestSuite.load(path: tests)
        let text = FileManager.default.contents(atPath: submission).map(SourceText.decoding) ?? ""
        let grader = SubmissionGrader(suite: suite, timeout: timeout, root: URL(fileURLWithPath: root))
        let encoder = JSONEncoder()
        let (name, first, topLevel) = (name, first, !functionsOnly)
        grader.grade(submission: name, text: text, firstTest: first, topLevel: topLevel) { event in
            guard let data = try? encoder.encode(event) else { return }
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }
}

private func limitAddressSpace(to bytes: Int) {
    var limit = rlimit(rlim_cur: rlim_t(bytes), rlim_max: rlim_t(bytes))
    #if os(Linux)
    setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
    #else
    setrlimit(RLIMIT_AS, &limit)
    #endif
}
