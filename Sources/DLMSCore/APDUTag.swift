/// The first byte of every xDLMS and ACSE APDU (Green Book, the tags of
/// XDLMS-APDU and ACSE-APDU). Lower stages use it to recognise an APDU
/// (framing detection, resynchronisation); the APDU stage names them.
public enum APDUTag {
    /// Every tag an APDU can start with.
    public static let known: Set<UInt8> = Set(names.keys)

    public static func isKnown(_ tag: UInt8) -> Bool { byTag[Int(tag)].name != nil }

    /// Which side sends APDUs with this tag: requests (and unconfirmed writes) come from
    /// the client; responses, notifications, reports and exception-responses from the
    /// server. Nil for the general envelopes (general-glo/ded-ciphering,
    /// general-ciphering, general-signing, general-block-transfer), which both sides send.
    public static func sender(_ tag: UInt8) -> Direction? { byTag[Int(tag)].sender }

    /// The name and sender of every tag value, worked out once: they are asked for every APDU,
    /// and an index is cheaper than hashing into `names` and `clientTags`.
    private static let byTag: [(name: String?, sender: Direction?)] = (0...255).map { value in
        let tag = UInt8(truncatingIfNeeded: value)
        guard let name = names[tag] else { return (nil, nil) }
        guard !name.hasPrefix("general-") else { return (name, nil) }
        return (name, clientTags.contains(tag) ? .clientToServer : .serverToClient)
    }

    private static let clientTags: Set<UInt8> = [
        0x01, 0x05, 0x06, 0x16, 0x21, 0x25, 0x26, 0x36, 0x41, 0x45, 0x46, 0x56, 0x60, 0x62,
        0xC0, 0xC1, 0xC3, 0xC8, 0xC9, 0xCB, 0xD0, 0xD1, 0xD3, 0xD9,
    ]

    /// The Green Book ASN.1 alternative name of the APDU with this tag, in kebab case.
    public static func name(_ tag: UInt8) -> String? { byTag[Int(tag)].name }

    private static let names: [UInt8: String] = [
        0x01: "initiate-request", 0x05: "read-request", 0x06: "write-request", 0x08: "initiate-response",
        0x0C: "read-response", 0x0D: "write-response", 0x0E: "confirmed-service-error", 0x0F: "data-notification",
        0x16: "unconfirmed-write-request", 0x18: "information-report-request",
        0x21: "glo-initiate-request", 0x25: "glo-read-request", 0x26: "glo-write-request",
        0x28: "glo-initiate-response", 0x2C: "glo-read-response", 0x2D: "glo-write-response",
        0x2E: "glo-confirmed-service-error", 0x36: "glo-unconfirmed-write-request",
        0x38: "glo-information-report-request",
        0x41: "ded-initiate-request", 0x45: "ded-read-request", 0x46: "ded-write-request",
        0x48: "ded-initiate-response", 0x4C: "ded-read-response", 0x4D: "ded-write-response",
        0x4E: "ded-confirmed-service-error", 0x56: "ded-unconfirmed-write-request",
        0x58: "ded-information-report-request",
        0x60: "aarq", 0x61: "aare", 0x62: "rlrq", 0x63: "rlre",
        0xC0: "get-request", 0xC1: "set-request", 0xC2: "event-notification-request", 0xC3: "action-request",
        0xC4: "get-response", 0xC5: "set-response", 0xC7: "action-response",
        0xC8: "glo-get-request", 0xC9: "glo-set-request", 0xCA: "glo-event-notification-request",
        0xCB: "glo-action-request", 0xCC: "glo-get-response", 0xCD: "glo-set-response", 0xCF: "glo-action-response",
        0xD0: "ded-get-request", 0xD1: "ded-set-request", 0xD2: "ded-event-notification-request",
        0xD3: "ded-action-request", 0xD4: "ded-get-response", 0xD5: "ded-set-response", 0xD7: "ded-action-response",
        0xD8: "exception-response", 0xD9: "access-request", 0xDA: "access-response",
        0xDB: "general-glo-ciphering", 0xDC: "general-ded-ciphering", 0xDD: "general-ciphering",
        0xDF: "general-signing", 0xE0: "general-block-transfer",
    ]
}
