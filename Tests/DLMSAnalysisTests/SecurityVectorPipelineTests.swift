import DLMSAPDU
import DLMSAnalysis
import DLMSCore
import DLMSSecurity
import DLMSTestSupport
import Foundation
import Testing

/// The suite-0 known-answer vectors (`a*` in the shared vectors.json) through
/// the whole analysis pipeline (`PDUDecoder`: APDU decoding, the security
/// stage, the association it follows): each record's tag verdict, plaintext
/// and decoded plaintext APDU. Titles are configured per vector, since the
/// vectors do not agree on which party owns which title (spec-notes §8,
/// pitfall 1).
@Suite struct SecurityVectorPipelineTests {
    /// Service-specific ciphered APDUs whose inputs name title, IC, keys and plaintext and
    /// whose expected value is the whole APDU, all sent by the client.
    static let clientVectors = [
        "a01-glo-initiate-request-AE", "a02-glo-get-request-AE", "a03-glo-get-request-E", "a04-glo-get-request-A",
        "a05-glo-get-request-A-systitle-KAM", "a05-glo-get-request-E-systitle-KAM",
        "a05-glo-get-request-AE-systitle-KAM",
    ]

    /// The Green Book names of the envelopes the vectors use (spec-notes §2).
    static let envelopeNames: [UInt8: String] = [
        0x21: "glo-initiate-request", 0x28: "glo-initiate-response", 0xC8: "glo-get-request", 0xCC: "glo-get-response",
        0xD0: "ded-get-request", 0xDB: "general-glo-ciphering",
    ]

    /// The plaintext of an APDU sealed with this security control byte: stated when
    /// authenticated (the tag needs AK), absent for encryption only (spec-notes §4.2).
    static func verdict(_ control: UInt8, withAK: Bool) -> TagVerdict {
        control & 0x10 == 0 ? .absent : withAK ? .valid : .unchecked
    }

    @Test func everyCipheredSuiteZeroVectorIsCovered() {
        let covered = Set(Self.clientVectors + [
            "a06-real-meter-auth-only", "a07-glo-get-response-E-long", "a08-real-meter-AE-decrypt",
            "a09-short-system-title", "a10-general-glo-ciphering-data-notification",
            "a11-general-glo-ciphering-empty-system-title", "a12-glo-initiate-response", "a13-ded-get-request-AE",
            "a14-aarq-ciphered-lls",
        ])
        let all = Set(SecurityVectors.ids(startingWith: "a"))
        #expect(!all.isEmpty, "vectors.json not read")
        #expect(all.subtracting(covered).isEmpty, "vectors without a pipeline test: \(all.subtracting(covered).sorted())")
    }

    // MARK: Service-specific glo- APDUs (a01-a05)

    @Test(arguments: clientVectors)
    func clientAPDUOpensWithItsKeys(id: String) throws {
        let vector = try SecurityVectors.vector(id)
        let apdu = try vector.expect("ciphered_apdu")
        let title = try vector.input("system_title")
        let control = try vector.securityControl()
        let plaintext = try vector.input("plaintext_apdu")
        var pipeline = SecurityPipeline(keys: KeyStore(
            defaultKeys: KeySet(ek: try vector.input("EK"), ak: try vector.optionalInput("AK")), defaultClientSystemTitle: title
        ))
        let record = try pipeline.feed(apdu)
        let security = try #require(record.security)
        #expect(security.envelope == Self.envelopeNames[apdu[0]])
        #expect(security.securityControl == control)
        #expect(security.invocationCounter == (try vector.counter("invocation_counter")))
        #expect(security.key == .globalUnicast)
        #expect(security.systemTitle == title)
        #expect(security.systemTitleSource == "configuration")
        #expect(security.keySource == "default")
        #expect(security.tag == Self.verdict(control, withAK: true))
        #expect(security.plaintext == plaintext)
        #expect(security.decrypted)
        #expect(record.direction == .clientToServer)
        #expect(record.apdu?.bytes == plaintext)
        #expect(record.apdu?.envelope?.tag == apdu[0])
        try Self.expectPlaintextAPDU(record.apdu?.apdu, of: vector, plaintext: plaintext)
        #expect(record.findings.isEmpty, "\(record.findingCodes)")
    }

