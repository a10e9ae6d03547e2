/// The DLMS transport layer inside an M-Bus frame whose CI is 0x00...0x1F
/// (EN 13757-1; the DLMS/COSEM wired M-Bus profile): the CI field holds the
/// segmentation (bit 4 set on the last segment, bits 3...0 a counter that
/// starts at 0), and the data starts with the source and destination
/// transport SAPs, followed by a fragment of the APDU.
public struct MBusDLMSSegment: Sendable, Hashable {
    public var counter: UInt8
    public var isLast: Bool
    public var sourceTSAP: UInt8
    public var destinationTSAP: UInt8
    public var fragment: ArraySlice<UInt8>

    /// Whether a CI value belongs to a DLMS-based application.
    public static func isDLMS(ci: UInt8) -> Bool { ci <= 0x1F }

    /// Nil when the CI is not a DLMS one or the data cannot hold STSAP and DTSAP.
    public init?(ci: UInt8, data: [UInt8]) {
        guard Self.isDLMS(ci: ci), data.count >= 2 else { return nil }
        counter = ci & 0x0F
        isLast = ci & 0x10 != 0
        sourceTSAP = data[0]
        destinationTSAP = data[1]
        fragment = data[2...]
    }
}
