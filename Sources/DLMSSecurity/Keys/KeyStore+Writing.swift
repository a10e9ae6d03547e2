import DLMSCore
import Foundation

extension KeyStore {
    /// The header comment written when none is given.
    public static let keysFileHeader = """
        dlmscope keys file (TOML): [default], then one [[meter]] / [[client]] per system title.
        It holds secret keys: keep it private.
        """

    /// This store as a keys file (TOML) that reads back to an equal store:
    /// `header` as `#` comment lines, `[default]`, then the `[[meter]]` and
    /// `[[client]]` entries sorted by system title. Paths inside `directory`
    /// are written relative to it (pass the keys file's directory).
    public func keysFileText(header: String = KeyStore.keysFileHeader, relativeTo directory: String? = nil) -> String {
        var lines = header.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "#" : "# \($0)" }
        lines += ["", "[default]"]
        if let title = defaultClientSystemTitle { lines.append("client-system-title = \"\(Hex.encode(title))\"") }
        if let title = defaultServerSystemTitle { lines.append("server-system-title = \"\(Hex.encode(title))\"") }
        lines += Self.lines(for: defaultKeys, relativeTo: directory)
        for role in KeyRole.allCases {
            for (title, keys) in entries(role).sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                lines += ["", "[[\(role.rawValue)]]", "system-title = \"\(Hex.encode(title))\""]
                lines += Self.lines(for: keys, relativeTo: directory)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes this store as a keys file at `path`, paths relative to its directory.
    public func write(toFile path: String, header: String = KeyStore.keysFileHeader) throws(KeysFileError) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
        let text = keysFileText(header: header, relativeTo: directory)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw KeysFileError(file: path, problem: "cannot be written")
        }
    }

    /// The `key = value` lines of one entry, in the schema's field order.
    private static func lines(for keys: KeySet, relativeTo directory: String?) -> [String] {
        var lines: [String] = []
        if let name = keys.name { lines.append("name = \(quoted(name))") }
        for field in KeyField.symmetricKeys {
            if let bytes = keys[bytes: field] { lines.append("\(field.name) = \"\(Hex.encode(bytes))\"") }
        }
        for field in [KeyField.hlsSecret, .password] {
            guard let bytes = keys[bytes: field] else { continue }
            if bytes.allSatisfy({ (0x20...0x7E).contains($0) }) {
                lines.append("\(field.name) = \(quoted(String(decoding: bytes, as: UTF8.self)))")
            } else {
                lines.append("\(field.name)-hex = \"\(Hex.encode(bytes))\"")
            }
        }
        let privateKeys: [(KeyField, PrivateKeyReference?)] = [(.agreementKey, keys.agreementKey), (.signingKey, keys.signingKey)]
        for case (let field, let reference?) in privateKeys {
            switch reference {
            case .pemFile(let path): lines.append("\(field.name) = \(quoted(relative(path, to: directory)))")
            case .scalar(let bytes): lines.append("\(field.name) = \"\(Hex.encode(bytes))\"")
            }
        }
        let publicKeys: [(KeyField, PublicKeyReference?)] = [
            (.agreementPublicKey, keys.agreementPublicKey), (.signingPublicKey, keys.signingPublicKey),
        ]
        for case (let field, let reference?) in publicKeys {
            switch reference {
            case .pemFile(let path): lines.append("\(field.name) = \(quoted(relative(path, to: directory)))")
            case .point(let bytes): lines.append("\(field.name) = \"\(Hex.encode(bytes))\"")
            }
        }
        if let path = keys.certificate { lines.append("certificate = \(quoted(relative(path, to: directory)))") }
        return lines
    }

    /// `path` relative to `directory` when it lies inside it (with `./` when
    /// it would otherwise read back as hex).
    private static func relative(_ path: String, to directory: String?) -> String {
        guard let directory else { return path }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        guard path.hasPrefix(prefix) else { return path }
        let relative = String(path.dropFirst(prefix.count))
        if case .notHex = KeyHex.parse(relative) { return relative }
        return "./" + relative
    }

    /// A TOML basic string.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let digits = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
