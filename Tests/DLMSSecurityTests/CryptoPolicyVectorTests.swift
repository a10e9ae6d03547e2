import DLMSAPDU
import DLMSCore
import DLMSSecurity
import DLMSTestSupport
import Foundation
import Testing

/// Every suite-0 vector (`a*` in the shared vectors.json) through the policy
/// entry point: plaintexts and tag verdicts when opening, exact bytes when
/// sealing.
@Suite struct CryptoPolicyVectorTests {
    /// Service-specific APDUs whose inputs name title, IC, keys and plaintext
    /// and whose expected value is the whole ciphered APDU.
    static let sealedVectors = [
        "a01-glo-initiate-request-AE", "a02-glo-get-request-AE", "a03-glo-get-request-E", "a04-glo-get-request-A",
        "a05-glo-get-request-A-systitle-KAM", "a05-glo-get-request-E-systitle-KAM",
        "a05-glo-get-request-AE-systitle-KAM", "a13-ded-get-request-AE",
    ]

    @Test func everySuiteZeroVectorIsCovered() {
        let covered = Set(Self.sealedVectors + [
            "a06-real-meter-auth-only", "a07-glo-get-response-E-long", "a08-real-meter-AE-decrypt",
            "a09-short-system-title", "a10-general-glo-ciphering-data-notification",
            "a11-general-glo-ciphering-empty-system-title", "a12-glo-initiate-response", "a14-aarq-ciphered-lls",
        ])
        let all = Set(CryptoFixtures.ids(startingWith: "a"))
        #expect(!all.isEmpty)
        #expect(all.subtracting(covered).isEmpty, "vectors without a test: \(all.subtracting(covered).sorted())")
    }

    @Test(arguments: sealedVectors)
    func openingGivesThePlaintextAndVerdict(id: String) throws {
        let vector = try CryptoFixtures.vector(id)
        let apdu = try Self.decodeServiceSpecific(try vector.expect("ciphered_apdu"))
        let control = SecurityControl(rawValue: try vector.input("security_control")[0])
        #expect(apdu.content.securityControl == control)
        #expect(apdu.content.invocationCounter == (try vector.counter("invocation_counter")))

        let opening = try CipheredContentOpener.open(
            apdu.content, systemTitle: try vector.input("system_title"), encryptionKey: try Self.encryptionKey(vector),
            authenticationKey: control.authenticated ? try vector.input("AK") : nil
        )
        #expect(opening.plaintext == (try vector.input("plaintext_apdu")))
        #expect(opening.tag == (control.authenticated ? .valid : .absent))
        #expect(opening.systemTitleAdjustment == .none)
        if let ciphertext = vector.expected["ciphertext"] {
            #expect(apdu.content.text == (try CryptoFixtures.hex(ciphertext)))
        }
        if let tag = vector.expected["tag"] {
            #expect(apdu.content.tag == (try CryptoFixtures.hex(tag)))
        }
    }

    @Test(arguments: sealedVectors)
    func sealingReproducesTheCipheredAPDU(id: String) throws {
        let vector = try CryptoFixtures.vector(id)
        let expected = try vector.expect("ciphered_apdu")
        let control = SecurityControl(rawValue: try vector.input("security_control")[0])
        let content = try CipheredContentOpener.seal(
            plaintext: try vector.input("plaintext_apdu"), securityControl: control,
            invocationCounter: try vector.counter("invocation_counter"), systemTitle: try vector.input("system_title"),
            encryptionKey: try Self.encryptionKey(vector),
            authenticationKey: control.authenticated ? try vector.input("AK") : nil
        )
        let apdu = try #require(ServiceSpecificCipheredAPDU(tag: expected[0], content: content))
        var bytes = [UInt8]()
        apdu.encode(into: &bytes)
        #expect(Hex.encode(bytes) == Hex.encode(expected))
    }

    @Test func ivAndAADOfTheGreenBookInitiateRequest() throws {
        let vector = try CryptoFixtures.vector("a01-glo-initiate-request-AE")
        let iv = try CipheringIV.make(
            systemTitle: try vector.input("system_title"), invocationCounter: try vector.counter("invocation_counter")
        )
        #expect(iv == (try vector.input("iv")))
        #expect([try vector.input("security_control")[0]] + (try vector.input("AK")) == (try vector.input("aad")))
        let key = try AESGCMKey(try vector.input("EK"))
        let sealed = try key.seal(plaintext: try vector.input("plaintext_apdu"), iv: iv, aad: try vector.input("aad"))
        #expect(sealed.ciphertext == (try vector.expect("ciphertext")))
        #expect(sealed.tag == (try vector.expect("tag")))
    }

