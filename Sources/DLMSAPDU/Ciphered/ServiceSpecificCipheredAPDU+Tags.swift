import DLMSCore

// The service-specific ciphered APDU tags (Green Book xDLMS APDU CHOICE;
// spec-notes §2) and the plain service each one protects.
extension ServiceSpecificCipheredAPDU {
    /// Every glo- and ded- tag.
    public static let tags: Set<UInt8> = Set(entries.keys)

    /// The plain APDU tags that have ciphered forms.
    public static let serviceTags: Set<UInt8> = Set(entries.values.map(\.service))

    /// glo-X / ded-X for the plain tag X:
    /// - initiate and SN services (X < 0x20): glo = X + 0x20, ded = X + 0x40;
    /// - LN services (0xC0...0xC7): glo = X + 0x08, ded = X + 0x10.
    static let entries: [UInt8: (service: UInt8, key: CipheringKeyKind)] = {
        // initiate-request, read-request, write-request, initiate-response, read-response,
        // write-response, confirmed-service-error, unconfirmed-write-request, information-report-request
        let shortRange: [UInt8] = [0x01, 0x05, 0x06, 0x08, 0x0C, 0x0D, 0x0E, 0x16, 0x18]
        // get/set/event-notification/action requests, get/set/action responses (0xC6 is unused)
        let longRange: [UInt8] = [0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC7]
        var entries: [UInt8: (service: UInt8, key: CipheringKeyKind)] = [:]
        for service in shortRange {
            entries[service + 0x20] = (service, .global)
            entries[service + 0x40] = (service, .dedicated)
        }
        for service in longRange {
            entries[service + 0x08] = (service, .global)
            entries[service + 0x10] = (service, .dedicated)
        }
        return entries
    }()

    /// The ciphered tag for plain tag `service` under `key`, or nil.
    public static func cipheredTag(service: UInt8, key: CipheringKeyKind) -> UInt8? {
        entries.first { $0.value.service == service && $0.value.key == key }?.key
    }

    /// The Green Book name of a glo-/ded- tag ("ded-get-response"), or nil.
    public static func name(of tag: UInt8) -> String? {
        names[tag]
    }

    /// Built once: every ciphered APDU is named.
    private static let names: [UInt8: String] = entries.compactMapValues { entry in
        APDUTag.name(entry.service).map { (entry.key == .global ? "glo-" : "ded-") + $0 }
    }
}
