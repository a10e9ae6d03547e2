/// A system title the sender may have used in the IV, and the evidence for it
/// (the JSON `security.systemTitleSource`).
struct TitleCandidate: Hashable {
    enum Source: String {
        /// AARQ calling-AP-title or AARE responding-AP-title of the conversation.
        case association
        /// The title the APDU carries (general-glo/ded-ciphering).
        case apdu
        /// `--client-system-title` / `--server-system-title` or the keys file's `[default]`.
        case configuration
        /// The only meter (or client) entry of the keys file.
        case keysFile = "keys-file"
    }

    var title: [UInt8]
    var source: Source
}
