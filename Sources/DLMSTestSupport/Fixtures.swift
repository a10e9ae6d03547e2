import Foundation

/// Paths to test inputs: the project's own fixtures under `Tests/`, and the
/// shared material beside the project (`../shared`), which tests may read.
public enum Fixtures {
    /// The package root (this file is Sources/DLMSTestSupport/Fixtures.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/<relative>` as a path.
    public static func shared(_ relative: String) -> String {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relative).path
    }

    /// `<package>/<relative>` as a path.
    public static func project(_ relative: String) -> String {
        packageRoot.appendingPathComponent(relative).path
    }

    /// A fresh temporary directory for one test.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("dlmscope-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
