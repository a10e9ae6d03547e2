// swift-tools-version: 5.4
// libFuzzer harnesses for dlmscope, one executable per decoding layer (see ../FUZZING.md).
//
// Built apart from the main package (its own .build inside Fuzz/) with
//   swift build -c release --package-path Fuzz \
//       -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// and run by ../Scripts/fuzz.
import PackageDescription

// Tools version 5.4 on purpose: from 5.5 on, SwiftPM renames an executable's entry point
// (`<module>_main`, for testable executables) and links it as `main`, which leaves nothing for
// the `-parse-as-library` harnesses to provide; libFuzzer must supply `main` itself.

/// Each harness: an executable whose only file defines `LLVMFuzzerTestOneInput`.
let harnesses = [
    "FuzzHexLog", "FuzzPcap", "FuzzTCP", "FuzzDeframer", "FuzzAPDU", "FuzzSecurity", "FuzzRender", "FuzzSession",
    "FuzzKeysFile",
]

let package = Package(
    name: "dlmscope-fuzz",
    dependencies: [
        .package(name: "dlmscope", path: ".."),
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "DLMScope", package: "dlmscope")]
        ),
    ] + harnesses.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "DLMScope", package: "dlmscope")]
        )
    }
)
