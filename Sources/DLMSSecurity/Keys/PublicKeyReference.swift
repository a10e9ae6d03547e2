/// Where a suite 1/2 public key (a peer's agreement or signing key) is: a PEM
/// file, or the point as DLMS carries it on the wire. Files are not read here.
public enum PublicKeyReference: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// A PEM file, its path resolved against the keys file's directory.
    case pemFile(String)
    /// The uncompressed point without its `04` prefix, x‖y: 64 bytes (P-256)
    /// or 96 bytes (P-384).
    case point([UInt8])

    public var description: String {
        switch self {
        case .pemFile(let path): "file \(path)"
        case .point(let bytes): "\(bytes.count)-byte point"
        }
    }

    /// A mirror with the description only, so that `dump` cannot print key bytes.
    public var customMirror: Mirror {
        Mirror(self, children: ["summary": description], displayStyle: .enum)
    }
}
