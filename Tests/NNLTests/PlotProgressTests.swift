import Foundation
import Testing
@testable import NNL

/// A clock the test moves by hand.
private final class FakeClock: @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 0)
}

@Test func progressLineShowsCountRateAndTimeLeft() {
    let line = TerminalProgressBar.line(done: 5000, total: 10000, elapsed: 2, width: 60)
    #expect(line == "▕█████████████▌             ▏ 5000/10000  2500 it/s  ETA 2s")
    #expect(TerminalProgressBar.line(done: 1, total: 100000, elapsed: 1, width: 20) == "1/100000  1 it/s  ETA 27h46m")
}

@Test func progressBarAppearsAfterASecondAndErasesItself() throws {
    let clock = FakeClock()
    var written = ""
    let bar = TerminalProgressBar(width: 60, write: { written += $0 }, now: { clock.now })
    var environment = SessionEnvironment()
    environment.progress = bar
    let session = Session(environment)
    try session.run("for i = 1:100\n end")
    #expect(written.isEmpty, "short loops show nothing")
    session.environment.progress = StepClock(bar: bar, clock: clock)
    try session.run("for i = 1:3000\n end")
    #expect(written.contains("/3000"))
    #expect(written.hasSuffix("\r\u{1B}[K"), "the bar is erased at the end")
    written = ""
    try session.run("progress(false); for i = 1:3000\n end")
    #expect(written.isEmpty)
}

/// Moves the clock half a second at every report, then passes the report on.
private final class StepClock: LoopProgressReporter {
    let bar: TerminalProgressBar
    let clock: FakeClock
    init(bar: TerminalProgressBar, clock: FakeClock) { self.bar = bar; self.clock = clock }
    func loopStarted(iterations: Int) { bar.loopStarted(iterations: iterations) }
    func loopAdvanced(done: Int) { clock.now += 0.5; bar.loopAdvanced(done: done) }
    func loopEnded() { bar.loopEnded() }
}