    /// Without AK an authenticated APDU still decrypts (GCM decryption needs only EK) but
    /// its tag cannot be checked.
    @Test(arguments: clientVectors)
    func withoutAuthenticationKeyTheTagIsUnchecked(id: String) throws {
        let vector = try SecurityVectors.vector(id)
        let control = try vector.securityControl()
        let plaintext = try vector.input("plaintext_apdu")
        var pipeline = SecurityPipeline(keys: KeyStore(
            defaultKeys: KeySet(ek: try vector.input("EK")), defaultClientSystemTitle: try vector.input("system_title")
        ))
        let record = try pipeline.feed(try vector.expect("ciphered_apdu"))
        let security = try #require(record.security)
        #expect(security.tag == Self.verdict(control, withAK: false))
        #expect(security.plaintext == plaintext)
        #expect(security.decrypted)
        try Self.expectPlaintextAPDU(record.apdu?.apdu, of: vector, plaintext: plaintext)
        #expect(!record.hasFinding(.gcmTagInvalid) && !record.hasFinding(.keyMissing) && !record.hasFinding(.wrongKeyLikely), "\(record.findingCodes)")
    }

    /// With a title but no keys: key-missing. An encrypted APDU stays closed; an
    /// authentication-only one carries its plaintext in clear, which is shown unchecked.
    @Test(arguments: clientVectors)
    func withoutKeysTheAPDUIsNotOpened(id: String) throws {
        let vector = try SecurityVectors.vector(id)
        let apdu = try vector.expect("ciphered_apdu")
        let control = try vector.securityControl()
        var pipeline = SecurityPipeline(keys: KeyStore(defaultClientSystemTitle: try vector.input("system_title")))
        let record = try pipeline.feed(apdu)
        let security = try #require(record.security)
        #expect(record.hasFinding(.keyMissing), "\(record.findingCodes)")
        #expect(security.tag == (control & 0x10 != 0 ? .unchecked : .absent))
        #expect(security.securityControl == control)
        #expect(security.invocationCounter == (try vector.counter("invocation_counter")))
        if control & 0x20 != 0 {
            #expect(!security.decrypted)
            #expect(security.plaintext == nil)
            #expect(record.apdu?.apdu?.tag == apdu[0], "the record's APDU stays the envelope")
        } else {
            let plaintext = try vector.input("plaintext_apdu")
            #expect(security.plaintext == plaintext)
            #expect(record.apdu?.bytes == plaintext)
        }
    }

    /// No keys and no title at all: the title is what is reported missing.
    @Test func withNothingConfiguredTheTitleIsMissing() throws {
        let vector = try SecurityVectors.vector("a02-glo-get-request-AE")
        var pipeline = SecurityPipeline()
        let record = try pipeline.feed(try vector.expect("ciphered_apdu"))
        let security = try #require(record.security)
        #expect(record.hasFinding(.systemTitleMissing), "\(record.findingCodes)")
        #expect(!security.decrypted)
        #expect(security.tag == .unchecked)
        #expect(security.systemTitle == nil)
    }

    /// A wrong AK with the right EK: the plaintext reads but the tag fails.
    @Test func wrongAuthenticationKeyFailsTheTag() throws {
        let vector = try SecurityVectors.vector("a02-glo-get-request-AE")
        var pipeline = SecurityPipeline(keys: KeyStore(
            defaultKeys: KeySet(ek: try vector.input("EK"), ak: SecurityVectors.changing(try vector.input("AK"), at: 0)),
            defaultClientSystemTitle: try vector.input("system_title")
        ))
        let record = try pipeline.feed(try vector.expect("ciphered_apdu"))
        let security = try #require(record.security)
        #expect(security.tag == .invalid)
        #expect(record.hasFinding(.gcmTagInvalid), "\(record.findingCodes)")
    }

    // MARK: Real-meter vectors (a06-a08)

