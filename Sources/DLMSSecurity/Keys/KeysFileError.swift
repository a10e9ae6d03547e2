/// A keys file (or a key flag) that cannot be used. Its description is one
/// line naming the file, the line (TOML) or entry, the field and what is
/// wrong — and never a value given for a field, so never key material:
///
///     keys.toml:7: [[meter]] #2 (system-title 534D53677004C446): ek must be 16 or 32 bytes of hex, found 15 bytes
///     --ak is not hex
public struct KeysFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The keys file as the user named it; nil for a command-line flag.
    public var file: String?
    /// The 1-based line in a TOML file, when known.
    public var line: Int?
    /// The entry: `[default]`, `[[meter]] #2 (system-title 534D53677004C446)`.
    public var entry: String?
    /// The field or flag the problem is in (`ek`, `--ak`).
    public var field: String?
    /// What is wrong, worded to follow the field: `is not hex`.
    public var problem: String

    public init(file: String?, line: Int? = nil, entry: String? = nil, field: String? = nil, problem: String) {
        self.file = file
        self.line = line
        self.entry = entry
        self.field = field
        self.problem = problem
    }

    /// An error about a command-line flag (`--ek`).
    public static func flag(_ flag: String, _ problem: String) -> KeysFileError {
        KeysFileError(file: nil, field: flag, problem: problem)
    }

    public var description: String {
        var text = ""
        if let file {
            text += file
            if let line { text += ":\(line)" }
            text += ": "
        }
        if let entry { text += "\(entry): " }
        if let field { text += "\(field) " }
        return text + problem
    }
}
