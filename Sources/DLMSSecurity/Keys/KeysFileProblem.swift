/// What is wrong with one piece of a keys file (a value, a line), before the
/// reader adds where it is to make a `KeysFileError`. Worded to follow the
/// field's name: `must be 8 bytes of hex, found 7 bytes`.
struct KeysFileProblem: Error, Sendable, Hashable {
    /// The field (as it should be printed) when the problem is in one value.
    var field: String?
    var message: String

    init(_ message: String, field: String? = nil) {
        self.message = message
        self.field = field
    }
}