    /// a06 gives the bytes after the glo-get-request tag (a get-request, so C8).
    @Test func authenticationOnlyRealMeterRequest() throws {
        let vector = try SecurityVectors.vector("a06-real-meter-auth-only")
        let apdu = [0xC8] + (try vector.expect("security_header_and_payload"))
        let plaintext = try vector.input("plaintext_apdu")
        for withAK in [true, false] {
            var pipeline = SecurityPipeline(keys: KeyStore(
                defaultKeys: KeySet(ek: try vector.input("EK"), ak: withAK ? try vector.input("AK") : nil),
                defaultClientSystemTitle: try vector.input("system_title")
            ))
            let record = try pipeline.feed(apdu)
            let security = try #require(record.security)
            #expect(security.envelope == "glo-get-request")
            #expect(security.securityControl == (try vector.securityControl()))
            #expect(security.invocationCounter == (try vector.counter("invocation_counter")))
            #expect(security.tag == (withAK ? .valid : .unchecked))
            #expect(security.plaintext == plaintext)
            try Self.expectPlaintextAPDU(record.apdu?.apdu, of: vector, plaintext: plaintext)
            if withAK { #expect(record.findings.isEmpty, "\(record.findingCodes)") }
        }
    }

    /// a07: the server's glo-get-response, encryption only, with a two-byte A-XDR length.
    @Test func encryptionOnlyLongResponse() throws {
        let vector = try SecurityVectors.vector("a07-glo-get-response-E-long")
        let apdu = try vector.input("ciphered_apdu")
        let plaintext = try vector.expect("plaintext_apdu")
        var pipeline = SecurityPipeline(keys: KeyStore(
            defaultKeys: KeySet(ek: try vector.input("EK")), defaultServerSystemTitle: try vector.input("system_title")
        ))
        let record = try pipeline.feed(apdu)
        let security = try #require(record.security)
        #expect(record.direction == .serverToClient)
        #expect(security.envelope == "glo-get-response")
        #expect(security.securityControl == (try vector.securityControl()))
        #expect(security.invocationCounter == (try vector.counter("invocation_counter", expected: true)))
        #expect(security.systemTitle == (try vector.input("system_title")))
        #expect(security.systemTitleSource == "configuration")
        #expect(security.tag == .absent)
        #expect(security.plaintext == plaintext)
        #expect(record.apdu?.bytes == plaintext)
        // "get-response-with-datablock (block 1, not last)".
        guard case let .getResponse(.withDataBlock(response))? = record.apdu?.apdu else {
            Issue.record("not a get-response-with-datablock: \(String(describing: record.apdu?.apdu))")
            return
        }
        #expect(response.block.blockNumber == 1)
        #expect(!response.block.lastBlock)
        #expect(!record.hasFinding(.keyMissing) && !record.hasFinding(.wrongKeyLikely), "\(record.findingCodes)")
    }

    /// a08 gives IV, ciphertext and tag: the APDU is glo-get-request (the plaintext is a
    /// get-request) with SC, the IV's counter, ciphertext and tag; the title is the IV's first 8 bytes.
    @Test func realMeterAuthenticatedEncryptionFromItsIV() throws {
        let vector = try SecurityVectors.vector("a08-real-meter-AE-decrypt")
        let iv = try vector.input("iv")
        try #require(iv.count == 12)
        let body = [try vector.securityControl()] + iv[8...] + (try vector.input("ciphertext")) + (try vector.input("tag"))
        let apdu = [0xC8, UInt8(body.count)] + body
        let plaintext = try vector.expect("plaintext_apdu")
        var pipeline = SecurityPipeline(keys: KeyStore(
            defaultKeys: KeySet(ek: try vector.input("EK"), ak: try vector.input("AK")),
            defaultClientSystemTitle: Array(iv[..<8])
        ))
        let record = try pipeline.feed(apdu)
        let security = try #require(record.security)
        #expect(security.invocationCounter == iv[8...].reduce(0) { $0 << 8 | UInt32($1) })
        #expect(security.systemTitle == Array(iv[..<8]))
        #expect(security.tag == .valid)
        #expect(security.plaintext == plaintext)
        try Self.expectPlaintextAPDU(record.apdu?.apdu, of: vector, plaintext: plaintext)
        #expect(record.findings.isEmpty, "\(record.findingCodes)")
    }

    // MARK: A 6-byte title (a09)

    /// The glo-initiate-response of a09: SC, IC, ciphertext and tag.
    static func shortTitleInitiateResponse(_ vector: SecurityVector) throws -> (apdu: [UInt8], initiate: CipheredInitiate) {
        let sealed = (try vector.input("ciphertext")) + (try vector.input("tag"))
        let control = try vector.securityControl()
        let counter = try vector.counter("invocation_counter")
        let body = [control] + (try vector.input("invocation_counter")) + sealed
        let initiate = CipheredInitiate(
            kind: .gloInitiateResponse, securityControl: control, invocationCounter: counter, cipheredContent: sealed
        )
        return ([0x28, UInt8(body.count)] + body, initiate)
    }

    /// Only the title right-padded with 0000 authenticates: the stage pads it, says so, and the tag holds.
    @Test func shortSystemTitleIsPaddedAndReported() throws {
        let vector = try SecurityVectors.vector("a09-short-system-title")
        let title = try vector.input("system_title_as_given")
        try #require(title.count == 6)
        let keys = KeySet(ek: try vector.input("EK"), ak: try vector.input("AK"))
        let plaintext = try vector.expect("plaintext_apdu")
        let (apdu, initiate) = try Self.shortTitleInitiateResponse(vector)

        // On its own, with the title configured.
        var alone = SecurityPipeline(keys: KeyStore(defaultKeys: keys, defaultServerSystemTitle: title))
        let record = try alone.feed(apdu)
        let security = try #require(record.security)
        #expect(security.envelope == "glo-initiate-response")
        #expect(security.tag == .valid)
        #expect(security.plaintext == plaintext)
        #expect(security.systemTitle?.starts(with: title) == true)
        #expect(record.hasFinding(.systemTitleInvalid), "\(record.findingCodes)")
        try Self.expectPlaintextAPDU(record.apdu?.apdu, of: vector, plaintext: plaintext)

        // In the AARE's user-information, the title being its responding-AP-title.
        let aare = AARE(
            applicationContextName: .cosem(group: 1, value: 3), respondingAPTitle: title,
            userInformation: .cipheredInitiate(initiate)
        )
        var associated = SecurityPipeline(keys: KeyStore(defaultKeys: keys))
        let response = try associated.feed(aare.encoded)
        let opened = try #require(response.security)
        #expect(opened.envelope == "glo-initiate-response")
        #expect(opened.tag == .valid)
        #expect(opened.plaintext == plaintext)
        #expect(opened.systemTitleSource == "association")
        #expect(response.hasFinding(.systemTitleInvalid), "\(response.findingCodes)")
        guard case .aare? = response.apdu?.apdu else {
            Issue.record("the record's APDU is not the AARE")
            return
        }
        try Self.expectPlaintextAPDU(response.apdu?.decryptedUserInformation, of: vector, plaintext: plaintext)
    }

    // MARK: general-glo-ciphering (a10, a11)

    /// a10 with its keys in a keys file entry for the title the APDU carries.
    @Test func generalGloCipheringWithTitleInTheAPDU() throws {
        let vector = try SecurityVectors.vector("a10-general-glo-ciphering-data-notification")
        let title = try vector.expect("system_title")
        let toml = """
            [[meter]]
            name = "u9n UDP push meter"
            system-title = "\(Hex.encode(title))"
            ek = "\(Hex.encode(try vector.input("EK")))"
            ak = "\(Hex.encode(try vector.input("AK")))"
            """
        let keys = try KeyStore(parsing: Array(toml.utf8), file: "keys.toml")
        var pipeline = SecurityPipeline(keys: keys)
        let record = try pipeline.feed(try vector.input("apdu"))
        let security = try #require(record.security)
        let plaintext = try vector.expect("plaintext_apdu")
        #expect(security.envelope == "general-glo-ciphering")
        #expect(security.securityControl == (try vector.securityControl()))
        #expect(security.invocationCounter == (try vector.counter("invocation_counter", expected: true)))
        #expect(security.systemTitle == title)
        #expect(security.systemTitleSource == "apdu")
        #expect(security.keySource == Hex.encode(title))
        #expect(security.tag == .valid)
        #expect(security.plaintext == plaintext)
        #expect(record.apdu?.envelope?.tag == 0xDB)
        try Self.expectPlaintextAPDU(record.apdu?.apdu, of: vector, plaintext: plaintext)
        #expect(record.findings.isEmpty, "\(record.findingCodes)")
    }

    /// a11 carries no title (length 0): its header is read; without a title from elsewhere
    /// it cannot be opened. The vector gives no keys, so no verdict is expected of it.
    @Test func generalGloCipheringWithEmptyTitleNeedsOneFromElsewhere() throws {
        let vector = try SecurityVectors.vector("a11-general-glo-ciphering-empty-system-title")
        let apdu = try vector.input("apdu")
        let counter = try vector.counter("invocation_counter", expected: true)
        let control = try vector.securityControl()

        var bare = SecurityPipeline()
        let record = try bare.feed(apdu)
        let security = try #require(record.security)
        #expect(security.envelope == "general-glo-ciphering")
        #expect(security.securityControl == control)
        #expect(security.invocationCounter == counter)
        #expect(security.systemTitle == nil)
        #expect(!security.decrypted)
        #expect(record.hasFinding(.systemTitleMissing), "\(record.findingCodes)")
        guard case let .generalGloDedCiphering(envelope)? = record.apdu?.apdu else {
            Issue.record("not kept as general-glo-ciphering: \(String(describing: record.apdu?.apdu))")
            return
        }
        #expect(envelope.systemTitle.bytes.count == Int(try #require(vector.expected["system_title_length"]))!)
        #expect(envelope.content.encodedCount == Int(try #require(vector.expected["content_length"]))!)

        // A configured title (the sender is unknown: the server's is tried first) is used.
        let configured = try SecurityVectors.vector("a12-glo-initiate-response").input("system_title")
        let greenBook = KeySet(
            ek: try SecurityVectors.vector("a02-glo-get-request-AE").input("EK"),
            ak: try SecurityVectors.vector("a02-glo-get-request-AE").input("AK")
        )
        var withTitle = SecurityPipeline(keys: KeyStore(defaultKeys: greenBook, defaultServerSystemTitle: configured))
        let titled = try #require(try withTitle.feed(apdu).security)
        #expect(titled.systemTitle == configured)
        #expect(titled.systemTitleSource == "configuration")
        #expect(titled.tag == .valid || titled.tag == .invalid, "an authenticated APDU with keys and a title is checked")

        // The title the association announced (AARE responding-AP-title) comes first.
        let aare = AARE(applicationContextName: .cosem(group: 1, value: 3), respondingAPTitle: configured)
        var associated = SecurityPipeline(keys: KeyStore(defaultKeys: greenBook))
        _ = try associated.feed(aare.encoded)
        let fromAssociation = try #require(try associated.feed(apdu).security)
        #expect(fromAssociation.systemTitle == configured)
        #expect(fromAssociation.systemTitleSource == "association")
    }

    // MARK: Ciphered initiates in ACSE APDUs (a12, a14)

    /// a12: the RLRE's glo-initiate-response, opened with the title the vector names.
    @Test func releaseResponseWithCipheredInitiateResponse() throws {
        let vector = try SecurityVectors.vector("a12-glo-initiate-response")
        let title = try vector.input("system_title")
        let keys = KeySet(ek: try vector.input("EK"), ak: try vector.input("AK"))
        let plaintext = try vector.expect("plaintext_apdu")

        let configured = SecurityPipeline(keys: KeyStore(defaultKeys: keys, defaultServerSystemTitle: title))
        var associated = SecurityPipeline(keys: KeyStore(defaultKeys: keys))
        _ = try associated.feed(AARE(applicationContextName: .cosem(group: 1, value: 3), respondingAPTitle: title).encoded)
        for (pipeline, source) in [(configured, "configuration"), (associated, "association")] {
            var pipeline = pipeline
            let record = try pipeline.feed(try vector.input("rlre"))
            let security = try #require(record.security)
            guard case .rlre? = record.apdu?.apdu else {
                Issue.record("the record's APDU is not the RLRE")
                continue
            }
            #expect(record.direction == .serverToClient)
            #expect(security.envelope == "glo-initiate-response")
            #expect(security.systemTitle == title)
            #expect(security.systemTitleSource == source)
            #expect(security.tag == .valid)
            #expect(security.plaintext == plaintext)
            try Self.expectPlaintextAPDU(record.apdu?.decryptedUserInformation, of: vector, plaintext: plaintext)
            #expect(record.findings.isEmpty, "\(record.findingCodes)")
        }
    }

    /// a14: the AARQ's glo-initiate-request (a01) opens with its calling-AP-title and
    /// gives the InitiateRequest with the dedicated key, which is marked secret.
    @Test(arguments: [true, false])
    func associationRequestWithCipheredInitiateRequest(withAK: Bool) throws {
        let vector = try SecurityVectors.vector("a14-aarq-ciphered-lls")
        let initiate = try SecurityVectors.vector("a01-glo-initiate-request-AE")
        let plaintext = try vector.expect("user_information_plaintext")
        var pipeline = SecurityPipeline(keys: KeyStore(
            defaultKeys: KeySet(ek: try vector.input("EK"), ak: withAK ? try vector.input("AK") : nil)
        ))
        let record = try pipeline.feed(try vector.input("aarq"))
        let security = try #require(record.security)
        guard case let .aarq(aarq)? = record.apdu?.apdu else {
            Issue.record("the record's APDU is not the AARQ")
            return
        }
        #expect(aarq.callingAPTitle == (try vector.expect("calling_ap_title")))
        #expect(security.envelope == "glo-initiate-request")
        #expect(security.systemTitle == (try vector.expect("calling_ap_title")))
        #expect(security.systemTitleSource == "association")
        #expect(security.securityControl == (try initiate.securityControl()))
        #expect(security.invocationCounter == (try initiate.counter("invocation_counter")))
        #expect(security.tag == (withAK ? .valid : .unchecked))
        #expect(security.plaintext == plaintext)
        #expect(security.plaintextHoldsSecret)
        try Self.expectPlaintextAPDU(record.apdu?.decryptedUserInformation, of: initiate, plaintext: plaintext)
        #expect(!record.hasFinding(.securityPolicyViolation) && !record.hasFinding(.keyMissing), "\(record.findingCodes)")
    }

    /// a01 given on its own (not in an AARQ) is the same glo-initiate-request: its plaintext
    /// holds the dedicated key just the same.
    @Test func standaloneInitiateRequestPlaintextHoldsTheDedicatedKey() throws {
        let vector = try SecurityVectors.vector("a01-glo-initiate-request-AE")
        var pipeline = SecurityPipeline(keys: KeyStore(
            defaultKeys: KeySet(ek: try vector.input("EK"), ak: try vector.input("AK")),
            defaultClientSystemTitle: try vector.input("system_title")
        ))
        let security = try #require(try pipeline.feed(try vector.expect("ciphered_apdu")).security)
        #expect(security.plaintext == (try vector.input("plaintext_apdu")))
        #expect(security.plaintextHoldsSecret)
    }

    // MARK: The dedicated key (a13)

    /// a13 after the a14 AARQ: the dedicated key comes from its decrypted InitiateRequest.
    /// a13 is protected under client title 4D4D4D0000000001 while a14 announces
    /// 4D4D4D0000BC614E, so a13's title is configured: the association's title fails the
    /// tag, the configured one opens it.
    @Test func dedicatedKeyFromTheCipheredAARQ() throws {
        let vector = try SecurityVectors.vector("a13-ded-get-request-AE")
        let aarq = try SecurityVectors.vector("a14-aarq-ciphered-lls")
        let title = try vector.input("system_title")
        let plaintext = try vector.input("plaintext_apdu")
        var pipeline = SecurityPipeline(keys: KeyStore(
            defaultKeys: KeySet(ek: try aarq.input("EK"), ak: try vector.input("AK")), defaultClientSystemTitle: title
        ))
        let association = try pipeline.feed(try aarq.input("aarq"))
        #expect(association.security?.tag == .valid)
        let record = try pipeline.feed(try vector.expect("ciphered_apdu"))
        let security = try #require(record.security)
        #expect(security.envelope == "ded-get-request")
        #expect(security.key == .dedicated)
        #expect(security.keySource == "association")
        #expect(security.systemTitle == title)
        #expect(security.systemTitleSource == "configuration")
        #expect(security.invocationCounter == (try vector.counter("invocation_counter")))
        #expect(security.tag == .valid)
        #expect(security.plaintext == plaintext)
        try Self.expectPlaintextAPDU(record.apdu?.apdu, of: vector, plaintext: plaintext)
        #expect(!record.hasFinding(.gcmTagInvalid) && !record.hasFinding(.keyMissing), "\(record.findingCodes)")
    }

    /// The same with a plain AARQ carrying a01's InitiateRequest under a13's title: the title
    /// comes from the association, and the unencrypted dedicated key is a policy violation.
    @Test func dedicatedKeyFromAPlainAARQ() throws {
        let vector = try SecurityVectors.vector("a13-ded-get-request-AE")
        let title = try vector.input("system_title")
        let decoding = try APDU.decode(try SecurityVectors.vector("a01-glo-initiate-request-AE").input("plaintext_apdu")[...])
        guard case let .initiateRequest(initiate) = decoding.apdu else {
            Issue.record("a01's plaintext is not an InitiateRequest")
            return
        }
        let aarq = AARQ(applicationContextName: .cosem(group: 1, value: 3), callingAPTitle: title,
                        userInformation: .initiateRequest(initiate))
        var pipeline = SecurityPipeline(keys: KeyStore(defaultKeys: KeySet(ak: try vector.input("AK"))))
        let request = try pipeline.feed(aarq.encoded)
        #expect(request.hasFinding(.securityPolicyViolation), "\(request.findingCodes)")
        let record = try pipeline.feed(try vector.expect("ciphered_apdu"))
        let security = try #require(record.security)
        #expect(security.keySource == "association")
        #expect(security.systemTitleSource == "association")
        #expect(security.tag == .valid)
        #expect(security.plaintext == (try vector.input("plaintext_apdu")))
    }

    /// a13 on its own: with the dedicated key configured it opens; without, key-missing.
    @Test func dedicatedKeyFromTheKeysOrMissing() throws {
        let vector = try SecurityVectors.vector("a13-ded-get-request-AE")
        let title = try vector.input("system_title")
        let plaintext = try vector.input("plaintext_apdu")
        var configured = SecurityPipeline(keys: KeyStore(
            defaultKeys: KeySet(ak: try vector.input("AK"), dk: try vector.input("dedicated_key")), defaultClientSystemTitle: title
        ))
        let opened = try configured.feed(try vector.expect("ciphered_apdu"))
        #expect(opened.security?.tag == .valid)
        #expect(opened.security?.keySource == "default")
        #expect(opened.security?.plaintext == plaintext)
        try Self.expectPlaintextAPDU(opened.apdu?.apdu, of: vector, plaintext: plaintext)

        var withoutDK = SecurityPipeline(keys: KeyStore(
            defaultKeys: KeySet(ek: try SecurityVectors.vector("a14-aarq-ciphered-lls").input("EK"), ak: try vector.input("AK")),
            defaultClientSystemTitle: title
        ))
        let closed = try withoutDK.feed(try vector.expect("ciphered_apdu"))
        #expect(closed.hasFinding(.keyMissing), "\(closed.findingCodes)")
        #expect(closed.security?.decrypted == false)
        #expect(closed.security?.key == .dedicated)
    }

    // MARK: The plaintext APDU

    /// `apdu` is the vector's plaintext APDU: its tag, and the members of
    /// `expected.decoded_plaintext` the vector states.
    static func expectPlaintextAPDU(
        _ apdu: APDU?, of vector: SecurityVector, plaintext: [UInt8], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let apdu = try #require(apdu, "\(vector.id): no plaintext APDU decoded", sourceLocation: sourceLocation)
        #expect(apdu.tag == plaintext.first, "\(vector.id)", sourceLocation: sourceLocation)
        if let name = vector.decodedPlaintext["name"] {
            #expect(APDUTag.name(apdu.tag) == name, sourceLocation: sourceLocation)
        }
        if let tag = vector.decodedPlaintext["tag"] {
            #expect([apdu.tag] == Hex.decode(tag), sourceLocation: sourceLocation)
        }
        let decoded = vector.decodedPlaintext
        switch apdu {
        case let .getRequest(.normal(request)):
            if decoded["class_id"] != nil {
                #expect(Int(request.attribute.classId) == (try vector.decodedInt("class_id")), sourceLocation: sourceLocation)
                #expect(request.attribute.instance.description == (try vector.decoded("obis")), sourceLocation: sourceLocation)
                #expect(Int(request.attribute.attributeId) == (try vector.decodedInt("attribute")), sourceLocation: sourceLocation)
                #expect([request.invokeIdAndPriority.rawValue] == (try vector.decodedBytes("invoke_id_and_priority")),
                        sourceLocation: sourceLocation)
                #expect(request.accessSelection == nil, sourceLocation: sourceLocation)
            }
        case .getRequest:
            Issue.record("\(vector.id): not a get-request-normal", sourceLocation: sourceLocation)
        case let .initiateRequest(request):
            if decoded["dedicated_key"] != nil {
                #expect(request.dedicatedKey == (try vector.decodedBytes("dedicated_key")), sourceLocation: sourceLocation)
                #expect(Int(request.proposedDLMSVersion) == (try vector.decodedInt("proposed_dlms_version")),
                        sourceLocation: sourceLocation)
                #expect(Self.bytes24(request.proposedConformance.rawValue) == (try vector.decodedBytes("conformance")),
                        sourceLocation: sourceLocation)
                #expect(Int(request.clientMaxReceivePDUSize) == (try vector.decodedInt("client_max_receive_pdu_size")),
                        sourceLocation: sourceLocation)
            }
        case let .initiateResponse(response):
            if decoded["conformance"] != nil {
                #expect(Int(response.negotiatedDLMSVersion) == (try vector.decodedInt("negotiated_dlms_version")),
                        sourceLocation: sourceLocation)
                #expect(Self.bytes24(response.negotiatedConformance.rawValue) == (try vector.decodedBytes("conformance")),
                        sourceLocation: sourceLocation)
                #expect(Int(response.serverMaxReceivePDUSize) == (try vector.decodedInt("server_max_receive_pdu_size")),
                        sourceLocation: sourceLocation)
                #expect([UInt8(response.vaaName >> 8), UInt8(response.vaaName & 0xFF)] == (try vector.decodedBytes("vaa_name")),
                        sourceLocation: sourceLocation)
            }
        case let .dataNotification(notification):
            if decoded["long_invoke_id_and_priority"] != nil {
                let id = notification.longInvokeIdAndPriority.rawValue
                #expect([UInt8(id >> 24), UInt8(id >> 16 & 0xFF), UInt8(id >> 8 & 0xFF), UInt8(id & 0xFF)]
                        == (try vector.decodedBytes("long_invoke_id_and_priority")), sourceLocation: sourceLocation)
                #expect(notification.dateTime.count == (try vector.decodedInt("date_time_len")), sourceLocation: sourceLocation)
                #expect(notification.body == .octetString(try vector.decodedBytes("notification_body.value")),
                        sourceLocation: sourceLocation)
            }
        default:
            break
        }
    }

    /// A 24-bit value as 3 big-endian bytes.
    static func bytes24(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
