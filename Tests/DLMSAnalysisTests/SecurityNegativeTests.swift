import DLMSAPDU
import DLMSAnalysis
import DLMSCore
import DLMSSecurity
import DLMSTestSupport
import Foundation
import Testing

/// Negative security tests on variants of the ciphered sample session (`CipheredSession`): one
/// defect each (a damaged tag or ciphertext, a wrong key or system title, a replayed counter, a
/// missing key, a weaker policy), with the exact finding codes on the record it affects, the other
/// records as in the clean session, and the verdict of `dlmscope verify` on the variant.
///
/// Records are numbered like the session's steps: record `n` is step `n - 1`
/// (`CipheredVariant.Position`), as long as nothing was inserted.
@Suite struct SecurityNegativeTests {
    typealias Variant = CipheredVariant
    typealias Position = CipheredVariant.Position

    static let authenticatedEncrypted = SecurityControl(authenticated: true, encrypted: true)
    static let encryptedOnly = SecurityControl(authenticated: false, encrypted: true)
    static let authenticatedOnly = SecurityControl(authenticated: true, encrypted: false)

    /// The steps whose APDU travels in a glo- envelope or a ciphered initiate (the global key).
    static let global = [Position.aarq, Position.aare, Position.hlsRequest, Position.hlsResponse,
                         Position.energyRequest, Position.energyResponse, Position.scalerRequest, Position.scalerResponse]
    static let dedicated = [Position.dedicatedGetRequest, Position.dedicatedGetResponse]
    static let server = [Position.aare, Position.hlsResponse, Position.dedicatedGetResponse, Position.energyResponse,
                         Position.scalerResponse]
    static let client = [Position.aarq, Position.hlsRequest, Position.dedicatedGetRequest, Position.energyRequest,
                         Position.scalerRequest]

    // MARK: Helpers

    /// The clean session's records, opened with the sample's keys file.
    static func cleanRecords() throws -> [Record] {
        try Variant.analyse(Variant.clean(), keys: Variant.sampleKeys()).records
    }

    static func codes(_ record: Record) -> [String] { record.findings.map(\.code.rawValue) }

    /// Every record of `records` but those at `affected` is what the clean session has there:
    /// no finding, the same APDU, security outcome and HLS result. `shift` maps a variant's
    /// position to the clean session's (for variants with inserted steps).
    static func expectUnaffected(
        _ records: [Record], except affected: Set<Int>, clean: [Record], shift: (Int) -> Int? = { $0 },
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for (position, record) in records.enumerated() where !affected.contains(position) {
            guard let original = shift(position).map({ clean[$0] }) else { continue }
            #expect(record.findings.isEmpty, "record \(record.index): \(codes(record))", sourceLocation: sourceLocation)
            #expect(record.apdu?.apdu == original.apdu?.apdu, "record \(record.index)", sourceLocation: sourceLocation)
            #expect(record.security == original.security, "record \(record.index)", sourceLocation: sourceLocation)
            #expect(record.hls == original.hls, "record \(record.index)", sourceLocation: sourceLocation)
        }
    }

    /// `dlmscope verify -T json` on the capture at `pcap` with the keys file `keys` (if any) and
    /// `arguments`: its exit status and the report's `result`.
    static func verify(_ pcap: String, keys: String?, _ arguments: [String] = []) throws -> (status: Int32, result: String?) {
        var all = ["-T", "json", pcap] + arguments
        if let keys { all += ["-k", try Variant.writeKeys(keys)] }
        let run = try VerifyRunner.run(all)
        let object = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return (run.status, object?["result"] as? String)
    }

    /// `verify` fails the variant (exit 1, result fail), as its report says.
    static func expectVerifyFails(
        _ steps: [Variant.Step], keys: String?, _ arguments: [String] = [], report: ConformanceReport,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let failed = report.hasErrors
        #expect(failed, sourceLocation: sourceLocation)
        let run = try verify(try Variant.write(steps), keys: keys, arguments)
        #expect(run.status == 1 && run.result == "fail", "\(run)", sourceLocation: sourceLocation)
    }

