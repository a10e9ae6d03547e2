import Foundation

extension KeyStore {
    /// Loads a keys file (TOML, or JSON when it starts with `{`). Relative
    /// paths in it resolve against its directory. An empty file is an empty store.
    ///
    /// - Throws: `KeysFileError` naming the file, line or entry and field.
    public init(contentsOfFile path: String) throws(KeysFileError) {
        let bytes = try Self.readKeysFile(path)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
        try self.init(parsing: bytes, file: path, baseDirectory: directory)
    }

    /// Parses keys-file bytes. `file` names the file in errors; relative
    /// paths resolve against `baseDirectory` (default: the current directory).
    public init(parsing bytes: [UInt8], file: String, baseDirectory: String? = nil) throws(KeysFileError) {
        let document = try KeysFileDocument.read(bytes, file: file)
        let base = baseDirectory ?? FileManager.default.currentDirectoryPath
        try self.init(document: document, file: file, baseDirectory: base)
    }

    /// The largest keys file read, in bytes (1 MiB).
    public static var maximumFileSize: Int { KeysFileDocument.maximumSize }

    /// The file's bytes, reading no more than one byte past the size limit.
    private static func readKeysFile(_ path: String) throws(KeysFileError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw KeysFileError(file: path, problem: "does not exist")
        }
        guard !isDirectory.boolValue else {
            throw KeysFileError(file: path, problem: "is a directory, not a keys file")
        }
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            let data = try handle.read(upToCount: KeysFileDocument.maximumSize + 1) ?? Data()
            return [UInt8](data)
        } catch {
            throw KeysFileError(file: path, problem: "cannot be read")
        }
    }
}
