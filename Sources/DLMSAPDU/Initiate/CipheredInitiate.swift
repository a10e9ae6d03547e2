import DLMSCore

/// A ciphered InitiateRequest or InitiateResponse as it appears in AARQ, AARE,
/// RLRQ and RLRE user-information: glo-initiate-request (21),
/// glo-initiate-response (28), ded-initiate-request (41) or
/// ded-initiate-response (48), each `[n] IMPLICIT OCTET STRING` holding the
/// security header and the protected APDU:
/// `21 len SC IC(4) ciphertext||tag` [a01, a12, a14].
///
/// This stage keeps it opaque; the security stage decrypts it (the key
/// follows from the tag: glo- the global unicast key, or the broadcast key
/// when SC bit 6 is set; ded- the dedicated key) with the sender's system
/// title from the AARQ calling-AP-title or the AARE responding-AP-title.
public struct CipheredInitiate: Sendable, Hashable {
    public enum Kind: UInt8, Sendable, Hashable, CaseIterable {
        case gloInitiateRequest = 0x21
        case gloInitiateResponse = 0x28
        case dedInitiateRequest = 0x41
        case dedInitiateResponse = 0x48

        /// The Green Book name in kebab case (`glo-initiate-request`).
        public var name: String {
            switch self {
            case .gloInitiateRequest: "glo-initiate-request"
            case .gloInitiateResponse: "glo-initiate-response"
            case .dedInitiateRequest: "ded-initiate-request"
            case .dedInitiateResponse: "ded-initiate-response"
            }
        }

        public var isRequest: Bool { self == .gloInitiateRequest || self == .dedInitiateRequest }
        /// Whether the dedicated key protects it (ded-) rather than a global key (glo-).
        public var isDedicated: Bool { self == .dedInitiateRequest || self == .dedInitiateResponse }
    }

    /// Every tag this type decodes.
    public static let tags: Set<UInt8> = Set(Kind.allCases.map(\.rawValue))

    public var kind: Kind
    /// The security control byte: bits 3..0 suite, bit 4 authenticated, bit 5 encrypted,
    /// bit 6 broadcast key, bit 7 compressed.
    public var securityControl: UInt8
    public var invocationCounter: UInt32
    /// What follows the security header as sent: ciphertext and tag, plaintext and tag
    /// (authentication only) or ciphertext alone (encryption only).
    public var cipheredContent: [UInt8]
    /// How the octet-string length was written.
    public var length: AXDRLengthForm

    public init(
        kind: Kind, securityControl: UInt8, invocationCounter: UInt32, cipheredContent: [UInt8],
        length: AXDRLengthForm = .canonical
    ) {
        self.kind = kind
        self.securityControl = securityControl
        self.invocationCounter = invocationCounter
        self.cipheredContent = cipheredContent
        self.length = length
    }

    public var tag: UInt8 { kind.rawValue }
    public var securitySuite: UInt8 { securityControl & 0x0F }
    public var isAuthenticated: Bool { securityControl & 0x10 != 0 }
    public var isEncrypted: Bool { securityControl & 0x20 != 0 }
    public var usesBroadcastKey: Bool { securityControl & 0x40 != 0 }
    public var isCompressed: Bool { securityControl & 0x80 != 0 }

    /// The security header and content as they follow the length: SC, IC, content
    /// (the bytes the Gurux translator prints as the element's Value).
    public var securedBytes: [UInt8] {
        var bytes = [securityControl]
        bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: invocationCounter >> $0) }
        return bytes + cipheredContent
    }

    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        let start = reader.position
        guard let tag = reader.readUInt8() else { throw DecodingError("data ends where a ciphered initiate APDU was expected", at: start) }
        guard let kind = Kind(rawValue: tag) else {
            throw DecodingError("\(Hex.encode([tag])) is not glo-/ded-initiate-request or -response (21, 28, 41, 48)", at: start)
        }
        let lengthOffset = reader.position
        let (count, form) = try AXDRLength.read(from: &reader, what: "\(kind.name) length")
        guard count <= reader.remainingCount else {
            throw DecodingError("\(kind.name) of \(count) bytes but only \(reader.remainingCount) follow", at: lengthOffset)
        }
        guard count >= 5 else {
            throw DecodingError("\(kind.name) of \(count) bytes cannot hold the 5-byte security header", at: lengthOffset)
        }
        guard let securityControl = reader.readUInt8(), let invocationCounter = reader.readUInt32(),
              let content = reader.readBytes(count - 5)
        else { throw DecodingError("\(kind.name) is cut short", at: lengthOffset) }
        self.kind = kind
        self.securityControl = securityControl
        self.invocationCounter = invocationCounter
        cipheredContent = Array(content)
        length = form
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes.append(tag)
        AXDRLength.append(5 + cipheredContent.count, form: length, to: &bytes)
        bytes += securedBytes
    }

    /// The encoded APDU.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        encode(into: &bytes)
        return bytes
    }
}