    // MARK: The clean session

    @Test func theVariantWriterReproducesTheSampleAndItPasses() throws {
        let path = try Variant.write(try Variant.clean())
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(written == (try Data(contentsOf: URL(fileURLWithPath: Fixtures.project("Samples/ciphered-session.pcap")))))
        let (records, report) = try Variant.analyse(try Variant.clean(), keys: try Variant.sampleKeys())
        #expect(records.count == 12 && records.allSatisfy { $0.findings.isEmpty })
        #expect(records.compactMap(\.security).allSatisfy { $0.tag == .valid && $0.decrypted })
        let passed = !report.hasErrors
        #expect(passed)
        let run = try Self.verify(path, keys: CipheredSession.keysFile)
        #expect(run.status == 0 && run.result == "pass")
    }

    // MARK: Damage in transit

    /// The AK verified on the earlier APDUs, so a tag failure on a well-formed plaintext is damage
    /// (or forgery), not a wrong key: `gcm-tag-invalid` alone; the plaintext is shown, not authentic.
    @Test func aFlippedTagBitInAGetResponseIsATagFailureOnly() throws {
        let clean = try Self.cleanRecords()
        var steps = try Variant.clean()
        let position = Position.energyResponse
        steps[position].apdu = Variant.flippingBit(steps[position].apdu, at: Variant.lastTagByte(of: steps[position].apdu))
        let (records, report) = try Variant.analyse(steps, keys: try Variant.sampleKeys())
        let record = records[position]
        #expect(Self.codes(record) == ["gcm-tag-invalid"])
        #expect(record.findings.first?.severity == .error)
        #expect(record.security?.envelope == "glo-get-response")
        #expect(record.security?.tag == .invalid)
        #expect(record.security?.decrypted == true)
        // The plaintext is the one sent (only the tag was damaged), shown as not authentic.
        #expect(record.security?.plaintext == clean[position].security?.plaintext)
        #expect(record.apdu?.apdu == clean[position].apdu?.apdu)
        #expect(record.partner == records[Position.energyRequest].index)
        Self.expectUnaffected(records, except: [position], clean: clean)
        try Self.expectVerifyFails(steps, keys: CipheredSession.keysFile, report: report)
    }

    /// No tag has verified yet with the AK when the first ciphered APDU fails, so even damage
    /// reads as a likely wrong key; the AARE then verifies with the same keys and the rest is clean.
    @Test func aFlippedTagBitInTheFirstCipheredAPDUAlsoSuspectsTheKey() throws {
        let clean = try Self.cleanRecords()
        var steps = try Variant.clean()
        steps[Position.aarq].apdu = Variant.flippingBit(steps[Position.aarq].apdu, at: Variant.lastTagByte(of: steps[Position.aarq].apdu))
        let (records, report) = try Variant.analyse(steps, keys: try Variant.sampleKeys())
        let record = records[Position.aarq]
        #expect(Self.codes(record) == ["gcm-tag-invalid", "wrong-key-likely"])
        #expect(record.security?.envelope == "glo-initiate-request")
        #expect(record.security?.tag == .invalid)
        // The InitiateRequest still decodes (shown unauthenticated), so its dedicated key opens the ded- APDUs.
        #expect(record.security?.decrypted == true)
        Self.expectUnaffected(records, except: [Position.aarq], clean: clean)
        try Self.expectVerifyFails(steps, keys: CipheredSession.keysFile, report: report)
    }

