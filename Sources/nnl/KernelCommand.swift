import ArgumentParser
import Foundation
import LineEditor
import NNLJupyter
import NNLLessons

/// The lessons' judge of answer cells, as the kernel asks for it.
extension NotebookExercises: ExerciseChecker {}

/// `nnl kernel -f FILE` runs the Jupyter kernel; `nnl kernel install` writes its kernelspec.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Run nnl as a Jupyter kernel (Jupyter starts it), or install its kernelspec.",
        discussion: "Run `nnl kernel install` once; then pick the kernel \"nnl\" in JupyterLab, Notebook, VS Code or `jupyter console --kernel nnl`.",
        subcommands: [Install.self]
    )

    @Option(name: .short, help: "The connection file Jupyter wrote for this kernel.")
    var f: String?

    @Option(help: "The largest message a client may send, in MiB; a larger one ends its connection.")
    var maxMessageMib = ZMTPLimits().maxMessageSize >> 20

    @Option(help: "Messages queued for one client that does not read before more to it are dropped.")
    var highWaterMark = ZMTPLimits().sendHighWaterMark

    func validate() throws {
        guard maxMessageMib > 0, maxMessageMib <= 1 << 20, highWaterMark > 0 else {
            throw ValidationError("--max-message-mib and --high-water-mark must be positive")
        }
    }

    func run() throws {
        guard let f else { throw ValidationError("give the connection file: nnl kernel -f FILE (Jupyter does), or run nnl kernel install") }
        guard let data = FileManager.default.contents(atPath: f) else {
            printError("nnl kernel: cannot read \(f)\n")
            throw ExitCode(1)
        }
        let kernel: JupyterKernel
        do {
            let limits = ZMTPLimits(sendHighWaterMark: highWaterMark, receiveHighWaterMark: highWaterMark,
                                    maxMessageSize: maxMessageMib << 20)
            let language = NNLLanguage(version: nnlVersion)
            language.checker = NotebookExercises()
            kernel = try JupyterKernel(connection: try ConnectionInfo(json: data), language: language, limits: limits)
        } catch {
            printError("nnl kernel: \(error)\n")
            throw ExitCode(1)
        }
        Interrupt.install()
        kernel.start()
        exitWhenOrphaned()
    }

    /// A kernel whose client died (killed, not shut down) would run for ever: when the process
    /// that started it is gone (this one is re-parented), it ends too.
    private func exitWhenOrphaned() -> Never {
        let parent = getppid()
        while getppid() == parent { sleep(1) }
        Foundation.exit(0)
    }

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Write the kernelspec \"nnl\" where Jupyter finds it (for this user by default).")

        @Flag(help: "For this user: Jupyter's user data folder (the default).")
        var user = false

        @Flag(help: "Into the active Python environment (virtualenv or conda) that runs Jupyter.")
        var sysPrefix = false

        @Option(help: "Under DIR/share/jupyter, as `jupyter kernelspec install --prefix`.")
        var prefix: String?

        func validate() throws {
            if [user, sysPrefix, prefix != nil].filter({ $0 }).count > 1 {
                throw ValidationError("give at most one of --user, --sys-prefix, --prefix")
            }
        }

        func run() throws {
            let folder = try KernelSpec.install(in: try dataDirectory(), executable: executablePath(),
                                                helpPage: KernelSpec.helpPage(NNLLanguage.builtinHelp))
            print("installed the kernelspec nnl in \(folder.path)")
        }

        private func dataDirectory() throws -> URL {
            if let prefix { return URL(fileURLWithPath: prefix).appendingPathComponent("share/jupyter") }
            if sysPrefix { return URL(fileURLWithPath: try pythonPrefix()).appendingPathComponent("share/jupyter") }
            let environment = ProcessInfo.processInfo.environment
            if let data = environment["JUPYTER_DATA_DIR"], !data.isEmpty { return URL(fileURLWithPath: data) }
            // $HOME first, as Jupyter itself looks (Foundation's home ignores it on Linux).
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
                ?? FileManager.default.homeDirectoryForCurrentUser
            #if os(macOS)
            return home.appendingPathComponent("Library/Jupyter")
            #else
            let xdg = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            return (xdg ?? home.appendingPathComponent(".local/share")).appendingPathComponent("jupyter")
            #endif
        }

        /// The environment Jupyter runs in: the active virtualenv or conda, else python3's sys.prefix.
        private func pythonPrefix() throws -> String {
            let environment = ProcessInfo.processInfo.environment
            if let prefix = environment["VIRTUAL_ENV"] ?? environment["CONDA_PREFIX"], !prefix.isEmpty { return prefix }
            let python = Process()
            python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            python.arguments = ["python3", "-c", "import sys; print(sys.prefix)"]
            let pipe = Pipe()
            python.standardOutput = pipe
            try python.run()
            python.waitUntilExit()
            let prefix = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            guard python.terminationStatus == 0, !prefix.isEmpty else {
                throw ValidationError("--sys-prefix needs python3 (or an active virtualenv) to find the environment")
            }
            return prefix
        }

        /// This binary's absolute path, so Jupyter starts the same nnl whatever its PATH.
        private func executablePath() -> String {
            #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
            #endif
            return Bundle.main.executablePath ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        }
    }
}
