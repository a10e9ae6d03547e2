import DLMSCore

/// Data-Notification (Green Book, tag 0F): pushed data, as HAN ports and
/// push setups send it: a long-invoke-id-and-priority, a date-time octet
/// string (empty when absent, normally 12 bytes) and the notification body,
/// one Data value.
///
/// Some meters write the date-time as a Data octet-string, with the tag
/// 09 in front of the A-XDR length (`09 0C <12 bytes>` where `0C <12 bytes>`
/// is meant): the 2017 Kaifa and Kamstrup HAN-port firmwares do (see
/// shared/captures/amstomqttbridge-roarfred). A strict reading takes the 09
/// for a length and garbles everything after it, so the decoder recognises
/// `09 0C`, takes the 12 bytes and notes the quirk (`date-time-quirk`);
/// `dateTimeEncoding` keeps the form so the bytes can be written back.
public struct DataNotification: Sendable, Hashable {
    public static let tag: UInt8 = 0x0F

    public var longInvokeIdAndPriority: LongInvokeIdAndPriority
    /// The date-time octet string's contents: empty when absent, normally 12 bytes.
    public var dateTime: [UInt8]
    /// How the date-time was written.
    public var dateTimeEncoding: DateTimeEncoding
    /// The notification body's data-value.
    public var body: DLMSData

    /// How the date-time octet string was written.
    public enum DateTimeEncoding: Sendable, Hashable {
        /// As the Green Book says: an A-XDR octet string (length, bytes); `length` is the length's form.
        case octetString(length: AXDRLengthForm)
        /// As a Data octet-string: `09`, then the length `0C` and 12 bytes (the 2017 HAN quirk).
        case dataOctetString
    }

    public init(
        longInvokeIdAndPriority: LongInvokeIdAndPriority, dateTime: [UInt8] = [], body: DLMSData,
        dateTimeEncoding: DateTimeEncoding = .octetString(length: .canonical)
    ) {
        self.longInvokeIdAndPriority = longInvokeIdAndPriority
        self.dateTime = dateTime
        self.dateTimeEncoding = dateTimeEncoding
        self.body = body
    }

    /// The date-time as a COSEM date-time, when it is 12 bytes.
    public var cosemDateTime: COSEMDateTime? { COSEMDateTime(bytes: dateTime) }

    /// Reads a whole Data-Notification, tag included.
    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        try LNServiceFields.tag(Self.tag, of: "data-notification", from: &reader)
        longInvokeIdAndPriority = try LongInvokeIdAndPriority(from: &reader)
        let offset = reader.position
        if reader.peekUInt8() == DLMSData.TypeTag.octetString.rawValue,
           reader.peekUInt8(at: 1) == UInt8(truncatingIfNeeded: COSEMDateTime.encodedCount),
           reader.remainingCount >= 2 + COSEMDateTime.encodedCount {
            reader.skip(2)
            dateTime = Array(reader.readBytes(COSEMDateTime.encodedCount) ?? [])
            dateTimeEncoding = .dataOctetString
            notes.note(
                .dateTimeQuirk,
                "date-time written as a Data octet-string (09 0C + 12 bytes) instead of an A-XDR octet string "
                    + "(0C + 12 bytes); read as the 12 bytes",
                at: offset
            )
        } else {
            let (bytes, length) = try LNServiceFields.octetString("date-time", from: &reader)
            if !bytes.isEmpty, bytes.count != COSEMDateTime.encodedCount {
                notes.note(.dateTimeQuirk, "date-time of \(bytes.count) bytes, not 12 (or 0 for absent)", at: offset)
            }
            dateTime = bytes
            dateTimeEncoding = .octetString(length: length)
        }
        body = try LNServiceFields.data("notification-body", from: &reader)
    }

    /// Writes the whole Data-Notification, tag included.
    public func encode(into bytes: inout [UInt8]) {
        bytes.append(Self.tag)
        longInvokeIdAndPriority.encode(into: &bytes)
        switch dateTimeEncoding {
        case let .octetString(length):
            LNServiceFields.appendOctetString(dateTime, length: length, to: &bytes)
        case .dataOctetString:
            bytes.append(DLMSData.TypeTag.octetString.rawValue)
            LNServiceFields.appendOctetString(dateTime, length: .canonical, to: &bytes)
        }
        body.encode(into: &bytes)
    }

    /// The encoded APDU.
    public var encoded: [UInt8] {
        var bytes = [UInt8]()
        encode(into: &bytes)
        return bytes
    }
}