    /// GCM is a stream cipher: a flipped ciphertext bit flips the same plaintext bit (here the OBIS
    /// code's D value, 1.0.1.8.0.255 becoming 1.0.1.9.0.255). The tag catches it.
    @Test func aFlippedCiphertextBitInAGetRequestIsATagFailure() throws {
        let clean = try Self.cleanRecords()
        var steps = try Variant.clean()
        let position = Position.energyRequest
        // Plaintext C0 01 C1 | 00 03 | 01 00 01 08 00 FF | 02 00: byte 8 is the OBIS D value.
        steps[position].apdu = Variant.flippingBit(steps[position].apdu, at: try Variant.textOffset(in: steps[position].apdu) + 8)
        let (records, report) = try Variant.analyse(steps, keys: try Variant.sampleKeys())
        let record = records[position]
        #expect(Self.codes(record) == ["gcm-tag-invalid"])
        #expect(record.security?.envelope == "glo-get-request")
        #expect(record.security?.tag == .invalid)
        #expect(record.security?.decrypted == true)
        var tampered = try #require(clean[position].security?.plaintext)
        tampered[8] ^= 1
        #expect(record.security?.plaintext == tampered)
        guard case let .getRequest(.normal(request))? = record.apdu?.apdu else {
            Issue.record("the tampered plaintext should still decode as a get-request: \(String(describing: record.apdu?.apdu))")
            return
        }
        #expect(request.attribute.instance == OBISCode(1, 0, 1, 9, 0))
        // The response keeps its verdict; it only answers what the (tampered) request is shown to ask.
        #expect(records[Position.energyResponse].findings.isEmpty && records[Position.energyResponse].security?.tag == .valid)
        Self.expectUnaffected(records, except: [position, Position.energyResponse], clean: clean)
        try Self.expectVerifyFails(steps, keys: CipheredSession.keysFile, report: report)
    }

    /// Damage that leaves no APDU (the first plaintext byte C0 becomes C1, a set-request too short to
    /// decode) cannot be told from a wrong key: both findings, and no plaintext is shown.
    @Test func ciphertextDamageThatBreaksTheAPDUAlsoSuspectsTheKey() throws {
        let clean = try Self.cleanRecords()
        var steps = try Variant.clean()
        let position = Position.energyRequest
        steps[position].apdu = Variant.flippingBit(steps[position].apdu, at: try Variant.textOffset(in: steps[position].apdu))
        let (records, report) = try Variant.analyse(steps, keys: try Variant.sampleKeys())
        let record = records[position]
        #expect(Self.codes(record) == ["gcm-tag-invalid", "wrong-key-likely"])
        #expect(record.security?.tag == .invalid)
        #expect(record.security?.decrypted == false)
        #expect(record.security?.plaintext == nil)
        if case .ciphered? = record.apdu?.apdu {} else { Issue.record("the record should show the envelope") }
        // Its response finds no request to answer.
        #expect(Self.codes(records[Position.energyResponse]) == ["response-without-request"])
        #expect(records[Position.energyResponse].security?.tag == .valid)
        Self.expectUnaffected(records, except: [position, Position.energyResponse], clean: clean)
        try Self.expectVerifyFails(steps, keys: CipheredSession.keysFile, report: report)
    }

    // MARK: Wrong keys and titles

