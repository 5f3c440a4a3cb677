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
    public func grade(_ path: String, name: String, root: URL) -> GradeResult {
        let started = Date()
        var run: SubmissionRun?
        var results: [TestResult] = []
        var next = 1
        while run == nil || next <= suite.tests.count {
            // The limit of the phase the worker is in: the submission's run, then each test's.
            let limit = { run == nil || next > suite.tests.count ? timeout : suite.tests[next - 1].timeout ?? timeout }
            let ended = runWorker(path, name: name, root: root, firstTest: next, limit: limit) { event in
                switch event {
                case .submission(let r): if run == nil { run = r }
                case .test(let t): results.append(t); next = t.number + 1
                }
            }
            let finished = run != nil && next > suite.tests.count
            guard let (reason, stop) = ended ?? (finished ? nil : ("could not be graded: the grading worker stopped early", .crash)) else { continue }
            if run == nil {
                run = SubmissionRun(output: "", error: "the submission \(reason)", parsed: true, stop: stop)
                results += suite.tests.filter { $0.number >= next }.map { .notRun($0, because: "not run: the submission \(reason)") }
                break
            }
            if next <= suite.tests.count {
                results.append(.notRun(suite.tests[next - 1], because: "the test \(reason)", stop: stop))
                next += 1
            }
        }
        let score = results.reduce(0) { $0 + $1.score }
        return GradeResult(submission: name, score: score, maxScore: suite.maxScore,
                           executionTime: Date().timeIntervalSince(started), run: run!, tests: results)
    }

    /// Runs one worker until it ends; returns why it ended early, or nil when it finished.
    /// `limit` is the time limit of the phase the worker is in.
    private func runWorker(_ path: String, name: String, root: URL, firstTest: Int, limit: () -> Double,
                           _ handle: (WorkerEvent) -> Void) -> (String, Stop)? {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["grade-worker", path, "--name", name, "--tests", suite.file, "--root", root.path,
                             "--timeout", String(timeout), "--first", String(firstTest)]
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"  // a crash should end fast, not print pages
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return ("could not be graded: cannot start \(executable.path) (\(error.localizedDescription))", .crash) }
        pipe.fileHandleForWriting.closeFile()
        let lines = LineChannel(reading: pipe.fileHandleForReading)
        let decoder = JSONDecoder()
        while true {
            let seconds = limit()
            switch lines.next(before: Date(timeIntervalSinceNow: seconds + margin)) {
            case .line(let line):
                if let event = try? decoder.decode(WorkerEvent.self, from: Data(line.utf8)) { handle(event) }
            case .closed:
                process.waitUntilExit()
                return ending(process)
            case .timedOut:
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return ("ran longer than the time limit (\(SubmissionGrader.seconds(seconds))) and was stopped", .timeout)
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
