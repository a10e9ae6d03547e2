import DLMSCore

/// EventNotificationRequest (Green Book, tag C2): an unsolicited report of
/// one attribute's value, with an OPTIONAL time (an octet string, normally a
/// 12-byte COSEM date-time).
public struct EventNotificationRequest: Sendable, Hashable {
    public static let tag: UInt8 = 0xC2

    /// The time octet string's contents, or nil when absent.
    public var time: [UInt8]?
    /// The form the time's length was written in.
    public var timeLength: AXDRLengthForm
    public var attribute: CosemAttributeDescriptor
    public var value: DLMSData

    public init(
        time: [UInt8]? = nil, attribute: CosemAttributeDescriptor, value: DLMSData,
        timeLength: AXDRLengthForm = .canonical
    ) {
        self.time = time
        self.timeLength = timeLength
        self.attribute = attribute
        self.value = value
    }

    /// The time as a COSEM date-time, when it is 12 bytes.
    public var dateTime: COSEMDateTime? { time.flatMap { COSEMDateTime(bytes: $0) } }

    /// Reads a whole EventNotificationRequest, tag included.
    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        try LNServiceFields.tag(Self.tag, of: "event-notification-request", from: &reader)
        if try LNServiceFields.isPresent("time", from: &reader) {
            let offset = reader.position
            let (bytes, length) = try LNServiceFields.octetString("time", from: &reader)
            if bytes.count != COSEMDateTime.encodedCount {
                notes.note(.dateTimeQuirk, "time of \(bytes.count) bytes, not a 12-byte date-time", at: offset)
            }
            time = bytes
            timeLength = length
        } else {
            time = nil
            timeLength = .canonical
        }
        attribute = try CosemAttributeDescriptor(from: &reader)
        value = try LNServiceFields.data("attribute-value", from: &reader)
    }

    /// Writes the whole EventNotificationRequest, tag included.
    public func encode(into bytes: inout [UInt8]) {
        bytes.append(Self.tag)
        if let time {
            bytes.append(1)
            LNServiceFields.appendOctetString(time, length: timeLength, to: &bytes)
        } else {
            bytes.append(0)
        }
        attribute.encode(into: &bytes)
        value.encode(into: &bytes)
    }

    /// The encoded APDU.
    public var encoded: [UInt8] {
        var bytes = [UInt8]()
        encode(into: &bytes)
        return bytes
    }
}
