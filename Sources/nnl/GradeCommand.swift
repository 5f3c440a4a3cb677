import ArgumentParser
import Foundation
import NNLGrader

extension ReportFormat: ExpressibleByArgument {}

/// `nnl grade`: grades one submission or a folder of them against a teacher's test file, or
/// checks a test file against the solution and the starter. Exits 0 with its report written,
/// whatever the submissions do; 1 below `--fail-under` or when `--check-tests` finds a test
/// that disagrees; 2 for a wrong call, a missing submission or a malformed test file.
struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade homework against a test file (text, JSON, Gradescope, JUnit, CSV).",
        usage: """
        nnl grade SUBMISSION|FOLDER --tests TESTS.nnl [--format F] [--out FILE] [--csv FILE] [--fail-under POINTS]
        nnl grade planar_classifier.nnl --tests homework      (the course's homework, tests built in)
        nnl grade --check-tests TESTS.nnl --solution SOL.nnl [--starter START.nnl] [--format text|json]
        """,
        discussion: """
        A test file is cells of code with check(COND, "message") lines:
          %% setup              runs before every test; its functions: reference.NAME
          %% NAME [points=N]    a test (1 point unless points= says otherwise)
             [partial]          each check line earns its share of the points
             [timeout=S]        the test's own time limit, in seconds
             [hidden]           details once grades are published (after_published)
             [after_due_date]   details after the due date
             [never]            details for the teacher only (Gradescope's hidden)
          %% forbid: A, B       builtins the student's code may not call
          %% require: A, B      functions the submission must define

        Each submission runs in a separate process with a time limit, memory caps, a \
        \(SubmissionGrader.diskQuota >> 20) MB quota for the files it writes and no file access outside its folder; each \
        test starts from a fresh copy of the workspace the submission left. See \
        lessons/homework/README.md.
        """)

    @Argument(help: "A submission (.nnl or .m), or a folder of them (per-student subfolders too).")
    var submission: String?

    @Option(help: "The test file (cells `%% NAME [points=N] …` with check(...) lines, below), or `homework` for the built-in homework tests.")
    var tests: String?

    @Option(help: "Report format: text, json, gradescope or junit (with --check-tests: text or json).")
    var format: ReportFormat = .text

    @Option(help: "Write the report to FILE instead of standard output (where it goes otherwise, --csv or not).")
    var out: String?

    @Option(help: "For a folder: write one row per submission to FILE.")
    var csv: String?

    @Option(parsing: .unconditional, help: "Seconds for the submission's own run and for each test (a test's [timeout=S] wins).")
    var timeout: Double = 10

    @Option(help: "Submissions graded at once (default: one per core).")
    var jobs: Int?

    @Option(name: .customLong("fail-under"), parsing: .unconditional,
            help: "Exit 1 when a submission scores below POINTS (for CI); at most the tests' points.")
    var failUnder: Double?

    @Flag(help: "Show hidden tests' details in text, JSON and JUnit reports (for teachers).")
    var revealHidden = false

    @Option(name: .customLong("check-tests"), help: "Check this test file: the solution must earn every point, the starter none.")
    var checkTests: String?

    @Option(help: "With --check-tests: the reference solution.")
    var solution: String?

    @Option(help: "With --check-tests: the starter code students get.")
    var starter: String?

    @Option(name: .customLong("mutation-budget"), help: "With --check-tests: seconds for grading mutants of the solution (0: none).")
    var mutationBudget: Double = 60

    func validate() throws {
        guard timeout.isFinite, timeout > 0, timeout <= TestSuite.maxSeconds else {
            throw ValidationError("--timeout must be a number of seconds above 0 and at most \(Int(TestSuite.maxSeconds))")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let failUnder, !failUnder.isFinite || failUnder < 0 { throw ValidationError("--fail-under must be a number of points, 0 or more") }
        guard mutationBudget.isFinite, mutationBudget >= 0 else { throw ValidationError("--mutation-budget must be a number of seconds, 0 or more") }
        if checkTests != nil {
            guard solution != nil else { throw ValidationError("--check-tests needs --solution SOL.nnl") }
            guard format == .text || format == .json else { throw ValidationError("--check-tests writes text or json, not \(format.rawValue)") }
            guard csv == nil, failUnder == nil else { throw ValidationError("--csv and --fail-under are for grading; --check-tests exits 1 when a test disagrees") }
            guard submission == nil, tests == nil else { throw ValidationError("--check-tests takes the test file itself; give no submission and no --tests") }
        } else {
            guard solution == nil, starter == nil else { throw ValidationError("--solution and --starter go with --check-tests") }
            guard submission != nil else { throw ValidationError("give a submission (a file or a folder) to grade") }
            guard tests != nil else { throw ValidationError("give the test file with --tests TESTS.nnl") }
        }
        for path in [out, csv].compactMap({ $0 }) {
            if let problem = Self.cannotWrite(path) { throw ValidationError("cannot write \(path): \(problem)") }
        }
    }

    func run() throws {
        let suite = try load(tests ?? checkTests!)
        if let failUnder, failUnder > suite.maxScore {
            printError("nnl grade: --fail-under \(points(failUnder)) is more than the \(points(suite.maxScore)) points the tests give, so every submission would fail\n")
            throw ExitCode(2)
        }
        let grader = IsolatedGrader(executable: workerExecutable, suite: suite, timeout: timeout)
        let batch = BatchGrader(grader: grader, parallelism: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        if let solution { return try check(solution: solution, suite: suite, batch: batch) }
        let (results, folder) = try grade(submission!, batch: batch, suite: suite)
        if let setup = results.lazy.flatMap(\.tests).first(where: { $0.stop == .setup })?.error {
            printError(TextReport.visible("nnl grade: warning: " + setup))
        }
        if let csv { try write(CSVReport.render(results, suite: suite), to: csv) }
        let shown = revealHidden || format == .gradescope ? results : results.map { $0.redactingHidden() }
        try write((try? format.render(shown, folder: folder)) ?? "nnl grade: could not encode the report\n", to: out)
        if folder { printError(PassRates.render(results, suite: suite)) }
        if let failUnder, let low = results.first(where: { $0.score < failUnder }) {
            printError(TextReport.visible("nnl grade: \(TextReport.name(low.submission)) scores \(points(low.score)) of \(points(low.maxScore)), below --fail-under \(points(failUnder))\n"))
            throw ExitCode(1)
        }
    }

    /// `--check-tests`: exits 1 when a test disagrees, 2 when the setup itself fails.
    private func check(solution: String, suite: TestSuite, batch: BatchGrader) throws {
        for path in [solution, starter].compactMap({ $0 }) { try requireExists(path) }
        let report = TestCheck(batch: batch).check(solution: solution, starter: starter)
        let agreed = report.disagreeing.isEmpty && report.setupError == nil
        let mutants = agreed ? checkMutants(of: solution, suite: suite, jobs: batch.parallelism) : nil
        try write(format == .json ? try report.json() : report.text + (mutants?.text ?? ""), to: out)
        if report.setupError != nil { throw ExitCode(2) }
        if !report.disagreeing.isEmpty || mutants?.holes.isEmpty == false { throw ExitCode(1) }
    }

    private func load(_ path: String) throws -> TestSuite {
        do { return try TestSuite.load(path: path) } catch {
            printError("nnl grade: \(error.description)\n")
            throw ExitCode(2)
        }
    }

    /// The results, and whether they are a folder's.
    private func grade(_ path: String, batch: BatchGrader, suite: TestSuite) throws -> ([GradeResult], Bool) {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        guard isFolder.boolValue else {
            if !exists { try requireExists(path) }
            return ([batch.gradePrivately(path)], false)
        }
        if format == .gradescope {
            printError("nnl grade: Gradescope's results.json is for one submission; give a file, not a folder\n")
            throw ExitCode(2)
        }
        let contents = SubmissionFolder(path: path, excluding: suite.isBuiltIn ? nil : suite.file)
        for item in contents.skipped { printError(TextReport.visible("nnl grade: skipped \(TextReport.name(item)) (not a .nnl or .m submission)\n")) }
        if contents.entries.isEmpty { printError(TextReport.visible("nnl grade: warning: no submissions (.nnl or .m files, or student folders) in \(TextReport.name(path))\n")) }
        return (batch.grade(contents.entries), true)
    }

    /// A link is graded as refused; a name that is nothing at all is a mistyped call.
    private func requireExists(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) || (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil else {
            printError("nnl grade: \(path): no such file\n")
            throw ExitCode(2)
        }
    }

    private func write(_ text: String, to path: String?) throws {
        guard let path else { return print(text, terminator: "") }
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            printError("nnl grade: cannot write \(path): \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
    }

    /// Why a report could not be written to `path`, found before any grading starts.
    static func cannotWrite(_ path: String) -> String? {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { return "it is a folder" }
            return fm.isWritableFile(atPath: path) ? nil : "it is not writable"
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard fm.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else { return "no such folder \(parent)" }
        return fm.isWritableFile(atPath: parent) ? nil : "the folder \(parent) is not writable"
    }

    /// This very program, run again as the worker.
    private var workerExecutable: URL {
        Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }
}
