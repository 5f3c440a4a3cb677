// swift-tools-version: 6.2
import PackageDescription

// One build for every machine: the numeric kernels are compiled once per instruction-set level,
// from the same sources (Sources/Kernels/Shared, linked into each level's directory), and
// NNLMatrix picks one level at start-up by CPU feature (NNL_CPU=baseline|avx2|avx512 forces one).
// Each level's flags name exactly the features its dispatch check requires.
#if arch(x86_64)
// `fma`: the level has fused multiply-adds (NNL_FMA; arm64 always has them).
let kernelLevels: [(name: String, flags: [String], fma: Bool)] = [
    ("KernelsBaseline", [], false),
    ("KernelsAVX2", ["-Xcc", "-mavx2", "-Xcc", "-mfma"], true),
    ("KernelsAVX512", ["-Xcc", "-mavx2", "-Xcc", "-mfma", "-Xcc", "-mavx512f", "-Xcc", "-mavx512dq",
                       "-Xcc", "-mavx512vl", "-Xcc", "-mavx512bw"], true),
]
#else
let kernelLevels: [(name: String, flags: [String], fma: Bool)] = [("KernelsBaseline", [], true)]  // NEON is arm64's baseline
#endif
// Release builds only: debug builds and `swift test` keep every check, so an overlapping access
// or a failed assert shows up in the tests, never silently in a learner's build.
let release = BuildSettingCondition.when(configuration: .release)
// Dynamic exclusivity checks (a runtime call on every access to a class's stored property:
// frames, the interpreter's state, matrix storage) cost about 5 % of the training loop. The
// static checks stay; the tests run with the dynamic ones too.
let fastAccess: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], release)]
// Only the SIMD kernel levels are `-O` in debug builds too: at `-Onone` their lane-generic code
// is ~35× slower (the course's training loop: 0.26 s → 9 s per 1000 iterations), which would
// put the tests' training runs past their time limits. They hold no checks to lose: Matrix,
// `-Onone` in debug, checks its bounds with preconditions before calling them.
let kernelsOptimised: [SwiftSetting] = [.unsafeFlags(["-O"])]
// Start-up (`nnl -e 1`) on Linux release builds: the command links the Swift runtime and
// Foundation statically (the loader no longer maps and relocates a dozen shared libraries), drops
// unreferenced sections, packs its ~77 000 relative relocations (DT_RELR: 1.8 MB of RELA entries
// that were read at every start become 15 kB), and exports no symbols it need not. Together:
// ~22 ms and 21 MB peak before, ~10 ms and 14 MB after. The compiler gets `-static-stdlib` too,
// so that it reads the static Foundation module, whose autolink entries name the libraries
// Foundation itself needs (ICU, C++). Debug builds and tests keep shared libraries (faster links).
let staticRelease = BuildSettingCondition.when(platforms: [.linux], configuration: .release)
let staticReleaseCompile: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], staticRelease)]
let staticReleaseLink: [LinkerSetting] = [.unsafeFlags([
    "-static-stdlib", "-use-ld=lld",
    "-Xlinker", "--gc-sections",
    "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
    "-Xlinker", "--no-export-dynamic",
], staticRelease)]

let package = Package(
    name: "nnl",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "nnl", targets: ["nnl"]),
        .library(name: "NNL", targets: ["NNL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // The process-wide stop signal: Ctrl-C, interrupts and deadlines; kernels and the evaluator poll it.
        .target(name: "Interruption", exclude: ["README.md"]),
        // Matrices: storage, the allocation gate, and SIMD kernels. Knows nothing of the language.
        // What every kernel level implements: the operations, operand layouts and the kernel protocol.
        .target(name: "KernelInterface", exclude: ["README.md"], swiftSettings: fastAccess),
        // Matrices: storage, the allocation gate, kernel dispatch. Knows nothing of the language.
        .target(name: "NNLMatrix", dependencies: ["Interruption", "KernelInterface", "CPUFeatures", "ThreadLocal"] + kernelLevels.map { .target(name: $0.name) },
                exclude: ["README.md"], swiftSettings: fastAccess),
        // Which instruction sets this CPU (and its OS) supports; cpuid is not reachable from Swift.
        .target(name: "CPUFeatures", exclude: ["README.md"]),
        // A thread-local pointer (the storage pool's shelves), which Swift cannot declare.
        .target(name: "ThreadLocal", exclude: ["README.md"]),
        // The language: syntax, runtime, builtins, diagnostics, display.
        .target(name: "NNL", dependencies: [
            "NNLMatrix", "Interruption",
            .product(name: "OrderedCollections", package: "swift-collections"),
        ], exclude: ["README.md", "Repair/README.md"], swiftSettings: fastAccess),
        // Lessons and the autograder, both built on cells of .nnl files.
        .target(name: "NNLLessons", dependencies: ["NNL", "NNLMatrix"], exclude: ["README.md"]),
        .target(name: "NNLGrader", dependencies: ["NNL", "NNLLessons"], exclude: ["README.md"]),
        // GNU readline, behind a small protocol so pipes never touch it.
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .target(name: "LineEditor", dependencies: ["CReadline", "Interruption", "NNL"], exclude: ["README.md"]),
        // The REPL's logic (its commands, showing results, :export), testable without a terminal.
        .target(name: "NNLREPL", dependencies: ["NNL", "NNLLessons", "LineEditor"], exclude: ["README.md"]),
        // The Jupyter kernel: ZMTP over POSIX sockets, the wire format, the message handlers.
        .target(name: "NNLJupyter", dependencies: [
            "NNL", .product(name: "Crypto", package: "swift-crypto"),
        ], exclude: ["README.md"]),
        // The command line.
        .executableTarget(name: "nnl", dependencies: [
            "NNL", "NNLMatrix", "NNLLessons", "NNLGrader", "LineEditor", "NNLREPL", "NNLJupyter",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], exclude: ["README.md"], swiftSettings: staticReleaseCompile, linkerSettings: staticReleaseLink),
        .testTarget(name: "NNLMatrixTests", dependencies: ["NNLMatrix", "Interruption"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NNLTests", dependencies: ["NNL"], resources: [.copy("Fixtures"), .copy("Golden")]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        .testTarget(name: "NNLLessonsTests", dependencies: ["NNLLessons"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NNLGraderTests", dependencies: ["NNLGrader"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NNLREPLTests", dependencies: ["NNLREPL", "NNL", "LineEditor"]),
        .testTarget(name: "NNLJupyterTests", dependencies: ["NNLJupyter", "NNL"]),
    ] + kernelLevels.map { level in
        // The SIMD kernels for one instruction-set level.
        .target(name: level.name, dependencies: ["KernelInterface", "Interruption"], path: "Sources/Kernels/\(level.name)",
                swiftSettings: fastAccess + kernelsOptimised + [.unsafeFlags(level.flags)] + (level.fma ? [.define("NNL_FMA")] : []))
    }
)
