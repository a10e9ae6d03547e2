import DLMSAPDU
import DLMSAnalysis
import DLMSCore
import DLMSSecurity
import DLMSTestSupport
import Foundation
import Testing

/// HLS pass 3 and pass 4 (and the LLS password) through the whole pipeline
/// (`PDUDecoder`): AARQ and AARE set the mechanism, titles and challenges,
/// then the reply_to_HLS_authentication action-request carries f(StoC) and its
/// action-response f(CtoS); each gets its `record.hls` verdict. Challenges,
/// titles, secrets and replies are the `b*` vectors' (spec-notes §4.3).
@Suite struct SecurityHLSPipelineTests {
    /// The records of AARQ, AARE, the client's reply and (when given) the server's answer.
    struct Exchange {
        var aarq: Record
        var aare: Record
        var reply: Record
        var answer: Record?
    }

    static func exchange(
        keys: KeyStore, aarq: [UInt8], aare: [UInt8], reply: [UInt8], answer: [UInt8]? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Exchange {
        var pipeline = SecurityPipeline(keys: keys)
        return Exchange(
            aarq: try pipeline.feed(aarq, sourceLocation: sourceLocation),
            aare: try pipeline.feed(aare, sourceLocation: sourceLocation),
            reply: try pipeline.feed(HLSAPDUs.reply(reply), sourceLocation: sourceLocation),
            answer: try answer.map { try pipeline.feed(HLSAPDUs.answer($0), sourceLocation: sourceLocation) }
        )
    }

    /// Who answers in `record`: the client in reply_to_HLS_authentication (pass 3), the
    /// server in its action-response (pass 4).
    static func responder(of record: Record?) -> HLSRole {
        record?.apdu?.bytes.first == HLSAPDUs.replyPrefix[0] ? .client : .server
    }

    static func expectValid(_ record: Record?, mechanism: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(record?.hls == HLSResult(mechanism: mechanism, result: .valid, responder: responder(of: record)),
                sourceLocation: sourceLocation)
        #expect(record?.hasFinding(.hlsResponseInvalid) == false, sourceLocation: sourceLocation)
        #expect(record?.findings.isEmpty == true, "\(record?.findingCodes ?? [])", sourceLocation: sourceLocation)
    }

    static func expectInvalid(_ record: Record?, mechanism: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(record?.hls?.mechanism == mechanism, sourceLocation: sourceLocation)
        #expect(record?.hls?.responder == responder(of: record), sourceLocation: sourceLocation)
        #expect(record?.hls?.result == .invalid, sourceLocation: sourceLocation)
        #expect(record?.hls?.reason != nil, sourceLocation: sourceLocation)
        #expect(record?.hasFinding(.hlsResponseInvalid) == true, "\(record?.findingCodes ?? [])", sourceLocation: sourceLocation)
    }

    static func expectUnchecked(_ record: Record?, mechanism: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(record?.hls?.mechanism == mechanism, sourceLocation: sourceLocation)
        #expect(record?.hls?.responder == responder(of: record), sourceLocation: sourceLocation)
        #expect(record?.hls?.result == .unchecked, sourceLocation: sourceLocation)
        #expect(record?.hls?.reason?.isEmpty == false, "an unchecked reply says why", sourceLocation: sourceLocation)
        #expect(record?.hasFinding(.hlsResponseInvalid) == false, sourceLocation: sourceLocation)
    }

    /// The reply APDUs are the ones of the vectors g08/g09 (real Kaifa replies).
    @Test func replyAPDUsAreTheVectorEncoding() throws {
        let request = try SecurityVectors.vector("g08-action-request-hls-reply")
        #expect(HLSAPDUs.reply(try request.expect("parameters.value")) == (try request.input("apdu")))
        let response = try SecurityVectors.vector("g09-action-response-hls-reply")
        #expect(HLSAPDUs.answer(try response.expect("data.value")) == (try response.input("apdu")))
    }

    // MARK: Mechanism 5, GMAC (b01, b02)

    /// b01 (pass 3, client title and StoC) and b02 (pass 4, server title and CtoS) are the
    /// two halves of the Green Book GMAC example: one exchange.
    static func gmacExchange(
        keys: KeyStore, titlesInAssociation: Bool = true, reply: (([UInt8]) -> [UInt8]) = { $0 },
        answer: (([UInt8]) -> [UInt8]) = { $0 }
    ) throws -> Exchange {
        let client = try SecurityVectors.vector("b01-hls5-gmac-f-StoC")
        let server = try SecurityVectors.vector("b02-hls5-gmac-f-CtoS")
        return try exchange(
            keys: keys,
            aarq: HLSAPDUs.aarq(mechanism: 5, clientTitle: titlesInAssociation ? try client.input("client_system_title") : nil,
                                challenge: try server.input("CtoS")),
            aare: HLSAPDUs.aare(mechanism: 5, serverTitle: titlesInAssociation ? try server.input("server_system_title") : nil,
                                challenge: try client.input("StoC")),
            reply: reply(try client.expect("f_StoC")), answer: answer(try server.expect("f_CtoS"))
        )
    }

    static func gmacKeys() throws -> KeySet {
        let vector = try SecurityVectors.vector("b01-hls5-gmac-f-StoC")
        return KeySet(ek: try vector.input("EK"), ak: try vector.input("AK"))
    }

    @Test func gmacRepliesWithTitlesFromTheAssociation() throws {
        let exchange = try Self.gmacExchange(keys: KeyStore(defaultKeys: try Self.gmacKeys()))
        #expect(exchange.aarq.hls == nil)
        #expect(exchange.aare.hls == nil)
        Self.expectValid(exchange.reply, mechanism: 5)
        Self.expectValid(exchange.answer, mechanism: 5)
    }

    /// The Green Book AARQ and AARE as sent (g17, g19: no AP titles), the titles and the
    /// meter's keys from a keys file.
    @Test func gmacRepliesOfTheVectorAPDUsWithTitlesFromTheKeysFile() throws {
        let client = try SecurityVectors.vector("b01-hls5-gmac-f-StoC")
        let server = try SecurityVectors.vector("b02-hls5-gmac-f-CtoS")
        let toml = """
            [default]
            client-system-title = "\(Hex.encode(try client.input("client_system_title")))"
            server-system-title = "\(Hex.encode(try server.input("server_system_title")))"

            [[meter]]
            name = "Green Book example meter"
            system-title = "\(Hex.encode(try server.input("server_system_title")))"
            ek = "\(Hex.encode(try server.input("EK")))"
            ak = "\(Hex.encode(try server.input("AK")))"
            """
        let exchange = try Self.exchange(
            keys: try KeyStore(parsing: Array(toml.utf8), file: "keys.toml"),
            aarq: try SecurityVectors.vector("g17-aarq-hls-gmac").input("apdu"),
            aare: try SecurityVectors.vector("g19-aare-hls-gmac").input("apdu"),
            reply: try client.expect("f_StoC"), answer: try server.expect("f_CtoS")
        )
        // The vectors' challenges are the ones these AARQ and AARE carry.
        guard case let .aarq(aarq)? = exchange.aarq.apdu?.apdu, case let .aare(aare)? = exchange.aare.apdu?.apdu else {
            Issue.record("AARQ or AARE not decoded")
            return
        }
        #expect(aarq.callingAuthenticationValue?.value == (try server.input("CtoS")))
        #expect(aare.respondingAuthenticationValue?.value == (try client.input("StoC")))
        Self.expectValid(exchange.reply, mechanism: 5)
        Self.expectValid(exchange.answer, mechanism: 5)
    }

    /// f() is SC ‖ IC ‖ tag (17 bytes): a changed byte in the security control, the
    /// counter or the tag makes it fail.
    @Test(arguments: [0, 4, 10, 16])
    func gmacReplyWithAByteChangedIsInvalid(index: Int) throws {
        let keys = KeyStore(defaultKeys: try Self.gmacKeys())
        let client = try Self.gmacExchange(keys: keys, reply: { SecurityVectors.changing($0, at: index) })
        Self.expectInvalid(client.reply, mechanism: 5)
        Self.expectValid(client.answer, mechanism: 5)
        let server = try Self.gmacExchange(keys: keys, answer: { SecurityVectors.changing($0, at: index) })
        Self.expectValid(server.reply, mechanism: 5)
        Self.expectInvalid(server.answer, mechanism: 5)
    }

    @Test func gmacWithoutTheKeysOrTitlesIsUnchecked() throws {
        let withoutAK = try Self.gmacExchange(keys: KeyStore(defaultKeys: KeySet(ek: try Self.gmacKeys().ek)))
        Self.expectUnchecked(withoutAK.reply, mechanism: 5)
        Self.expectUnchecked(withoutAK.answer, mechanism: 5)
        let withoutTitles = try Self.gmacExchange(keys: KeyStore(defaultKeys: try Self.gmacKeys()), titlesInAssociation: false)
        Self.expectUnchecked(withoutTitles.reply, mechanism: 5)
        Self.expectUnchecked(withoutTitles.answer, mechanism: 5)
    }

    /// Without the AARQ the mechanism is not known.
    @Test func replyWithoutTheAssociationIsUnchecked() throws {
        var pipeline = SecurityPipeline(keys: KeyStore(defaultKeys: try Self.gmacKeys()))
        let record = try pipeline.feed(HLSAPDUs.reply(try SecurityVectors.vector("b01-hls5-gmac-f-StoC").expect("f_StoC")))
        #expect(record.hls?.result == .unchecked)
        #expect(record.hls?.reason?.isEmpty == false)
        #expect(!record.hasFinding(.hlsResponseInvalid))
    }

    // MARK: Mechanisms 3 and 4, MD5 and SHA-1 (b03, b04)

    /// Any CtoS: f(StoC) under mechanisms 3 and 4 does not depend on it (b03, b04 give none).
    static let unusedClientChallenge: [UInt8] = Array("K56iVagY".utf8)

    enum SecretCase: String, CaseIterable {
        case configured, replyChanged, notConfigured
    }

    /// b03 with the AARE it was taken from (its StoC in responding-authentication-value).
    @Test(arguments: SecretCase.allCases)
    func md5ReplyToTheVectorAARE(secret: SecretCase) throws {
        let vector = try SecurityVectors.vector("b03-hls3-md5")
        let reply = try vector.expect("f_StoC")
        let exchange = try Self.exchange(
            keys: KeyStore(defaultKeys: KeySet(hlsSecret: secret == .notConfigured ? nil : try vector.input("hls_secret"))),
            aarq: HLSAPDUs.aarq(mechanism: 3, clientTitle: nil, challenge: Self.unusedClientChallenge),
            aare: try vector.input("aare"),
            reply: secret == .replyChanged ? SecurityVectors.changing(reply, at: reply.count - 1) : reply
        )
        guard case let .aare(aare)? = exchange.aare.apdu?.apdu else {
            Issue.record("the vector's AARE did not decode")
            return
        }
        #expect(aare.respondingAuthenticationValue?.value == (try vector.input("StoC")))
        switch secret {
        case .configured: Self.expectValid(exchange.reply, mechanism: 3)
        case .replyChanged: Self.expectInvalid(exchange.reply, mechanism: 3)
        case .notConfigured: Self.expectUnchecked(exchange.reply, mechanism: 3)
        }
    }

    @Test(arguments: SecretCase.allCases)
    func sha1Reply(secret: SecretCase) throws {
        let vector = try SecurityVectors.vector("b04-hls4-sha1")
        let reply = try vector.expect("f_StoC")
        let exchange = try Self.exchange(
            keys: KeyStore(defaultKeys: KeySet(hlsSecret: secret == .notConfigured ? nil : try vector.input("hls_secret"))),
            aarq: HLSAPDUs.aarq(mechanism: 4, clientTitle: nil, challenge: Self.unusedClientChallenge),
            aare: HLSAPDUs.aare(mechanism: 4, serverTitle: nil, challenge: try vector.input("StoC")),
            reply: secret == .replyChanged ? SecurityVectors.changing(reply, at: 0) : reply
        )
        switch secret {
        case .configured: Self.expectValid(exchange.reply, mechanism: 4)
        case .replyChanged: Self.expectInvalid(exchange.reply, mechanism: 4)
        case .notConfigured: Self.expectUnchecked(exchange.reply, mechanism: 4)
        }
    }

    // MARK: Mechanism 6, SHA-256 (b05)

    static func sha256Exchange(
        keys: KeyStore, clientTitle: Bool = true, changeReply: Bool = false, changeAnswer: Bool = false
    ) throws -> Exchange {
        let vector = try SecurityVectors.vector("b05-hls6-sha256")
        let reply = try vector.expect("f_StoC")
        let answer = try vector.expect("f_CtoS")
        return try exchange(
            keys: keys,
            aarq: HLSAPDUs.aarq(mechanism: 6, clientTitle: clientTitle ? try vector.input("client_system_title") : nil,
                                challenge: try vector.input("CtoS")),
            aare: HLSAPDUs.aare(mechanism: 6, serverTitle: try vector.input("server_system_title"),
                                challenge: try vector.input("StoC")),
            reply: changeReply ? SecurityVectors.changing(reply, at: 7) : reply,
            answer: changeAnswer ? SecurityVectors.changing(answer, at: 7) : answer
        )
    }

    static func sha256Keys() throws -> KeyStore {
        KeyStore(defaultKeys: KeySet(hlsSecret: try SecurityVectors.vector("b05-hls6-sha256").input("hls_secret")))
    }

    @Test func sha256BothPassesAreValid() throws {
        let exchange = try Self.sha256Exchange(keys: try Self.sha256Keys())
        Self.expectValid(exchange.reply, mechanism: 6)
        Self.expectValid(exchange.answer, mechanism: 6)
    }

    @Test func sha256ChangedRepliesAreInvalid() throws {
        let client = try Self.sha256Exchange(keys: try Self.sha256Keys(), changeReply: true)
        Self.expectInvalid(client.reply, mechanism: 6)
        Self.expectValid(client.answer, mechanism: 6)
        let server = try Self.sha256Exchange(keys: try Self.sha256Keys(), changeAnswer: true)
        Self.expectValid(server.reply, mechanism: 6)
        Self.expectInvalid(server.answer, mechanism: 6)
    }

    /// SHA-256 needs both titles: without the client's (no calling-AP-title, none configured)
    /// neither reply can be checked; a configured client title makes both checkable again.
    @Test func sha256NeedsBothTitles() throws {
        let withoutTitle = try Self.sha256Exchange(keys: try Self.sha256Keys(), clientTitle: false)
        Self.expectUnchecked(withoutTitle.reply, mechanism: 6)
        Self.expectUnchecked(withoutTitle.answer, mechanism: 6)

        var keys = try Self.sha256Keys()
        keys.defaultClientSystemTitle = try SecurityVectors.vector("b05-hls6-sha256").input("client_system_title")
        let configured = try Self.sha256Exchange(keys: keys, clientTitle: false)
        Self.expectValid(configured.reply, mechanism: 6)
        Self.expectValid(configured.answer, mechanism: 6)
    }

    @Test func sha256WithoutTheSecretIsUnchecked() throws {
        let exchange = try Self.sha256Exchange(keys: KeyStore())
        Self.expectUnchecked(exchange.reply, mechanism: 6)
        Self.expectUnchecked(exchange.answer, mechanism: 6)
    }

    // MARK: Mechanisms 2 and 7

    /// Mechanism 2 is manufacturer specific: never checked, whatever the secret.
    @Test func manufacturerSpecificMechanismIsUnchecked() throws {
        let vector = try SecurityVectors.vector("b03-hls3-md5")
        let exchange = try Self.exchange(
            keys: KeyStore(defaultKeys: KeySet(hlsSecret: try vector.input("hls_secret"))),
            aarq: HLSAPDUs.aarq(mechanism: 2, clientTitle: nil, challenge: Self.unusedClientChallenge),
            aare: HLSAPDUs.aare(mechanism: 2, serverTitle: nil, challenge: try vector.input("StoC")),
            reply: try vector.expect("f_StoC"), answer: try vector.expect("f_StoC")
        )
        Self.expectUnchecked(exchange.reply, mechanism: 2)
        Self.expectUnchecked(exchange.answer, mechanism: 2)
    }

    /// b06: ECDSA signatures (suite 1) are checked with the suite 1/2 keys, which come later.
    @Test func ecdsaRepliesAreUnchecked() throws {
        let vector = try SecurityVectors.vector("b06-hls7-ecdsa-p256")
        let exchange = try Self.exchange(
            keys: KeyStore(defaultKeys: try Self.gmacKeys()),
            aarq: HLSAPDUs.aarq(mechanism: 7, clientTitle: try vector.input("client_system_title"),
                                challenge: try vector.input("CtoS")),
            aare: HLSAPDUs.aare(mechanism: 7, serverTitle: try vector.input("server_system_title"),
                                challenge: try vector.input("StoC")),
            reply: try vector.expect("f_StoC_signature_rfc6979"), answer: try vector.expect("f_CtoS_signature_rfc6979")
        )
        Self.expectUnchecked(exchange.reply, mechanism: 7)
        Self.expectUnchecked(exchange.answer, mechanism: 7)
    }

    // MARK: LLS, mechanism 1

    enum PasswordCase: String, CaseIterable {
        case same, different, notConfigured
    }

    /// The LLS AARQs: g16 (plain) and a14 (with a ciphered initiate), both with password
    /// "12345678" (a14 expected.calling_authentication_value).
    static let llsAARQs = ["g16-aarq-lls", "a14-aarq-ciphered-lls"]

    @Test(arguments: llsAARQs, PasswordCase.allCases)
    func llsPasswordAgainstTheConfiguredOne(id: String, password: PasswordCase) throws {
        let vector = try SecurityVectors.vector(id)
        let sent = try SecurityVectors.vector("a14-aarq-ciphered-lls").expect("calling_authentication_value")
        let configured: [UInt8]? = switch password {
        case .same: sent
        case .different: SecurityVectors.changing(sent, at: sent.count - 1)
        case .notConfigured: nil
        }
        var keys = KeySet(password: configured)
        if let ek = vector.inputs["EK"] { keys.ek = Hex.decode(ek) }
        if let ak = vector.inputs["AK"] { keys.ak = Hex.decode(ak) }
        var pipeline = SecurityPipeline(keys: KeyStore(defaultKeys: keys))
        let record = try pipeline.feed(try vector.input(vector.inputs["aarq"] != nil ? "aarq" : "apdu"))
        guard case let .aarq(aarq)? = record.apdu?.apdu else {
            Issue.record("\(id) is not decoded as an AARQ")
            return
        }
        #expect(aarq.callingAuthenticationValue?.value == sent)
        #expect(record.hls?.mechanism == 1)
        #expect(record.hls?.responder == .client)
        switch password {
        case .same:
            #expect(record.hls?.result == .valid)
            #expect(!record.hasFinding(.llsPasswordMismatch))
        case .different:
            #expect(record.hls?.result == .invalid)
            #expect(record.hasFinding(.llsPasswordMismatch), "\(record.findingCodes)")
        case .notConfigured:
            #expect(record.hls?.result == .unchecked)
            #expect(record.hls?.reason?.isEmpty == false)
            #expect(!record.hasFinding(.llsPasswordMismatch))
        }
        // The password is no HLS challenge: nothing about it reaches a later HLS verdict.
        #expect(!record.hasFinding(.hlsResponseInvalid))
    }
}
