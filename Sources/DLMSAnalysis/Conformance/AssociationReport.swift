import DLMSAPDU
import DLMSCore

/// One application association of a capture (AARQ to RLRE on one
/// conversation), or the traffic of a conversation outside any AARQ seen
/// (push data, or a capture that starts mid-association).
public struct AssociationReport: Sendable {
    /// 1-based, in the order associations start.
    public var number: Int
    /// The conversation, as its first flow was written (nil for serial traffic).
    public var flow: String?
    /// Whether an AARQ opened it in the capture.
    public var hasAARQ: Bool
    /// The AARE's verdict; nil when no AARE was seen.
    public var accepted: Bool?
    public var clientSystemTitle: [UInt8]?
    public var serverSystemTitle: [UInt8]?
    public var context: ApplicationContextName?
    public var mechanism: AuthenticationMechanism?
    /// Whether an RLRE closed it.
    public var released = false
    /// Its first and last record.
    public var records: ClosedRange<Int>
    public var counts = ConformanceCounts()
    public var authentication: [HLSResult] = []
    public var findings: [FindingTally] = []
}
