/// What a corpus holds (`--kind`).
enum CorpusKind: String, CaseIterable {
    /// Wrapper/TCP sessions in the clear: AARQ/AARE, GETs of the clock and of profile rows, release.
    case plain
    /// The same sessions glo-ciphered (suite 0, authenticated and encrypted), keys file beside the capture.
    case ciphered
    /// HDLC-over-serial push: data-notifications in HDLC UI frames (some segmented into I frames), DLT_USER0.
    case hdlc
    /// Wrapper/TCP sessions whose profile reads are answered with general-block-transfer blocks.
    case gbt
    /// Plain and ciphered sessions alternating, as on a head-end's network.
    case mixed

    /// Whether the corpus needs a keys file.
    var ciphered: Bool { self == .ciphered || self == .mixed }
}
