import DLMSAPDU
import DLMSCore

/// The fields general-ciphering and general-signing share: transaction-id,
/// originator and recipient system titles, date-time, other-information.
enum EnvelopeFields {
    /// `dateTime` in hex and, when it is a valid 12-byte COSEM date-time, `dateTimeDecoded` (RFC 3339).
    static func dateTimeFields(_ bytes: [UInt8]) -> [Field] {
        var fields: [Field] = [.bytes("dateTime", bytes)]
        if let text = dateTimeText(bytes) { fields.append(.text("dateTimeDecoded", text)) }
        return fields
    }

    static func dateTimeText(_ bytes: [UInt8]) -> String? {
        guard let dateTime = COSEMDateTime(octetString: bytes), dateTime.problems.isEmpty else { return nil }
        return dateTime.rfc3339 ?? dateTime.description
    }

    /// `<TransactionId/>`, `<OriginatorSystemTitle/>`, `<RecipientSystemTitle/>`,
    /// `<DateTime/>`, `<OtherInformation/>` with explaining comments.
    static func guruxXML(
        transactionId: [UInt8], originator: [UInt8], recipient: [UInt8], dateTime: [UInt8], otherInformation: [UInt8]
    ) -> [XMLNode] {
        var nodes: [XMLNode] = [
            .value("TransactionId", Hex.encode(transactionId)),
            .comment(SystemTitleDescription.comment(originator, role: "originator system title")),
            .value("OriginatorSystemTitle", Hex.encode(originator)),
            .comment(SystemTitleDescription.comment(recipient, role: "recipient system title")),
            .value("RecipientSystemTitle", Hex.encode(recipient)),
        ]
        if let text = dateTimeText(dateTime) { nodes.append(.comment(text)) }
        nodes.append(.value("DateTime", Hex.encode(dateTime)))
        nodes.append(.value("OtherInformation", Hex.encode(otherInformation)))
        return nodes
    }
}
