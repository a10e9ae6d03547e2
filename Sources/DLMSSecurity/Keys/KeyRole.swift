/// Which side of an association a keys-file entry describes: a `[[meter]]`
/// (the server) or a `[[client]]` (the head end, a test tool).
public enum KeyRole: String, Sendable, Hashable, CaseIterable {
    case meter
    case client
}
