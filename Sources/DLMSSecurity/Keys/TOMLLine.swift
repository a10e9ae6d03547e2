/// One line of a keys file in the TOML subset.
enum TOMLLine: Sendable, Hashable {
    /// A blank line or a comment.
    case blank
    /// `[name]`
    case table(String)
    /// `[[name]]`
    case arrayTable(String)
    /// `key = value`
    case keyValue(String, KeysFileValue)
}
