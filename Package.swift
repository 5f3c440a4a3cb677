// swift-tools-version: 6.0
import PackageDescription

// The numeric kernels are compiled for the build machine's CPU (AVX2/AVX-512 where present):
// nnl is built from source where it runs, and the SIMD maths is most of its speed.
// Set NNL_PORTABLE=1 to build a binary for any x86-64 / arm64 machine instead.
import Foundation
let portable = ProcessInfo.processInfo.environment["NNL_PORTABLE"] != nil
let kernelFlags: [SwiftSetting] = portable ? [] : [.unsafeFlags(["-target-cpu", "native"])]
// Dynamic exclusivity checks (a runtime call on every access to a class's stored property:
// frames, the interpreter's state, matrix storage) cost about 5 % of the training loop. The
// static checks stay; the interpreter is single-threaded and never overlaps such accesses.
let fastAccess: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
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
        .target(name: "NNLMatrix", dependencies: ["Interruption"], exclude: ["README.md"], swiftSettings: kernelFlags + fastAccess + [.unsafeFlags(["-O"])]),
        // The language: syntax, runtime, builtins, diagnostics, display.
        .target(name: "NNL", dependencies: [
            "NNLMatrix", "Interruption",
            .product(name: "OrderedCollections", package: "swift-collections"),
        ], exclude: ["README.md"], swiftSettings: fastAccess),
        // Lessons and the autograder, both built on cells of .nnl files.
        .target(name: "NNLLessons", dependencies: ["NNL", "NNLMatrix"], exclude: ["README.md"]),
        .target(name: "NNLGrader", dependencies: ["NNL", "NNLLessons"], exclude: ["README.md"]),
        // GNU readline, behind a small protocol so pipes never touch it.
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .target(name: "LineEditor", dependencies: ["CReadline", "Interruption"], exclude: ["README.md"]),
        // The REPL's logic (commands, blocks, completion), testable without a terminal.
        .target(name: "NNLREPL", dependencies: ["NNL", "NNLLessons", "LineEditor"], exclude: ["README.md"]),
        // The Jupyter kernel: ZMTP over POSIX sockets, the wire format, the message handlers.
        .target(name: "NNLKernel", dependencies: [
            "NNL", "NNLMatrix", "NNLREPL", "LineEditor", "Interruption",
            .product(name: "Crypto", package: "swift-crypto"),
        ], exclude: ["README.md"]),
        // The command line.
        .executableTarget(name: "nnl", dependencies: [
            "NNL", "NNLLessons", "NNLGrader", "LineEditor", "NNLREPL", "NNLKernel",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], exclude: ["README.md"], swiftSettings: staticReleaseCompile, linkerSettings: staticReleaseLink),
        .testTarget(name: "NNLMatrixTests", dependencies: ["NNLMatrix"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NNLTests", dependencies: ["NNL"], resources: [.copy("Fixtures"), .copy("Golden")]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        .testTarget(name: "NNLLessonsTests", dependencies: ["NNLLessons"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NNLGraderTests", dependencies: ["NNLGrader"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NNLREPLTests", dependencies: ["NNLREPL", "NNL", "LineEditor"]),
        .testTarget(name: "NNLKernelTests", dependencies: ["NNLKernel", "NNL"]),
    ]
)
