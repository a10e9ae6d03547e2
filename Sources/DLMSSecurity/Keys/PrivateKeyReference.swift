/// Where a suite 1/2 private key (agreement or signing) is: a PEM file, or
/// the raw scalar given in the keys file. Files are not read here.
public enum PrivateKeyReference: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// A PEM file, its path resolved against the keys file's directory.
    case pemFile(String)
    /// The private scalar: 32 bytes (P-256) or 48 bytes (P-384).
    case scalar([UInt8])

    /// The path, or the scalar's length: never the scalar.
    public var description: String {
        switch self {
        case .pemFile(let path): "file \(path)"
        case .scalar(let bytes): "\(bytes.count)-byte scalar"
        }
    }

    /// A mirror with the description only, so that `dump` cannot print key bytes.
    public var customMirror: Mirror {
        Mirror(self, children: ["summary": description], displayStyle: .enum)
    }
}
