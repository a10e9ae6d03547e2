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

    /// A fresh temporary directory for one test, inside the test process's own directory,
    /// which is removed when the process exits (so that test runs leave nothing in /tmp).
    public static func temporaryDirectory() throws -> URL {
        let url = temporaryRoot.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `dlmscope-tests-<pid>` under the system's temporary directory, removed at exit.
    private static let temporaryRoot: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dlmscope-tests-\(getpid())")
        temporaryRootPath = root.path
        atexit {
            if let path = Fixtures.temporaryRootPath { try? FileManager.default.removeItem(atPath: path) }
        }
        return root
    }()

    /// The root's path for the exit handler (a C function pointer cannot capture it).
    nonisolated(unsafe) private static var temporaryRootPath: String?
}