    /// GCM's ciphertext does not depend on the AAD: A+E (a02) and E (a03)
    /// carry the same bytes before the tag.
    @Test func authenticatedAndEncryptionOnlyShareTheCiphertext() throws {
        let bothVector = try CryptoFixtures.vector("a02-glo-get-request-AE")
        let both = try Self.decodeServiceSpecific(try bothVector.expect("ciphered_apdu"))
        let encryptedOnly = try Self.decodeServiceSpecific(
            try CryptoFixtures.vector("a03-glo-get-request-E").expect("ciphered_apdu")
        )
        #expect(both.content.text == encryptedOnly.content.text)
        #expect(encryptedOnly.content.tag == nil)
        let key = try AESGCMKey(CryptoFixtures.greenBookEK)
        let iv = try CipheringIV.make(
            systemTitle: try bothVector.input("system_title"), invocationCounter: try bothVector.counter("invocation_counter")
        )
        #expect(try key.decryptWithoutTag(ciphertext: both.content.text, iv: iv) == (try bothVector.input("plaintext_apdu")))
    }

    @Test func realMeterAuthenticationOnly() throws {
        let vector = try CryptoFixtures.vector("a06-real-meter-auth-only")
        // expected: A-XDR length (1E) then SC ‖ IC ‖ plaintext ‖ tag.
        let carried = try vector.expect("security_header_and_payload")
        #expect(Int(carried[0]) == carried.count - 1)
        let content = try CipheredContent(decoding: carried.dropFirst())
        let opening = try CipheredContentOpener.open(
            content, systemTitle: try vector.input("system_title"), encryptionKey: try vector.input("EK"),
            authenticationKey: try vector.input("AK")
        )
        #expect(opening.tag == .valid)
        #expect(opening.plaintext == (try vector.input("plaintext_apdu")))
        let sealed = try CipheredContentOpener.seal(
            plaintext: try vector.input("plaintext_apdu"), securityControl: SecurityControl(rawValue: 0x10),
            invocationCounter: try vector.counter("invocation_counter"), systemTitle: try vector.input("system_title"),
            encryptionKey: try vector.input("EK"), authenticationKey: try vector.input("AK")
        )
        #expect(sealed.encoded == Array(carried.dropFirst()))
    }

    @Test func longEncryptionOnlyResponse() throws {
        let vector = try CryptoFixtures.vector("a07-glo-get-response-E-long")
        let apdu = try Self.decodeServiceSpecific(try vector.input("ciphered_apdu"))
        #expect(apdu.content.securityControl.rawValue == (try vector.expect("security_control"))[0])
        #expect(apdu.content.invocationCounter == (try vector.counter("invocation_counter", expected: true)))
        let opening = try CipheredContentOpener.open(
            apdu.content, systemTitle: try vector.input("system_title"), encryptionKey: try vector.input("EK"),
            authenticationKey: nil
        )
        #expect(opening.tag == .absent)
        #expect(opening.plaintext == (try vector.expect("plaintext_apdu")))
    }

