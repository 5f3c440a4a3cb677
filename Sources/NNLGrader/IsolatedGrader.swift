import Foundation

/// Grades a submission in a child process (`nnl grade-worker`), so nothing it does — a
/// crash, a stack overflow, memory exhaustion, a builtin that never returns — reaches the
/// grader. Each phase (the submission's run, each test) must report within its time limit
/// plus a margin, or the child is killed; a new child then goes on from the next test.
public struct IsolatedGrader: Sendable {
    /// The `nnl` program to run as the worker.
    public var executable: URL
    public var suite: TestSuite
    public var timeout: Double
    /// Seconds a phase may overrun its own time limit before the worker is killed.
    public var margin: Double = 3

    public init(executable: URL, suite: TestSuite, timeout: Double = 10) {
        self.executable = executable
        self.suite = suite
        self.timeout = timeout
    }

    /// Grades `path` (shown as `name`) with `root` as the only folder it may use.
    ///
    /// One rule for a top level that overruns: the tests still run, with the submission's
    /// functions. The interpreter stops a slow loop at the time limit and goes on to the tests;
    /// a builtin that outlasts the limit gets the worker killed, and the next worker runs only
    /// the submission's function definitions (so without the variables its top level set).
    public func grade(_ path: String, name: String, root: URL) -> GradeResult {
        let started = Date()
        var run: SubmissionRun?
        var results: [TestResult] = []
        var next = 1
        var topLevel = true
        while run == nil || next <= suite.tests.count {
            let testLimit = { next <= suite.tests.count ? suite.tests[next - 1].timeout ?? timeout : timeout }
            let ended = runWorker(path, name: name, root: root, firstTest: next, topLevel: topLevel, testLimit: testLimit) { event in
                switch event {
                case .submission(let r): if run == nil { run = r }
                case .test(let t): results.append(t); next = t.number + 1
                }
            }
            let finished = run != nil && next > suite.tests.count
            guard let ending = ended ?? (finished ? nil : WorkerEnding("could not be graded: the grading worker stopped early", .crash, inTopLevel: false)) else { continue }
            if ending.inTopLevel && topLevel {
                // Its top level took the worker down (first run, or again when a later worker re-ran it).
                if run == nil {
                    run = SubmissionRun(output: "", error: "the submission \(ending.reason); the tests run with its functions only",
                                        parsed: true, stop: ending.stop)
                }
                topLevel = false
                continue
            }
            if run == nil {
                run = SubmissionRun(output: "", error: "the submission \(ending.reason)", parsed: true, stop: ending.stop)
                results += suite.tests.filter { $0.number >= next }.map { .notRun($0, because: "not run: the submission \(ending.reason)") }
                break
            }
            if next <= suite.tests.count {
                results.append(.notRun(suite.tests[next - 1], because: "the test \(ending.reason)", stop: ending.stop))
                next += 1
            }
        }
        let score = results.reduce(0) { $0 + $1.score }
        return GradeResult(submission: name, score: score, maxScore: suite.maxScore,
                           executionTime: Date().timeIntervalSince(started), run: run!, tests: results)
    }

    /// Why a worker ended early, and whether it was still in the submission's top level.
    private struct WorkerEnding {
        var reason: String
        var stop: Stop
        var inTopLevel: Bool
        init(_ reason: String, _ stop: Stop, inTopLevel: Bool) {
            (self.reason, self.stop, self.inTopLevel) = (reason, stop, inTopLevel)
        }
    }

    /// Runs one worker until it ends; returns why it ended early, or nil when it finished.
    /// Until it reports the submission's run it has the submission's time limit (every worker
    /// runs the top level again, on its own time, not the test's); then `testLimit`.
    private func runWorker(_ path: String, name: String, root: URL, firstTest: Int, topLevel: Bool, testLimit: () -> Double,
                           _ handle: (WorkerEvent) -> Void) -> WorkerEnding? {
        let process = Process()
        process.executableURL = executable
        // The name traces show: a line break in it would forge lines of the text report.
        process.arguments = ["grade-worker", path, "--name", TextReport.name(name), "--tests", suite.file, "--root", root.path,
                             "--timeout", String(timeout), "--first", String(firstTest)] + (topLevel ? [] : ["--functions-only"])
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"  // a crash should end fast, not print pages
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            return WorkerEnding("could not be graded: cannot start \(executable.path) (\(error.localizedDescription))", .crash, inTopLevel: false)
        }
        pipe.fileHandleForWriting.closeFile()
        let lines = LineChannel(reading: pipe.fileHandleForReading)
        let decoder = JSONDecoder()
        var inTopLevel = true
        while true {
            let seconds = inTopLevel ? timeout : testLimit()
            switch lines.next(before: Date(timeIntervalSinceNow: seconds + margin)) {
            case .line(let line):
                guard let event = try? decoder.decode(WorkerEvent.self, from: Data(line.utf8)) else { continue }
                if case .submission = event { inTopLevel = false }
                handle(event)
            case .closed:
                process.waitUntilExit()
                return ending(process).map { WorkerEnding($0.0, $0.1, inTopLevel: inTopLevel) }
            case .timedOut:
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return WorkerEnding("ran longer than the time limit (\(SubmissionGrader.seconds(seconds))) and was stopped", .timeout, inTopLevel: inTopLevel)
            }
        }
    }

    /// Why a worker that closed its output ended, or nil for a clean exit.
    private func ending(_ process: Process) -> (String, Stop)? {
        let status = process.terminationStatus
        if process.terminationReason == .exit {
            return status == 0 ? nil : ("could not be graded: the grading worker failed (exit status \(status))", .crash)
        }
        return (crash(status), .crash)
    }

    private func crash(_ status: Int32) -> String {
        switch status {
        case SIGSEGV, SIGBUS: return "crashed nnl (signal \(status)): a very deep recursion can do this"
        case SIGKILL: return "was killed by the system (signal 9): it probably used too much memory"
        case SIGABRT, SIGTRAP, SIGILL: return "crashed nnl (signal \(status)): running out of memory can do this"
        default: return "crashed nnl (signal \(status))"
        }
    }
}