    /// A wrong AK: the plaintexts decode (the EK is right) but no tag ever verifies.
    @Test func aWrongAuthenticationKey() throws {
        let clean = try Self.cleanRecords()
        let keys = Variant.keysFile(ak: "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDE")
        let steps = try Variant.clean()
        let (records, report) = try Variant.analyse(steps, keys: try Variant.keys(keys))
        let first = records[Position.aarq]
        #expect(Self.codes(first) == ["gcm-tag-invalid", "wrong-key-likely"])
        #expect(first.findings.allSatisfy { $0.severity == .error })
        #expect(first.security?.tag == .invalid)
        #expect(first.security?.decrypted == true)
        #expect(first.security?.plaintext == clean[Position.aarq].security?.plaintext)
        for position in Self.global where position != Position.aarq {
            let record = records[position]
            // The HLS replies are GMACs under the same AK: they fail too.
            let hls = position == Position.hlsRequest || position == Position.hlsResponse
            #expect(Self.codes(record) == ["gcm-tag-invalid", "wrong-key-likely"] + (hls ? ["hls-response-invalid"] : []),
                    "record \(record.index)")
            #expect(record.security?.tag == .invalid && record.security?.decrypted == true, "record \(record.index)")
        }
        #expect(records.compactMap(\.hls).map(\.result) == [.invalid, .invalid])
        // The ded- APDUs are sealed with the same AK: their tags fail as well.
        for position in Self.dedicated {
            #expect(records[position].security?.tag == .invalid, "record \(position + 1)")
            #expect(Self.codes(records[position]) == ["gcm-tag-invalid", "wrong-key-likely"], "record \(position + 1)")
        }
        Self.expectUnaffected(records, except: Set(Self.global + Self.dedicated), clean: clean)
        try Self.expectVerifyFails(steps, keys: keys, report: report)
    }

    /// A wrong EK: nothing decrypts, every tag fails, and the dedicated key (inside the
    /// undecryptable InitiateRequest) is never learned.
    @Test func aWrongEncryptionKey() throws {
        let clean = try Self.cleanRecords()
        let keys = Variant.keysFile(ek: Variant.wrongKey)
        let steps = try Variant.clean()
        let (records, report) = try Variant.analyse(steps, keys: try Variant.keys(keys))
        for position in Self.global {
            let record = records[position]
            #expect(Self.codes(record) == ["gcm-tag-invalid", "wrong-key-likely"], "record \(record.index)")
            #expect(record.security?.tag == .invalid, "record \(record.index)")
            #expect(record.security?.decrypted == false && record.security?.plaintext == nil, "record \(record.index)")
        }
        for position in Self.dedicated {
            #expect(Self.codes(records[position]) == ["key-missing"])
            #expect(records[position].findings.first?.severity == .error)
            #expect(records[position].security?.decrypted == false)
        }
        #expect(records.allSatisfy { $0.hls == nil })
        Self.expectUnaffected(records, except: Set(Self.global + Self.dedicated), clean: clean)
        try Self.expectVerifyFails(steps, keys: keys, report: report)
    }

    /// The AARE announces a title (…614F) other than the one the meter puts in its IVs (…614E).
    /// The keys are the default entry (flags), so the title only enters the IV: every server APDU
    /// is opened with the wrong IV and fails; the client's APDUs are untouched (their answers
    /// cannot be read, so the requests go unanswered).
    @Test func anAAREAnnouncingAnotherSystemTitle() throws {
        let clean = try Self.cleanRecords()
        var steps = try Variant.clean()
        guard case var .aare(aare) = try APDU.decode(steps[Position.aare].apdu[...]).apdu else {
            Issue.record("step 1 is no AARE")
            return
        }
        aare.respondingAPTitle = Hex.decode("4D4D4D0000BC614F")
        steps[Position.aare].apdu = APDU.aare(aare).encoded
        let flags = KeyFlags(ek: Variant.ek, ak: Variant.ak)
        let (records, report) = try Variant.analyse(steps, keys: try KeyStore().applying(flags))
        for position in Self.server {
            let record = records[position]
            #expect(Self.codes(record) == ["gcm-tag-invalid", "wrong-key-likely"], "record \(record.index)")
            #expect(record.security?.systemTitle == Hex.decode("4D4D4D0000BC614F"), "record \(record.index)")
            #expect(record.security?.systemTitleSource == "association", "record \(record.index)")
            #expect(record.security?.decrypted == false, "record \(record.index)")
        }
        for position in Self.client {
            let record = records[position]
            #expect(record.security?.tag == .valid && record.security?.decrypted == true, "record \(record.index)")
            #expect(Self.codes(record) == (position == Position.aarq ? [] : ["request-without-response"]), "record \(record.index)")
        }
        // The client's f(StoC) is a GMAC under the client's title: still valid.
        #expect(records[Position.hlsRequest].hls?.result == .valid)
        Self.expectUnaffected(records, except: Set(Self.server + Self.client), clean: clean)
        try Self.expectVerifyFails(steps, keys: nil, ["--ek", Variant.ek, "--ak", Variant.ak], report: report)
    }

    /// The keys file names the meter under a wrong title (…614F) and the meter's title is given as
    /// that (`server-system-title`, as `--server-system-title` does): the server's glo- APDUs are
    /// opened with the configured title in the IV and fail; the client's still open (the client's
    /// title comes from the AARQ, and a client APDU is tried with the meters' keys).
    @Test func aMeterConfiguredUnderAnotherSystemTitle() throws {
        let wrong = "4D4D4D0000BC614F"
        let keys = Variant.keysFile(title: wrong)
        let steps = try Variant.clean()
        let store = try Variant.keys(keys).applying(KeyFlags(serverSystemTitle: wrong))
        let (records, report) = try Variant.analyse(steps, keys: store)
        for position in Self.server where !Self.dedicated.contains(position) {
            let record = records[position]
            #expect(Self.codes(record) == ["gcm-tag-invalid", "wrong-key-likely"], "record \(record.index)")
            #expect(record.security?.systemTitleSource == "configuration", "record \(record.index)")
            #expect(record.security?.systemTitle == Hex.decode(wrong), "record \(record.index)")
            #expect(record.security?.decrypted == false, "record \(record.index)")
        }
        for position in Self.client where !Self.dedicated.contains(position) {
            #expect(records[position].security?.tag == .valid, "record \(position + 1)")
            #expect(!records[position].findings.contains { $0.severity == .error }, "record \(position + 1)")
        }
        try Self.expectVerifyFails(steps, keys: keys, ["--server-system-title", wrong], report: report)
    }

    // MARK: Invocation counters

    /// The energy exchange (request IC 3, response IC 0x01234569) replayed byte for byte after
    /// the scaler exchange: the tags verify, only the counters give the replay away.
    @Test func aReplayedExchangeIsAnICReplay() throws {
        let clean = try Self.cleanRecords()
        var steps = try Variant.clean()
        steps.insert(contentsOf: [steps[Position.energyRequest], steps[Position.energyResponse]], at: Position.releaseRequest)
        let (records, report) = try Variant.analyse(steps, keys: try Variant.sampleKeys())
        #expect(records.count == 14)
        for position in [Position.releaseRequest, Position.releaseRequest + 1] {
            let record = records[position]
            #expect(Self.codes(record) == ["ic-replay"], "record \(record.index)")
            #expect(record.findings.first?.severity == .error)
            #expect(record.security?.tag == .valid && record.security?.decrypted == true)
        }
        #expect(records[Position.releaseRequest].security?.invocationCounter == 3)
        #expect(records[Position.releaseRequest + 1].partner == records[Position.releaseRequest].index)
        let replayed = Set([Position.releaseRequest, Position.releaseRequest + 1])
        Self.expectUnaffected(records, except: replayed, clean: clean, shift: { $0 < Position.releaseRequest ? $0 : $0 - 2 })
        try Self.expectVerifyFails(steps, keys: CipheredSession.keysFile, report: report)
    }

    /// The scaler request sealed afresh (valid tag) but with the energy request's IC 3 again.
    @Test func aReusedInvocationCounterIsAnICReplay() throws {
        let clean = try Self.cleanRecords()
        var steps = try Variant.clean()
        let position = Position.scalerRequest
        steps[position].apdu = try Variant.sealed(
            try Variant.plaintext(of: steps[position]), fromClient: true, control: Self.authenticatedEncrypted, ic: 3
        )
        let (records, report) = try Variant.analyse(steps, keys: try Variant.sampleKeys())
        let record = records[position]
        #expect(Self.codes(record) == ["ic-replay"])
        #expect(record.security?.invocationCounter == 3)
        #expect(record.security?.tag == .valid)
        #expect(record.apdu?.apdu == clean[position].apdu?.apdu)
        Self.expectUnaffected(records, except: [position], clean: clean)
        try Self.expectVerifyFails(steps, keys: CipheredSession.keysFile, report: report)
    }

    // MARK: Missing keys

    /// A keys file for another meter only: the server's APDUs have no key (`key-missing`, an error
    /// since keys were given), nothing is decrypted.
    @Test func keysForAnotherMeterOnly() throws {
        let keys = Variant.keysFile(title: Variant.otherMeterTitle, ek: Variant.wrongKey)
        let steps = try Variant.clean()
        let (records, report) = try Variant.analyse(steps, keys: try Variant.keys(keys))
        for position in Self.server + Self.dedicated {
            let record = records[position]
            #expect(Self.codes(record) == ["key-missing"], "record \(record.index)")
            #expect(record.findings.first?.severity == .error, "record \(record.index)")
            #expect(record.security?.decrypted == false, "record \(record.index)")
        }
        #expect(records.compactMap(\.security).allSatisfy { !$0.decrypted })
        // Once the AARE named the meter (4D4D4D0000BC614E, which has no entry), the client's APDUs
        // to it have no key either: the other meter's keys are tried and do not open them.
        for position in [Position.hlsRequest, Position.energyRequest, Position.scalerRequest] {
            #expect(Self.codes(records[position]) == ["key-missing"], "record \(position + 1)")
        }
        try Self.expectVerifyFails(steps, keys: keys, report: report)
    }

    /// No keys at all: not opening is the user's choice, an info finding; `verify` passes.
    @Test func noKeysAtAllIsAnInfoFinding() throws {
        let steps = try Variant.clean()
        let (records, report) = try Variant.analyse(steps, keys: KeyStore())
        for position in Self.global + Self.dedicated {
            let record = records[position]
            #expect(Self.codes(record) == ["key-missing"], "record \(record.index)")
            #expect(record.findings.first?.severity == .info, "record \(record.index)")
            #expect(record.security?.decrypted == false && record.security?.tag == .unchecked, "record \(record.index)")
        }
        #expect(records[Position.releaseRequest].findings.isEmpty && records[Position.releaseResponse].findings.isEmpty)
        let passed = !report.hasErrors
        #expect(passed)
        let run = try Self.verify(try Variant.write(steps), keys: nil)
        #expect(run.status == 0 && run.result == "pass")
    }

    // MARK: Encryption only

    /// The whole session re-sealed encryption-only (SC 0x20, initiates included): with the right
    /// keys it opens cleanly (no tags); with a wrong EK nothing decodes, which is all there is to
    /// tell: `wrong-key-likely`, and the dedicated key is never learned.
    @Test func encryptionOnlyWithAWrongKey() throws {
        let steps = try Variant.clean().map { try Variant.resealed($0, control: Self.encryptedOnly) }
        let right = try Variant.analyse(steps, keys: try Variant.sampleKeys())
        #expect(right.records.allSatisfy { $0.findings.isEmpty })
        #expect(right.records.compactMap(\.security).count == 10)
        #expect(right.records.compactMap(\.security).allSatisfy { $0.tag == .absent && $0.decrypted && $0.securityControl == 0x20 })
        let rightPasses = !right.report.hasErrors
        #expect(rightPasses)

        let keys = Variant.keysFile(ek: Variant.wrongKey)
        let (records, report) = try Variant.analyse(steps, keys: try Variant.keys(keys))
        for position in Self.global {
            let record = records[position]
            #expect(Self.codes(record) == ["wrong-key-likely"], "record \(record.index)")
            #expect(record.security?.tag == .absent && record.security?.decrypted == false, "record \(record.index)")
        }
        for position in Self.dedicated {
            #expect(Self.codes(records[position]) == ["key-missing"], "record \(position + 1)")
        }
        try Self.expectVerifyFails(steps, keys: keys, report: report)
    }

    // MARK: Policy

    /// A plain get exchange right after the AARE of an LN-with-ciphering association whose initiates
    /// were authenticated and encrypted: unprotected in a ciphered context (a warning), and weaker
    /// than the initiate (a policy violation, an error: `verify` fails).
    @Test func aPlainGetInACipheredAssociation() throws {
        let clean = try Self.cleanRecords()
        var steps = try Variant.clean()
        steps.insert(contentsOf: [(true, APDUs.getClock), (false, APDUs.clockValue)], at: Position.hlsRequest)
        let (records, report) = try Variant.analyse(steps, keys: try Variant.sampleKeys())
        for position in [Position.hlsRequest, Position.hlsRequest + 1] {
            let record = records[position]
            #expect(Self.codes(record) == ["plaintext-in-ciphered-association", "security-policy-violation"],
                    "record \(record.index)")
            #expect(record.findings.map(\.severity) == [.warning, .error])
            #expect(record.security == nil)
        }
        Self.expectUnaffected(records, except: [Position.hlsRequest, Position.hlsRequest + 1], clean: clean,
                              shift: { $0 < Position.hlsRequest ? $0 : $0 - 2 })
        #expect(report.findings.map(\.code.rawValue) == ["plaintext-in-ciphered-association", "security-policy-violation"])
        try Self.expectVerifyFails(steps, keys: CipheredSession.keysFile, report: report)
    }

    /// An authentication-only glo-get-request after authenticated and encrypted ones (and an A+E
    /// initiate): weaker than the association's policy. It still verifies and reads in clear.
    @Test func anAuthenticationOnlyRequestAfterAuthenticatedEncryption() throws {
        let clean = try Self.cleanRecords()
        var steps = try Variant.clean()
        let position = Position.scalerRequest
        steps[position] = try Variant.resealed(steps[position], control: Self.authenticatedOnly)
        let (records, report) = try Variant.analyse(steps, keys: try Variant.sampleKeys())
        let record = records[position]
        #expect(Self.codes(record) == ["security-policy-violation"])
        #expect(record.findings.first?.severity == .error)
        #expect(record.security?.securityControl == 0x10)
        #expect(record.security?.tag == .valid && record.security?.decrypted == true)
        #expect(record.apdu?.apdu == clean[position].apdu?.apdu)
        Self.expectUnaffected(records, except: [position], clean: clean)
        try Self.expectVerifyFails(steps, keys: CipheredSession.keysFile, report: report)
    }

    // MARK: Dedicated key

    /// With the keys as flags (the default entry), a damaged ded- tag is caught like a glo- one.
    @Test func aFlippedTagBitInADedicatedResponseWithKeyFlags() throws {
        var steps = try Variant.clean()
        let position = Position.dedicatedGetResponse
        steps[position].apdu = Variant.flippingBit(steps[position].apdu, at: Variant.lastTagByte(of: steps[position].apdu))
        let flags = KeyFlags(ek: Variant.ek, ak: Variant.ak)
        let (records, report) = try Variant.analyse(steps, keys: try KeyStore().applying(flags))
        #expect(Self.codes(records[position]) == ["gcm-tag-invalid"])
        #expect(records[position].security?.tag == .invalid)
        #expect(records.enumerated().allSatisfy { $0.offset == position || $0.element.findings.isEmpty })
        try Self.expectVerifyFails(steps, keys: nil, ["--ek", Variant.ek, "--ak", Variant.ak], report: report)
    }

    /// The same damage with the sample's keys file (a `[[meter]]` entry): the ded- APDU fails its
    /// tag too; the `[default]` entry, which has no AK, must not reopen it as merely unchecked.
    @Test(arguments: [Position.dedicatedGetRequest, Position.dedicatedGetResponse])
    func damageToADedicatedAPDUWithAMeterEntry(position: Int) throws {
        var steps = try Variant.clean()
        steps[position].apdu = Variant.flippingBit(steps[position].apdu, at: Variant.lastTagByte(of: steps[position].apdu))
        let (records, report) = try Variant.analyse(steps, keys: try Variant.sampleKeys())
        #expect(Self.codes(records[position]) == ["gcm-tag-invalid"])
        #expect(records[position].security?.tag == .invalid)
        try Self.expectVerifyFails(steps, keys: CipheredSession.keysFile, report: report)
    }
}
