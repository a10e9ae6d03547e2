import DLMSCore

/// Which keys-file entry answered a lookup, for records to say where a key
/// came from. It names the entry, never the key.
public enum KeySource: Sendable, Hashable, CustomStringConvertible {
    /// The `[default]` table (with the command-line key flags applied).
    case `default`
    /// The `[[meter]]` entry with this system title.
    case meter([UInt8])
    /// The `[[client]]` entry with this system title.
    case client([UInt8])

    /// The entry's system title, nil for the default entry.
    public var systemTitle: [UInt8]? {
        switch self {
        case .default: nil
        case .meter(let title), .client(let title): title
        }
    }

    /// `default`, or the entry's system title in hex (the JSON `keySource`).
    public var description: String {
        systemTitle.map { Hex.encode($0) } ?? "default"
    }
}
