// The finding codes dlmscope reports. DESIGN.md lists the start set; codes are
// added here and never renamed, because scripts match on them.
extension Finding.Code {
    // MARK: Capture
    /// The capture file ends in the middle of a record.
    public static let pcapTruncated = Self("pcap-truncated", severity: .warning)
    /// libpcap stopped on a damaged record (an impossible length, a bad block).
    public static let pcapCorrupt = Self("pcap-corrupt", severity: .error)
    /// A packet was captured shorter than it was on the wire (snaplen).
    public static let packetTruncated = Self("packet-truncated", severity: .warning)
    /// The capture's link type carries nothing dlmscope can decode.
    public static let linkTypeUnsupported = Self("link-type-unsupported", severity: .warning)
    /// Reading the input failed part-way (an I/O error); what was read stands.
    public static let inputReadError = Self("input-read-error", severity: .error)
    /// A hex-log line that is neither hex data, a header nor a comment.
    public static let hexLineUnparsed = Self("hex-line-unparsed", severity: .warning)
    /// A logger block announced a byte count its hex lines do not have.
    public static let hexLengthMismatch = Self("hex-length-mismatch", severity: .warning)

    // MARK: Transport
    /// A link, IP, TCP or UDP header that cannot be parsed.
    public static let packetMalformed = Self("packet-malformed", severity: .warning)
    /// IP fragments that never completed a datagram.
    public static let ipFragmentIncomplete = Self("ip-fragment-incomplete", severity: .warning)
    /// Bytes of a TCP stream that were never captured.
    public static let tcpGap = Self("tcp-gap", severity: .warning)
    /// A TCP segment whose bytes had been delivered already.
    public static let tcpRetransmission = Self("tcp-retransmission", severity: .info)
    /// A bound on buffered state was reached and state was dropped.
    public static let resourceLimit = Self("resource-limit", severity: .warning)

    // MARK: Framing
    public static let frameGarbageSkipped = Self("frame-garbage-skipped", severity: .warning)
    public static let hdlcHCSInvalid = Self("hdlc-hcs-invalid", severity: .error)
    public static let hdlcFCSInvalid = Self("hdlc-fcs-invalid", severity: .error)
    public static let hdlcSegmentIncomplete = Self("hdlc-segment-incomplete", severity: .warning)
    public static let mbusChecksumInvalid = Self("mbus-checksum-invalid", severity: .error)
    public static let wrapperLengthMismatch = Self("wrapper-length-mismatch", severity: .warning)
    /// A WRAPPER header whose version is not 1.
    public static let wrapperVersionInvalid = Self("wrapper-version-invalid", severity: .warning)
    /// An HDLC frame whose format length disagrees with where the frame ends.
    public static let hdlcLengthMismatch = Self("hdlc-length-mismatch", severity: .warning)
    /// An HDLC address field that is not 1, 2 or 4 bytes ending with the extension bit.
    public static let hdlcAddressInvalid = Self("hdlc-address-invalid", severity: .warning)
    /// An M-Bus L field that cannot be the frame's length (the frame was delimited otherwise).
    public static let mbusLengthInvalid = Self("mbus-length-invalid", severity: .warning)
    /// A DLMS message split over M-Bus frames that never completed, or whose segments are out of sequence.
    public static let mbusSegmentIncomplete = Self("mbus-segment-incomplete", severity: .warning)
    /// A stream or datagram in which no DLMS framing was recognised.
    public static let framingUnrecognized = Self("framing-unrecognized", severity: .info)

    // MARK: APDU
    public static let apduMalformed = Self("apdu-malformed", severity: .error)
    /// A valid but non-canonical or outdated encoding (a long-form length for a small value,
    /// a boolean other than 00/01, the old `5F` conformance tag); the bytes re-encode exactly.
    public static let apduNonCanonical = Self("apdu-non-canonical", severity: .info)
    public static let apduTrailingBytes = Self("apdu-trailing-bytes", severity: .warning)
    public static let apduUnknownTag = Self("apdu-unknown-tag", severity: .warning)
    public static let dateTimeQuirk = Self("date-time-quirk", severity: .info)

    // MARK: Analysis
    public static let blockMissing = Self("block-missing", severity: .warning)
    public static let blockDuplicate = Self("block-duplicate", severity: .info)
    public static let blockOutOfOrder = Self("block-out-of-order", severity: .warning)
    public static let aareRejected = Self("aare-rejected", severity: .warning)
    public static let responseWithoutRequest = Self("response-without-request", severity: .info)
    public static let requestWithoutResponse = Self("request-without-response", severity: .info)

    // MARK: Security
    /// No key (or no dedicated key) to open a protected APDU: it could not be read or checked.
    public static let keyMissing = Self("key-missing", severity: .error)
    /// No system title is known for the sender of a protected APDU, so there is no IV.
    public static let systemTitleMissing = Self("system-title-missing", severity: .error)
    /// A system title that is not 8 bytes, padded or cut to make the IV.
    public static let systemTitleInvalid = Self("system-title-invalid", severity: .warning)
    /// The title an APDU carries is not the one its association announced.
    public static let systemTitleMismatch = Self("system-title-mismatch", severity: .warning)
    /// Compressed protected content (SC bit 7): the plaintext is not decompressed.
    public static let contentCompressed = Self("content-compressed", severity: .warning)
    /// The security suite in the security control byte does not fit the key (suites 0 and 1
    /// use 128-bit keys, suite 2 256-bit keys), or is not one the Green Book defines.
    public static let securitySuiteMismatch = Self("security-suite-mismatch", severity: .warning)
    /// The LLS password sent is not the configured one.
    public static let llsPasswordMismatch = Self("lls-password-mismatch", severity: .error)
    public static let gcmTagInvalid = Self("gcm-tag-invalid", severity: .error)
    public static let wrongKeyLikely = Self("wrong-key-likely", severity: .error)
    public static let signatureInvalid = Self("signature-invalid", severity: .error)
    public static let icReplay = Self("ic-replay", severity: .error)
    public static let icNotIncreasing = Self("ic-not-increasing", severity: .warning)
    public static let plaintextInCipheredAssociation = Self("plaintext-in-ciphered-association", severity: .warning)
    public static let securityPolicyViolation = Self("security-policy-violation", severity: .error)
    public static let hlsResponseInvalid = Self("hls-response-invalid", severity: .error)

    // MARK: Security suites 1 and 2
    /// A wrapped key (general-ciphering wrapped-key, Security setup key_transfer) fails its
    /// RFC 3394 integrity check under the master key: a wrong KEK, or damaged data.
    public static let keyUnwrapFailed = Self("key-unwrap-failed", severity: .error)
    /// Key agreement could not be computed: a public key that is not a point on the suite's
    /// curve, keys of another curve, or a scheme the Green Book does not define.
    public static let keyAgreementFailed = Self("key-agreement-failed", severity: .error)
    /// A signature (general-signing, an ephemeral key's, HLS-ECDSA) or a GCM tag could not be
    /// checked: the originator's public key is not known, or the construction is not established.
    public static let authenticityUnchecked = Self("authenticity-unchecked", severity: .warning)
    /// A certificate used or carried is outside its validity period.
    public static let certificateExpired = Self("certificate-expired", severity: .warning)
    /// A certificate's key usage does not allow what it is used for (signing, key agreement).
    public static let certificateKeyUsage = Self("certificate-key-usage", severity: .warning)
    /// A certificate's subject names another system title than the party that uses it.
    public static let certificateSystemTitleMismatch = Self("certificate-system-title-mismatch", severity: .warning)
}
