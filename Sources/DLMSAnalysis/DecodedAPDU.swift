import DLMSAPDU
import DLMSCore

/// A record's APDU: its bytes after all framing and reassembly, what they
/// decode to, and what the analysis knows around it.
public struct DecodedAPDU: Sendable {
    public var bytes: [UInt8]
    /// Nil when the bytes are no APDU (`error` says why). For an opened envelope: the plaintext APDU.
    public var apdu: APDU?
    /// The ciphered or signed envelope the APDU was opened from.
    public var envelope: APDU?
    /// An xDLMS APDU decrypted from an AARQ/AARE/RLRQ/RLRE user-information (a glo-/ded-initiate).
    public var decryptedUserInformation: APDU?
    public var error: DecodingError?
    /// For a response: the attributes its request asked for.
    public var requested: [CosemAttributeDescriptor]
    /// Scalers and units known for the requested attributes.
    public var scalerUnits: [OBISCode: ScalerUnit]
    /// When the APDU was joined from blocks: how, and from how many.
    public var reassembly: Reassembly?

    public struct Reassembly: Sendable, Hashable {
        /// "general-block-transfer", "with-datablock", "with-pblock".
        public var method: String
        public var blocks: Int

        public init(method: String, blocks: Int) {
            self.method = method
            self.blocks = blocks
        }
    }

    public init(
        bytes: [UInt8], apdu: APDU?, envelope: APDU? = nil, error: DecodingError? = nil, requested: [CosemAttributeDescriptor] = [],
        scalerUnits: [OBISCode: ScalerUnit] = [:], reassembly: Reassembly? = nil
    ) {
        self.bytes = bytes
        self.apdu = apdu
        self.envelope = envelope
        self.error = error
        self.requested = requested
        self.scalerUnits = scalerUnits
        self.reassembly = reassembly
    }

    /// The JSON `type` of bytes that could not be decoded: the name their tag would have.
    public var typeName: String {
        if let name = bytes.first.flatMap(APDUTag.name) { return name }
        return "unknown"
    }
}
