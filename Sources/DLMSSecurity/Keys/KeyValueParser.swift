import Foundation

/// Checks and converts one field's text, for the keys file and the key flags
/// alike. Problems never quote the value.
enum KeyValueParser {
    /// An AES key: 16 or 32 bytes of hex.
    static func symmetricKey(_ text: String) throws(KeysFileProblem) -> [UInt8] {
        let bytes = try hex(text, expecting: "16 or 32 bytes of hex")
        guard bytes.count == 16 || bytes.count == 32 else {
            throw KeysFileProblem("must be 16 or 32 bytes of hex, found \(bytes.count) bytes")
        }
        return bytes
    }

    /// A system title: 8 bytes of hex.
    static func systemTitle(_ text: String) throws(KeysFileProblem) -> [UInt8] {
        let bytes = try hex(text, expecting: "8 bytes of hex")
        guard bytes.count == 8 else {
            throw KeysFileProblem("must be 8 bytes of hex, found \(bytes.count) byte\(bytes.count == 1 ? "" : "s")")
        }
        return bytes
    }

    /// A secret given as text (`hls-secret`, `password`): its UTF-8 bytes.
    static func textSecret(_ text: String) throws(KeysFileProblem) -> [UInt8] {
        guard !text.isEmpty else { throw KeysFileProblem("is empty") }
        return Array(text.utf8)
    }

    /// A secret given as hex (`hls-secret-hex`, `password-hex`).
    static func hexSecret(_ text: String) throws(KeysFileProblem) -> [UInt8] {
        let bytes = try hex(text, expecting: "hex")
        guard !bytes.isEmpty else { throw KeysFileProblem("is empty") }
        return bytes
    }

    /// A private key: a PEM file path, or (when the text is all hex) the
    /// 32- or 48-byte scalar.
    static func privateKey(_ text: String, base: String) throws(KeysFileProblem) -> PrivateKeyReference {
        let expectation = "a PEM file path or the private scalar as 32 or 48 bytes of hex"
        switch KeyHex.parse(text) {
        case .bytes(let bytes) where bytes.count == 32 || bytes.count == 48:
            return .scalar(bytes)
        case .bytes(let bytes):
            throw KeysFileProblem("must be \(expectation), found \(bytes.count) bytes")
        case .oddDigits(let count):
            throw KeysFileProblem("must be \(expectation), found \(count) hex digits")
        case .notHex:
            return .pemFile(try path(text, base: base))
        }
    }

    /// A public key: a PEM file path, or (when the text is all hex) the point
    /// x‖y as on the wire, 64 or 96 bytes (a leading `04` is accepted and dropped).
    static func publicKey(_ text: String, base: String) throws(KeysFileProblem) -> PublicKeyReference {
        let expectation = "a PEM file path or the point x||y as 64 or 96 bytes of hex"
        switch KeyHex.parse(text) {
        case .bytes(let bytes) where bytes.count == 64 || bytes.count == 96:
            return .point(bytes)
        case .bytes(let bytes) where (bytes.count == 65 || bytes.count == 97) && bytes.first == 0x04:
            return .point(Array(bytes.dropFirst()))
        case .bytes(let bytes):
            throw KeysFileProblem("must be \(expectation), found \(bytes.count) bytes")
        case .oddDigits(let count):
            throw KeysFileProblem("must be \(expectation), found \(count) hex digits")
        case .notHex:
            return .pemFile(try path(text, base: base))
        }
    }

    /// A file path, resolved against `base` (the keys file's directory) when
    /// relative; `~` is the home directory. The file is not opened.
    static func path(_ text: String, base: String) throws(KeysFileProblem) -> String {
        guard !text.isEmpty else { throw KeysFileProblem("is empty") }
        if text.hasPrefix("/") { return URL(fileURLWithPath: text).standardizedFileURL.path }
        if text == "~" || text.hasPrefix("~/") {
            return URL(fileURLWithPath: NSString(string: text).expandingTildeInPath).standardizedFileURL.path
        }
        let directory = URL(fileURLWithPath: base, isDirectory: true)
        return URL(fileURLWithPath: text, relativeTo: directory).standardizedFileURL.path
    }

    private static func hex(_ text: String, expecting expectation: String) throws(KeysFileProblem) -> [UInt8] {
        switch KeyHex.parse(text) {
        case .bytes(let bytes): return bytes
        case .notHex: throw KeysFileProblem("is not hex")
        case .oddDigits(let count):
            throw KeysFileProblem("must be \(expectation), found an odd number of hex digits (\(count))")
        }
    }
}
