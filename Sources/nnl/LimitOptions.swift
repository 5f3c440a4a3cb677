import ArgumentParser
import NNLMatrix

/// Bounds for a run, so a runaway program ends in an error instead of taking the machine.
struct LimitOptions: ParsableArguments {
    @Option(help: "Stop with an error after this many seconds.")
    var timeout: Double?

    @Option(help: "The most elements one matrix may have.")
    var maxElements: Int?

    @Option(help: "The most megabytes all matrices may hold together.")
    var maxMemory: Int?

    func apply(to runner: inout ProgramRunner) {
        MemoryGate.configure(maxElements: maxElements, maxLiveBytes: maxMemory.map { $0 << 20 })
        runner.timeout = timeout
    }
}
