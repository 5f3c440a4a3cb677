import ArgumentParser
import Foundation
import NNLGrader

extension ReportFormat: ExpressibleByArgument {}

/// `nnl grade`: grades one submission or a folder of them against a teacher's test file.
/// Always exits 0 with its report written, whatever the submissions do; 2 when the test
/// file is missing or malformed.
struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Grade homework against a test file (text, JSON, Gradescope, JUnit, CSV).",
        discussion: """
        Each submission runs in a separate process with a time limit, memory caps and no
        file access outside its folder; each test starts from a fresh copy of the workspace
        the submission left. See lessons/homework/README.md.
        """)

    @Argument(help: "A submission (.nnl), or a folder of submissions.")
    var submission: String

    @Option(help: "The test file: cells `%% NAME [points=N] [hidden] [partial]` with check(...) lines.")
    var tests: String

    @Option(help: "Report format: text, json, gradescope or junit.")
    var format: ReportFormat = .text

    @Option(help: "Write the report to FILE instead of standard output.")
    var out: String?

    @Option(help: "For a folder: write one row per submission to FILE.")
    var csv: String?

    @Option(help: "Seconds for the submission's own run and for each test.")
    var timeout: Double = 10

    @Option(help: "Submissions graded at once (default: one per core).")
    var jobs: Int?

    @Flag(help: "Show hidden tests' details in text, JSON and JUnit reports (for teachers).")
    var revealHidden = false

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() throws {
        let suite: TestSuite
        do { suite = try TestSuite.load(path: tests) } catch {
            printError("nnl grade: \(error.description)\n")
            throw ExitCode(2)
        }
        let grader = IsolatedGrader(executable: workerExecutable, suite: suite, timeout: timeout)
        let batch = BatchGrader(grader: grader, parallelism: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        var isFolder: ObjCBool = false
        let results: [GradeResult]
        if FileManager.default.fileExists(atPath: submission, isDirectory: &isFolder), isFolder.boolValue {
            if format == .gradescope {
                printError("nnl grade: Gradescope's results.json is for one submission; give a file, not a folder\n")
                throw ExitCode(2)
            }
            results = batch.grade(submissions(in: submission, except: tests))
        } else {
            results = [gradeOne(submission, grader: grader, batch: batch)]
        }
        if let csv { write(CSVReport.render(results, suite: suite), to: csv) }
        if csv == nil || out != nil || format != .text {
            let shown = revealHidden || format == .gradescope ? results : results.map { $0.redactingHidden() }
            write((try? format.render(shown)) ?? "nnl grade: could not encode the report\n", to: out)
        }
    }

    /// One submission, rooted at its own folder unless the tests live there too.
    private func gradeOne(_ path: String, grader: IsolatedGrader, batch: BatchGrader) -> GradeResult {
        let file = URL(fileURLWithPath: path).standardizedFileURL
        let folder = file.deletingLastPathComponent().resolvingSymlinksInPath().path
        let testsPath = URL(fileURLWithPath: tests).standardizedFileURL.resolvingSymlinksInPath().path
        if testsPath.hasPrefix(folder + "/") { return batch.gradePrivately(path) }
        guard FileManager.default.isReadableFile(atPath: path) else {
            return batch.gradePrivately(path)  // reports the unreadable file as a result
        }
        return grader.grade(path, name: path, root: URL(fileURLWithPath: folder))
    }

    private func submissions(in folder: String, except tests: String) -> [String] {
        let testsPath = URL(fileURLWithPath: tests).standardizedFileURL.path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".nnl") }.sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
            .filter { URL(fileURLWithPath: $0).standardizedFileURL.path != testsPath }
    }

    private func write(_ text: String, to path: String?) {
        guard let path else { return print(text, terminator: "") }
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            printError("nnl grade: cannot write \(path): \(error.localizedDescription)\n")
        }
    }

    /// This very program, run again as the worker.
    private var workerExecutable: URL {
        Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }
}