    @Test func realMeterAuthenticatedEncryption() throws {
        let vector = try CryptoFixtures.vector("a08-real-meter-AE-decrypt")
        let iv = try vector.input("iv")
        let title = Array(iv.prefix(8))
        let counter = iv.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let header = SecurityHeader(securityControl: SecurityControl(rawValue: 0x30), invocationCounter: counter)
        let content = try #require(
            CipheredContent(header: header, text: try vector.input("ciphertext"), tag: try vector.input("tag"))
        )
        let opening = try CipheredContentOpener.open(
            content, systemTitle: title, encryptionKey: try vector.input("EK"), authenticationKey: try vector.input("AK")
        )
        #expect(opening.tag == .valid)
        #expect(opening.plaintext == (try vector.expect("plaintext_apdu")))
        // The same through the primitive, with the vector's IV and AAD.
        let key = try AESGCMKey(try vector.input("EK"))
        let opened = try key.open(
            ciphertext: try vector.input("ciphertext"), iv: iv, aad: try vector.input("aad"), tag: try vector.input("tag")
        )
        #expect(opened == (try vector.expect("plaintext_apdu")))
    }

    /// a09: a 6-byte title authenticates only right-padded with zero bytes;
    /// the opening says so.
    @Test func sixByteSystemTitleIsPaddedAndReported() throws {
        let vector = try CryptoFixtures.vector("a09-short-system-title")
        let title = try vector.input("system_title_as_given")
        #expect(title.count == 6)
        let header = SecurityHeader(
            securityControl: SecurityControl(rawValue: try vector.input("security_control")[0]),
            invocationCounter: try vector.counter("invocation_counter")
        )
        let content = try #require(
            CipheredContent(header: header, text: try vector.input("ciphertext"), tag: try vector.input("tag"))
        )
        let opening = try CipheredContentOpener.open(
            content, systemTitle: title, encryptionKey: try vector.input("EK"), authenticationKey: try vector.input("AK")
        )
        #expect(opening.tag == .valid)
        #expect(opening.plaintext == (try vector.expect("plaintext_apdu")))
        #expect(opening.systemTitleAdjustment == .rightPadded(originalCount: 6))
        #expect(opening.systemTitleAdjustment.summary != nil)
        // An encoder never pads: sealing with the short title throws.
        #expect(throws: SecurityError.self) {
            try CipheredContentOpener.seal(
                plaintext: try vector.expect("plaintext_apdu"), securityControl: header.securityControl,
                invocationCounter: header.invocationCounter, systemTitle: title, encryptionKey: try vector.input("EK"),
                authenticationKey: try vector.input("AK")
            )
        }
    }

    @Test func generalGloCipheringDataNotification() throws {
        let vector = try CryptoFixtures.vector("a10-general-glo-ciphering-data-notification")
        let apdu = try Self.decodeGeneralGlo(try vector.input("apdu"))
        #expect(apdu.key == .global)
        #expect(apdu.systemTitle.bytes == (try vector.expect("system_title")))
        #expect(apdu.content.securityControl.rawValue == (try vector.expect("security_control"))[0])
        #expect(apdu.content.invocationCounter == (try vector.counter("invocation_counter", expected: true)))
        let opening = try CipheredContentOpener.open(
            apdu.content, systemTitle: apdu.systemTitle.bytes, encryptionKey: try vector.input("EK"),
            authenticationKey: try vector.input("AK")
        )
        #expect(opening.tag == .valid)
        #expect(opening.plaintext == (try vector.expect("plaintext_apdu")))
    }

    /// The 13 UDP pushes of a10 under one key object: each authenticates and
    /// is a data-notification whose long-invoke-id is the IC minus 10 (SOURCE.md).
    @Test func aStreamOfPushesUnderOneKey() throws {
        let text = try String(
            contentsOfFile: Fixtures.shared("vectors/data/u9n_udp_wrapper_general_glo_ciphering.hex"), encoding: .utf8
        )
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }
        #expect(lines.count == 13)
        let keyBytes = Array("MYDUMMYGLOBALKEY".utf8)
        let key = try AESGCMKey(keyBytes)
        for line in lines {
            let pdu = try CryptoFixtures.hex(String(line))
            let apdu = try Self.decodeGeneralGlo(Array(pdu.dropFirst(8)))
            let opening = try CipheredContentOpener.open(
                apdu.content, systemTitle: apdu.systemTitle.bytes, encryptionKey: key, authenticationKey: keyBytes
            )
            #expect(opening.tag == .valid)
            let plaintext = try #require(opening.plaintext)
            try #require(plaintext.count > 5)
            #expect(plaintext[0] == 0x0F)
            let invokeID = plaintext[1...4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            #expect(invokeID == apdu.content.invocationCounter - 10)
        }
    }

    /// a11: an empty title means "the association's title"; without keys the
    /// content stays closed, and an empty title with a key is reported, not fatal.
    @Test func generalGloCipheringWithEmptySystemTitle() throws {
        let vector = try CryptoFixtures.vector("a11-general-glo-ciphering-empty-system-title")
        let apdu = try Self.decodeGeneralGlo(try vector.input("apdu"))
        #expect(apdu.usesAssociationSystemTitle)
        #expect(apdu.content.encodedCount == 30)
        #expect(apdu.content.securityControl.rawValue == 0x30)
        #expect(apdu.content.invocationCounter == 0x8000_00D1)
        let closed = try CipheredContentOpener.open(
            apdu.content, systemTitle: apdu.systemTitle.bytes, encryptionKey: nil as AESGCMKey?, authenticationKey: nil
        )
        #expect(closed.plaintext == nil)
        #expect(closed.tag == .unchecked)
        let guessed = try CipheredContentOpener.open(
            apdu.content, systemTitle: [], encryptionKey: CryptoFixtures.greenBookEK,
            authenticationKey: CryptoFixtures.greenBookAK
        )
        #expect(guessed.systemTitleAdjustment == .rightPadded(originalCount: 0))
        #expect(guessed.tag == .invalid)
    }

    @Test func cipheredInitiateResponseInRLRE() throws {
        let vector = try CryptoFixtures.vector("a12-glo-initiate-response")
        var reader = ByteReader(try vector.input("rlre"))
        var notes = DecodingNotes()
        let rlre = try RLRE(from: &reader, notes: &notes)
        guard case let .cipheredInitiate(ciphered) = rlre.userInformation else {
            Issue.record("RLRE user-information is not a ciphered initiate: \(String(describing: rlre.userInformation))")
            return
        }
        #expect(ciphered.kind == .gloInitiateResponse)
        let content = try CipheredContent(decoding: ciphered.securedBytes[...])
        let opening = try CipheredContentOpener.open(
            content, systemTitle: try vector.input("system_title"), encryptionKey: try vector.input("EK"),
            authenticationKey: try vector.input("AK")
        )
        #expect(opening.tag == .valid)
        #expect(opening.plaintext == (try vector.expect("plaintext_apdu")))
    }

    @Test func cipheredInitiateRequestInAARQUsesTheCallingAPTitle() throws {
        let vector = try CryptoFixtures.vector("a14-aarq-ciphered-lls")
        var reader = ByteReader(try vector.input("aarq"))
        var notes = DecodingNotes()
        let aarq = try AARQ(from: &reader, notes: &notes)
        let title = try #require(aarq.callingAPTitle)
        #expect(title == (try vector.expect("calling_ap_title")))
        guard case let .cipheredInitiate(ciphered) = aarq.userInformation else {
            Issue.record("AARQ user-information is not a ciphered initiate")
            return
        }
        let content = try CipheredContent(decoding: ciphered.securedBytes[...])
        let opening = try CipheredContentOpener.open(
            content, systemTitle: title, encryptionKey: try vector.input("EK"), authenticationKey: try vector.input("AK")
        )
        #expect(opening.tag == .valid)
        #expect(opening.plaintext == (try vector.expect("user_information_plaintext")))
    }

    /// The Green Book example as the dlms-cosem tests quote it.
    @Test func greenBookCipheringExample() throws {
        let text = try String(
            contentsOfFile: Fixtures.shared("captures/dlms-cosem-u9n/greenbook_ciphering_vector.txt"), encoding: .utf8
        )
        var fields: [String: [UInt8]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            fields[String(parts[0])] = try CryptoFixtures.hex(String(parts[1]))
        }
        let control = try #require(fields["security_control"])
        let counter = try #require(fields["invocation_counter"])
        let title = try #require(fields["system_title"])
        let encryptionKey = try #require(fields["EK"])
        let authenticationKey = try #require(fields["AK"])
        // SC ‖ IC ‖ ciphertext ‖ tag, split as the parser does.
        let content = try CipheredContent(decoding: (control + counter + (try #require(fields["ciphertext_and_tag"])))[...])
        #expect(content.invocationCounter == 0x0123_4567)
        let opening = try CipheredContentOpener.open(
            content, systemTitle: title, encryptionKey: encryptionKey, authenticationKey: authenticationKey
        )
        #expect(opening.tag == .valid)
        #expect(opening.plaintext == fields["plain_apdu"])
    }

    // MARK: helpers

    static func encryptionKey(_ vector: CryptoVector) throws -> [UInt8] {
        // a13 protects a ded- APDU with the dedicated key; the AK stays the global one.
        vector.inputs["dedicated_key"] != nil ? try vector.input("dedicated_key") : try vector.input("EK")
    }

    static func decodeServiceSpecific(_ bytes: [UInt8]) throws -> ServiceSpecificCipheredAPDU {
        var reader = ByteReader(bytes)
        var notes = DecodingNotes()
        let apdu = try ServiceSpecificCipheredAPDU(from: &reader, notes: &notes)
        #expect(reader.isAtEnd)
        return apdu
    }

    static func decodeGeneralGlo(_ bytes: [UInt8]) throws -> GeneralGloDedCiphering {
        var reader = ByteReader(bytes)
        var notes = DecodingNotes()
        let apdu = try GeneralGloDedCiphering(from: &reader, notes: &notes)
        #expect(reader.isAtEnd)
        return apdu
    }
}
