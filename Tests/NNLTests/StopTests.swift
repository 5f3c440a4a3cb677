import Foundation
import NNL
import Interruption
import NNLMatrix
import Testing

/// A stop never commits a partial result: each evaluator path that reaches a kernel is stopped
/// at random moments (another thread interrupts the session, as a Jupyter interrupt does, or
/// the time limit passes) and every matrix in the workspace must then be whole. The loops keep
/// every element of W equal to every other (all start equal and each statement treats them
/// alike), so a torn matrix, some elements updated once more than the rest, shows as two values.
@Suite(.serialized) struct StopTests {
    /// 300×300: three blocks of 32 768 elements for the element-wise kernels to stop between,
    /// and products big enough for two threads.
    static let setup = "n = 300; W = ones(n); dW = ones(n) / 8; E = eye(n); V = W;"

    /// The loops, one per path into a kernel, each repeating until stopped.
    static let paths: [(name: String, loop: String)] = [
        ("in-place update", "while true, W = W - dW; end"),
        ("in-place update by a temporary", "while true, W = W + 2 * dW; end"),
        ("in-place update of a shared value", "while true, V = W; W = W - dW; end"),
        ("negation", "while true, W = -W; end"),
        ("binary", "while true, W = dW + W; end"),
        ("product", "while true, W = E * W; end"),
        ("product in place", "while true, W = W * E; end"),
        ("product with a transpose", "while true, W = W * E'; end"),
        ("reduction", "while true, W = W - sum(dW, 1) / n; end"),
        ("builtin tanh", "while true, W = tanh(W); end"),
        ("builtin exp", "while true, W = exp(-W); end"),
        ("builtin in a function", "function y = step(x)\n y = x - 1;\nend\nwhile true, W = step(W); end"),
    ]

    @Test(arguments: paths.map(\.name)) func anInterruptLeavesEveryMatrixWhole(path: String) throws {
        let loop = Self.paths.first { $0.name == path }!.loop
        var generator = SystemRandomNumberGenerator()
        for attempt in 0..<15 {
            let session = try Self.session()
            let interrupter = session.interrupter, sent = DispatchSemaphore(value: 0)
            let delay = Double.random(in: 0.001...0.04, using: &generator)
            DispatchQueue.global().asyncAfter(deadline: .now() + delay) {
                interrupter.interrupt()
                sent.signal()
            }
            let stop = Self.stopOf { () throws(RunError) in try session.run(loop) }
            sent.wait()  // (another suite's Ctrl-C may have come first): the next run starts afresh
            #expect(stop == .interrupted, "\(path), attempt \(attempt): \(String(describing: stop))")
            try Self.expectWhole(session, "\(path), attempt \(attempt) (\(delay) s)")
        }
    }

    @Test(arguments: paths.map(\.name)) func aDeadlineLeavesEveryMatrixWhole(path: String) throws {
        let loop = Self.paths.first { $0.name == path }!.loop
        for attempt in 0..<6 {
            let session = try Self.session()
            session.environment.timeLimit = Double.random(in: 0.001...0.04)
            let stop = Self.stopOf { () throws(RunError) in try session.run(loop) }
            #expect(stop == .timeLimit, "\(path), attempt \(attempt): \(String(describing: stop))")
            session.environment.timeLimit = nil
            try Self.expectWhole(session, "\(path), attempt \(attempt)")
        }
    }

