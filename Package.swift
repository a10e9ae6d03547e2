// swift-tools-version: 6.2
// dlmscope: an offline DLMS/COSEM protocol analyzer.
//
// The pipeline is visible in the target list, in the order data flows:
// Capture -> Transport -> (Framing -> APDU -> Security) -> Analysis -> Output.
// Each module imports only modules listed before it (see DESIGN.md).
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "dlmscope",
    products: [
        .executable(name: "dlmscope", targets: ["dlmscope"]),
        .library(name: "DLMScope", targets: ["DLMSAnalysis", "DLMSOutput"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: C libraries (only DLMSCapture imports libpcap, only DLMSSecurity imports libcrypto)
        .systemLibrary(
            name: "CDLMSPcap",
            pkgConfig: "libpcap",
            providers: [.apt(["libpcap-dev"])]
        ),
        .systemLibrary(
            name: "CDLMSOpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),

        // MARK: Pipeline
        .target(name: "DLMSCore", swiftSettings: swiftSettings),
        .target(name: "DLMSCapture", dependencies: ["DLMSCore", "CDLMSPcap"], swiftSettings: swiftSettings),
        .target(name: "DLMSTransport", dependencies: ["DLMSCore"], swiftSettings: swiftSettings),
        .target(name: "DLMSFraming", dependencies: ["DLMSCore"], swiftSettings: swiftSettings),
        .target(name: "DLMSAPDU", dependencies: ["DLMSCore"], swiftSettings: swiftSettings),
        .target(
            name: "DLMSSecurity",
            dependencies: ["DLMSCore", "DLMSAPDU", "CDLMSOpenSSL"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DLMSAnalysis",
            dependencies: ["DLMSCore", "DLMSCapture", "DLMSTransport", "DLMSFraming", "DLMSAPDU", "DLMSSecurity"],
            swiftSettings: swiftSettings
        ),
        .target(name: "DLMSOutput", dependencies: ["DLMSCore", "DLMSAPDU", "DLMSSecurity", "DLMSAnalysis"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "dlmscope",
            dependencies: [
                "DLMSCore", "DLMSCapture", "DLMSAnalysis", "DLMSOutput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Test support and the Samples generator (not shipped)
        .target(
            name: "DLMSTestSupport",
            dependencies: ["DLMSCore", "DLMSCapture", "DLMSFraming", "DLMSAPDU", "DLMSSecurity"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "make-samples",
            dependencies: ["DLMSCore", "DLMSCapture", "DLMSTestSupport"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "make-corpus",
            dependencies: ["DLMSCore", "DLMSCapture", "DLMSFraming", "DLMSAPDU", "DLMSSecurity", "DLMSTestSupport"],
            swiftSettings: swiftSettings
        ),

        // MARK: Tests, one target per module
        .testTarget(name: "DLMSCoreTests", dependencies: ["DLMSCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DLMSCaptureTests",
            dependencies: ["DLMSCore", "DLMSCapture", "DLMSTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DLMSTransportTests",
            dependencies: ["DLMSCore", "DLMSTransport", "DLMSTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DLMSFramingTests",
            dependencies: ["DLMSCore", "DLMSFraming", "DLMSTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DLMSAPDUTests",
            dependencies: ["DLMSCore", "DLMSAPDU", "DLMSTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DLMSSecurityTests",
            dependencies: ["DLMSCore", "DLMSAPDU", "DLMSSecurity", "DLMSTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DLMSAnalysisTests",
            dependencies: [
                "DLMSCore", "DLMSCapture", "DLMSTransport", "DLMSFraming", "DLMSAPDU", "DLMSAnalysis", "DLMSTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DLMSOutputTests",
            dependencies: ["DLMSCore", "DLMSCapture", "DLMSAPDU", "DLMSAnalysis", "DLMSOutput", "DLMSTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "dlmscopeTests",
            dependencies: ["dlmscope", "DLMSCore", "DLMSTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
