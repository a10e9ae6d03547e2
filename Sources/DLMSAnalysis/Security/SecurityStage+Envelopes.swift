import DLMSAPDU
import DLMSCore

// Finding the protected content in a decoded APDU.
extension SecurityStage {
    /// Where a protected content sits.
    enum EnvelopeSite {
        /// The whole APDU is the envelope: its plaintext replaces it as the record's APDU.
        case apdu
        /// A ciphered initiate inside an AARQ, AARE, RLRQ or RLRE user-information.
        case userInformation
        /// A cipher body behind a tag no standard defines (the Gurux stack sends `00` for
        /// a ciphered access service): opened on a best-effort basis.
        case unknownTag
    }

    /// The protected content of `decoded` and where it sits; nil when it has none. General
    /// ciphering and general signing (security suites 1 and 2) are not opened here.
    func envelope(in decoded: DecodedAPDU, sender: Direction) -> (ProtectedEnvelope, EnvelopeSite)? {
        switch decoded.apdu {
        case let .ciphered(apdu)?:
            let envelope = ProtectedEnvelope(
                name: apdu.name, content: apdu.content, key: apdu.key, headerSystemTitle: nil,
                sender: APDUTag.sender(apdu.tag) ?? sender
            )
            return (envelope, .apdu)
        case let .generalGloDedCiphering(apdu)?:
            let envelope = ProtectedEnvelope(
                name: apdu.key == .global ? "general-glo-ciphering" : "general-ded-ciphering", content: apdu.content,
                key: apdu.key, headerSystemTitle: apdu.systemTitle.bytes, sender: sender
            )
            return (envelope, .apdu)
        case let .aarq(aarq)?:
            return initiateEnvelope(aarq.userInformation, sender: .clientToServer, announcedTitle: aarq.callingAPTitle)
        case let .aare(aare)?:
            return initiateEnvelope(aare.userInformation, sender: .serverToClient, announcedTitle: aare.respondingAPTitle)
        case let .rlrq(rlrq)?:
            return initiateEnvelope(rlrq.userInformation, sender: .clientToServer)
        case let .rlre(rlre)?:
            return initiateEnvelope(rlre.userInformation, sender: .serverToClient)
        case nil:
            return unknownTagEnvelope(decoded.bytes, sender: sender)
        default:
            return nil
        }
    }

    private func initiateEnvelope(
        _ information: UserInformation?, sender: Direction, announcedTitle: [UInt8]? = nil
    ) -> (ProtectedEnvelope, EnvelopeSite)? {
        guard case let .cipheredInitiate(initiate)? = information,
              let content = try? CipheredContent(decoding: initiate.securedBytes[...])
        else { return nil }
        let envelope = ProtectedEnvelope(
            name: initiate.kind.name, content: content, key: initiate.kind.isDedicated ? .dedicated : .global,
            headerSystemTitle: nil, announcedSystemTitle: announcedTitle, sender: sender
        )
        return (envelope, .userInformation)
    }

    /// `00 len SC IC body`: a service-specific cipher body behind tag 00, as the Gurux stack
    /// sends a ciphered access request or response (no glo- tag exists for that service).
    private func unknownTagEnvelope(_ bytes: [UInt8], sender: Direction) -> (ProtectedEnvelope, EnvelopeSite)? {
        guard bytes.first == 0x00 else { return nil }
        var reader = ByteReader(bytes[...].dropFirst())
        guard let (body, _) = try? AXDROctetString.readSlice(from: &reader, what: "cipher body"), reader.isAtEnd,
              let content = try? CipheredContent(decoding: body),
              content.securityControl.suiteID <= 2, content.securityControl.authenticated || content.securityControl.encrypted
        else { return nil }
        let envelope = ProtectedEnvelope(
            name: "unknown-tag-00-ciphering", content: content, key: .global, headerSystemTitle: nil, sender: sender
        )
        return (envelope, .unknownTag)
    }
}