    /// After a stop the session answers the next run: the stop is not left pending.
    @Test func aStoppedSessionRunsTheNextStatement() throws {
        let session = try Self.session()
        let interrupter = session.interrupter
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.02) { interrupter.interrupt() }
        #expect(Self.stopOf { () throws(RunError) in try session.run("while true, W = W - dW; end") } == .interrupted)
        try Self.retrying { () throws(RunError) in try session.run("W = W + 1;") }
        try Self.expectWhole(session, "after the stop")
    }

    /// An interrupt that ends the reading of a program (it came before the run began) is
    /// answered there: the next run does not see it again.
    @Test func anInterruptWhileReadingIsNotLeftForTheNextRun() throws {
        let session = try Self.session()
        session.interrupter.interrupt()
        let long = String(repeating: "x = 1;\n", count: 20_000)
        #expect(Self.stopOf { () throws(RunError) in try session.run(long) } == .interrupted)
        try session.run("W = W + 1;")
        try Self.expectWhole(session, "after an interrupted reading")
    }

    /// Ctrl-C reaches every session running at the time, and one that acts on it (and clears
    /// its stop) does not hide it from another.
    @Test func ctrlCStopsEverySessionRunningAndClearingOneLeavesTheOthers() throws {
        let a = try Self.session()
        final class Other: @unchecked Sendable { let session = try! StopTests.session(); var stop: Diagnostic.Stop?? }
        let other = Other(), done = DispatchSemaphore(value: 0)
        Thread {
            other.stop = Self.stopOf { () throws(RunError) in try other.session.run("while true, W = W - dW; end") }
            done.signal()
        }.start()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { StopRequest.request() }  // both running by then
        #expect(Self.stopOf { () throws(RunError) in try a.run("while true, W = W - dW; end") } == .interrupted)
        try Self.retrying { () throws(RunError) in try a.run("x = 1;") }  // a answered its Ctrl-C
        let ended = done.wait(timeout: .now() + 10) == .success
        #expect(ended, "the other session kept running after one cleared its stop")
        if !ended {
            other.session.interrupter.interrupt()
            done.wait()
        }
        #expect(other.stop == .interrupted)
        StopRequest.clear()
    }

    // MARK: - Helpers

    /// A session with W, dW, E and V.
    static func session() throws -> Session {
        let session = Session()
        try retrying { () throws(RunError) in try session.run(setup) }
        return session
    }

    /// `body`, again when a process-wide interrupt stopped it: other suites in this process send
    /// them, as Ctrl-C does, to test the line readers, and every session running then stops.
    static func retrying<T>(_ body: () throws(RunError) -> T) throws(RunError) -> T {
        for _ in 1..<5 {
            do throws(RunError) { return try body() } catch {
                if error.kind != .interrupted { throw error }
            }
        }
        return try body()
    }

    static func stopOf(_ body: () throws(RunError) -> Void) -> Diagnostic.Stop? {
        do throws(RunError) {
            try body()
            return nil
        } catch {
            return error.diagnostics.first?.stop
        }
    }

    /// Every element of each matrix equals its first: no statement was left half done.
    static func expectWhole(_ session: Session, _ context: String) throws {
        for name in ["W", "V"] {
            guard case .matrix(let m)? = session[variable: name] else {
                Issue.record("\(context): \(name) is gone")
                continue
            }
            #expect(m.rows == 300 && m.cols == 300, "\(context): \(name) is \(m.rows)×\(m.cols)")
            guard case .matrix(let differing) = try retrying { () throws(RunError) in try session.evaluate("sum(\(name)(:) ~= \(name)(1))") }, differing.scalar != 0 else { continue }
            let range = try retrying { () throws(RunError) in try session.evaluate("[min(\(name)(:)), max(\(name)(:))]") }
            Issue.record("\(context): \(differing.scalar) elements of \(name) differ from the first; it spans \(range)")
        }
    }
}

/// `Session` runs every program on a large stack itself: a host calling it from a thread with a
/// small stack (a test runner's, a server's worker) gets the "too deep" error or the answer for
/// deep recursion, never a crash. (`nnl check-lessons` crashed on a 250-deep recursion.)
@Test func deepRecursionRunsFromASmallStack() throws {
    let program = """
    function n = depth(k)
      if k == 0
        n = 0;
      else
        n = 1 + depth(k - 1);
      end
    end
    deep = depth(250);
    """
    final class Outcome: @unchecked Sendable { var deep: Value?; var tooDeep: String? }
    let outcome = Outcome(), done = DispatchSemaphore(value: 0)
    let thread = Thread {
        let session = Session()
        try? session.run(program)
        outcome.deep = session[variable: "deep"]
        do throws(RunError) { try session.run("depth(100000)") } catch { outcome.tooDeep = error.message }
        done.signal()
    }
    thread.stackSize = 512 << 10
    thread.start()
    done.wait()
    guard case .matrix(let m)? = outcome.deep else { Issue.record("no result"); return }
    #expect(m.scalar == 250)
    #expect(outcome.tooDeep?.contains("too many nested calls") == true, "\(outcome.tooDeep ?? "no error")")
}
