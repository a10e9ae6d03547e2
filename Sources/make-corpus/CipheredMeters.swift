import DLMSAPDU
import DLMSCore
import DLMSSecurity
import DLMSTestSupport

/// Eight meters with their own suite-0 keys (the Green Book example keys with
/// the meter number in the last byte) and the state a head-end keeps: the
/// client's invocation counter and one per meter, increasing across
/// sessions, so a long corpus never replays one (dlmscope tracks them per
/// sending system title).
struct CipheredMeters {
    static let count = 8
    static let clientSystemTitle: [UInt8] = [0x4D, 0x4D, 0x4D, 0x00, 0x00, 0x00, 0x00, 0x01]
    private static let control = SecurityControl(authenticated: true, encrypted: true)

    private let encryptionKeys: [AESGCMKey]
    private var clientCounter: UInt32 = 1
    private var serverCounters = [UInt32](repeating: 0x0100_0000, count: Self.count)

    init() throws {
        encryptionKeys = try (0..<Self.count).map { try AESGCMKey(Self.encryptionKey(meter: $0)) }
    }

    static func systemTitle(meter: Int) -> [UInt8] {
        [0x4D, 0x4D, 0x4D, 0x00, 0x00, 0xBC, 0x61, UInt8(truncatingIfNeeded: meter)]
    }

    static func encryptionKey(meter: Int) -> [UInt8] {
        Array(0x00...0x0E) + [UInt8(truncatingIfNeeded: 0x0F ^ meter)]
    }

    static func authenticationKey(meter: Int) -> [UInt8] {
        Array(0xD0...0xDE) + [UInt8(truncatingIfNeeded: 0xDF ^ meter)]
    }

    /// The keys file: one `[[meter]]` per system title.
    static var keysFile: String {
        var text = "# Keys for a make-corpus capture: suite-0 keys per meter, found by the AARE responding-AP-title.\n"
        for meter in 0..<count {
            text += """

                [[meter]]
                name = "corpus meter \(meter)"
                system-title = "\(Hex.encode(systemTitle(meter: meter)))"
                ek = "\(Hex.encode(encryptionKey(meter: meter)))"
                ak = "\(Hex.encode(authenticationKey(meter: meter)))"

                """
        }
        return text
    }

    /// SC ‖ IC ‖ ciphertext ‖ tag of `plaintext`, sent by the client or by `meter`.
    mutating func seal(_ plaintext: [UInt8], meter: Int, fromClient: Bool) throws -> CipheredContent {
        let counter: UInt32
        if fromClient {
            counter = clientCounter
            clientCounter &+= 1
        } else {
            counter = serverCounters[meter]
            serverCounters[meter] &+= 1
        }
        return try CipheredContentOpener.seal(
            plaintext: plaintext, securityControl: Self.control, invocationCounter: counter,
            systemTitle: fromClient ? Self.clientSystemTitle : Self.systemTitle(meter: meter),
            encryptionKey: encryptionKeys[meter], authenticationKey: Self.authenticationKey(meter: meter))
    }

    /// The glo- envelope of an LN service APDU (get, set, action ...).
    mutating func glo(_ plaintext: [UInt8], meter: Int, fromClient: Bool) throws -> [UInt8] {
        let content = try seal(plaintext, meter: meter, fromClient: fromClient)
        guard let service = plaintext.first,
              let envelope = ServiceSpecificCipheredAPDU(service: service, key: .global, content: content)
        else { return plaintext }
        return APDU.ciphered(envelope).encoded
    }

    private func initiate(_ kind: CipheredInitiate.Kind, _ content: CipheredContent) -> UserInformation {
        .cipheredInitiate(CipheredInitiate(
            kind: kind, securityControl: content.securityControl.rawValue, invocationCounter: content.invocationCounter,
            cipheredContent: content.text + (content.tag ?? [])))
    }

    /// AARQ (LN referencing with ciphering, client system title, glo-initiate-request).
    mutating func aarq(meter: Int) throws -> [UInt8] {
        let request = Hex.decode("01000000065F1F0400401E5DFFFF") ?? []
        return AARQ(
            applicationContextName: .cosem(group: 1, value: 3), callingAPTitle: Self.clientSystemTitle,
            userInformation: initiate(.gloInitiateRequest, try seal(request, meter: meter, fromClient: true))
        ).encoded
    }

    /// AARE accepted (the meter's system title, glo-initiate-response).
    mutating func aare(meter: Int) throws -> [UInt8] {
        let response = Hex.decode("0800065F1F040000501F01F40007") ?? []
        return AARE(
            applicationContextName: .cosem(group: 1, value: 3), respondingAPTitle: Self.systemTitle(meter: meter),
            userInformation: initiate(.gloInitiateResponse, try seal(response, meter: meter, fromClient: false))
        ).encoded
    }
}
