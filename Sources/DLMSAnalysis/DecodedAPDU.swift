import DLMSAPDU
import DLMSCore

/// A record's APDU: its bytes after all framing and reassembly, what they
/// decode to, and what the analysis knows around it.
public struct DecodedAPDU: Sendable {
    public var bytes: [UInt8]
    /// Nil when the bytes are no APDU (`error` says why).
    public var apdu: APDU?
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
        bytes: [UInt8], apdu: APDU?, error: DecodingError? = nil, requested: [CosemAttributeDescriptor] = [],
        scalerUnits: [OBISCode: ScalerUnit] = [:], reassembly: Reassembly? = nil
    ) {
        self.bytes = bytes
        self.apdu = apdu
        self.error = error
        self.requested = requested
        self.scalerUnits = scalerUnits
        self.reassembly = reassembly
    }

    /// The JSON `type`: the decoded APDU's, or the name its tag would have.
    public var typeName: String {
        if let name = bytes.first.flatMap(APDUTag.name) { return name }
        return "unknown"
    }
}
