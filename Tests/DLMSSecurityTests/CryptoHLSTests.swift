import DLMSAPDU
import DLMSCore
import DLMSSecurity
import Testing

/// HLS pass 3 / pass 4 responses (vectors b01–b05) and their verification.
/// b06 (mechanism 7, ECDSA) belongs to the suite 1/2 work and is not
/// checked here; the verifier answers `unchecked` for it.
@Suite struct CryptoHLSTests {
    /// b01 and b02 are the two halves of one Green Book exchange (Table 43):
    /// client 4D4D4D0000000001 answers StoC, server 4D4D4D0000BC614E answers CtoS.
    static func greenBookExchange() throws -> HLSExchange {
        let client = try CryptoFixtures.vector("b01-hls5-gmac-f-StoC")
        let server = try CryptoFixtures.vector("b02-hls5-gmac-f-CtoS")
        return HLSExchange(
            clientSystemTitle: try client.input("client_system_title"),
            serverSystemTitle: try server.input("server_system_title"),
            clientToServerChallenge: try server.input("CtoS"), serverToClientChallenge: try client.input("StoC")
        )
    }

    @Test func gmacResponseOfTheClient() throws {
        let vector = try CryptoFixtures.vector("b01-hls5-gmac-f-StoC")
        let key = try AESGCMKey(try vector.input("EK"))
        let response = try HLSResponse.gmac(
            challenge: try vector.input("StoC"), systemTitle: try vector.input("client_system_title"),
            invocationCounter: try vector.counter("client_IC"),
            securityControl: SecurityControl(rawValue: try vector.input("security_control")[0]),
            encryptionKey: key, authenticationKey: try vector.input("AK")
        )
        #expect(response.tag == (try vector.expect("tag")))
        #expect(response.encoded == (try vector.expect("f_StoC")))
        #expect(HLSGMACResponse(try vector.expect("f_StoC")) == response)
    }

    @Test func gmacResponseOfTheServer() throws {
        let vector = try CryptoFixtures.vector("b02-hls5-gmac-f-CtoS")
        let response = try HLSResponse.gmac(
            challenge: try vector.input("CtoS"), systemTitle: try vector.input("server_system_title"),
            invocationCounter: try vector.counter("server_IC"), encryptionKey: try AESGCMKey(try vector.input("EK")),
            authenticationKey: try vector.input("AK")
        )
        #expect(response.tag == (try vector.expect("tag")))
        #expect(response.encoded == (try vector.expect("f_CtoS")))
    }

    @Test func gmacResponsesVerifyBothWays() throws {
        let exchange = try Self.greenBookExchange()
        let key = try AESGCMKey(CryptoFixtures.greenBookEK)
        let fStoC = try CryptoFixtures.vector("b01-hls5-gmac-f-StoC").expect("f_StoC")
        let fCtoS = try CryptoFixtures.vector("b02-hls5-gmac-f-CtoS").expect("f_CtoS")
        let ak = CryptoFixtures.greenBookAK
        func verify(_ response: [UInt8], from role: HLSRole, ak: [UInt8]? = ak) throws -> HLSVerdict {
            try HLSVerifier.verify(
                response, mechanism: .highGMAC, from: role, exchange: exchange, secret: nil, encryptionKey: key,
                authenticationKey: ak
            )
        }
        #expect(try verify(fStoC, from: .client) == .valid)
        #expect(try verify(fCtoS, from: .server) == .valid)
        // Each answer belongs to its side: swapped roles use the other title and challenge.
        #expect(try verify(fStoC, from: .server) == .invalid)
        #expect(try verify(fCtoS, from: .client) == .invalid)
        for bit in [0, 8, 39, 40, 135] {
            #expect(try verify(CryptoFixtures.flipping(fStoC, bit: bit), from: .client) == .invalid)
        }
        #expect(try verify(Array(fStoC.dropLast()), from: .client) == .invalid)
        #expect(try verify([], from: .client) == .invalid)
        #expect(try verify(fStoC, from: .client, ak: CryptoFixtures.flipping(ak, bit: 3)) == .invalid)
        #expect(try verify(fStoC, from: .client, ak: nil) == .unchecked)
    }

    @Test func md5ResponseFromTheAAREChallenge() throws {
        let vector = try CryptoFixtures.vector("b03-hls3-md5")
        // The challenge is the AARE's responding-authentication-value (AA 12 80 10 ...).
        let aare = try vector.input("aare")
        let stoc = try vector.input("StoC")
        #expect(Hex.encode(aare).contains("AA128010" + Hex.encode(stoc)))
        let response = try HLSResponse.md5(challenge: stoc, secret: try vector.input("hls_secret"))
        #expect(response == (try vector.expect("f_StoC")))
        let exchange = HLSExchange(serverToClientChallenge: stoc)
        #expect(try HLSVerifier.verify(
            response, mechanism: .highMD5, from: .client, exchange: exchange, secret: try vector.input("hls_secret"),
            encryptionKey: nil, authenticationKey: nil
        ) == .valid)
        #expect(try HLSVerifier.verify(
            response, mechanism: .highMD5, from: .client, exchange: exchange,
            secret: CryptoFixtures.flipping(try vector.input("hls_secret"), bit: 0), encryptionKey: nil,
            authenticationKey: nil
        ) == .invalid)
    }

    @Test func sha1Response() throws {
        let vector = try CryptoFixtures.vector("b04-hls4-sha1")
        let response = try HLSResponse.sha1(challenge: try vector.input("StoC"), secret: try vector.input("hls_secret"))
        #expect(response == (try vector.expect("f_StoC")))
        #expect(try HLSVerifier.verify(
            response, mechanism: .highSHA1, from: .client,
            exchange: HLSExchange(serverToClientChallenge: try vector.input("StoC")), secret: try vector.input("hls_secret"),
            encryptionKey: nil, authenticationKey: nil
        ) == .valid)
    }

    @Test func sha256ResponsesOfBothSides() throws {
        let vector = try CryptoFixtures.vector("b05-hls6-sha256")
        let secret = try vector.input("hls_secret")
        let clientTitle = try vector.input("client_system_title")
        let serverTitle = try vector.input("server_system_title")
        let stoc = try vector.input("StoC")
        let ctos = try vector.input("CtoS")
        let fStoC = try HLSResponse.sha256(
            secret: secret, responderSystemTitle: clientTitle, peerSystemTitle: serverTitle, answeredChallenge: stoc,
            ownChallenge: ctos
        )
        let fCtoS = try HLSResponse.sha256(
            secret: secret, responderSystemTitle: serverTitle, peerSystemTitle: clientTitle, answeredChallenge: ctos,
            ownChallenge: stoc
        )
        #expect(fStoC == (try vector.expect("f_StoC")))
        #expect(fCtoS == (try vector.expect("f_CtoS")))
        let exchange = HLSExchange(
            clientSystemTitle: clientTitle, serverSystemTitle: serverTitle, clientToServerChallenge: ctos,
            serverToClientChallenge: stoc
        )
        func verify(_ response: [UInt8], from role: HLSRole) throws -> HLSVerdict {
            try HLSVerifier.verify(
                response, mechanism: .highSHA256, from: role, exchange: exchange, secret: secret, encryptionKey: nil,
                authenticationKey: nil
            )
        }
        #expect(try verify(fStoC, from: .client) == .valid)
        #expect(try verify(fCtoS, from: .server) == .valid)
        #expect(try verify(fCtoS, from: .client) == .invalid)
    }

    @Test func missingInputsAndOtherMechanismsAreUnchecked() throws {
        let exchange = try Self.greenBookExchange()
        let response = try CryptoFixtures.vector("b01-hls5-gmac-f-StoC").expect("f_StoC")
        let key = try AESGCMKey(CryptoFixtures.greenBookEK)
        // b06 (ECDSA, mechanism 7) is for the suite 1/2 stage; 2 is manufacturer specific.
        for mechanism in [AuthenticationMechanism.lowest, .low, .high, .highECDSA] {
            #expect(try HLSVerifier.verify(
                response, mechanism: mechanism, from: .client, exchange: exchange, secret: [1, 2, 3], encryptionKey: key,
                authenticationKey: CryptoFixtures.greenBookAK
            ) == .unchecked)
        }
        for mechanism in [AuthenticationMechanism.highMD5, .highSHA1, .highSHA256] {
            #expect(try HLSVerifier.verify(
                response, mechanism: mechanism, from: .client, exchange: exchange, secret: nil, encryptionKey: key,
                authenticationKey: CryptoFixtures.greenBookAK
            ) == .unchecked)
        }
        #expect(try HLSVerifier.verify(
            response, mechanism: .highGMAC, from: .client, exchange: HLSExchange(), secret: nil, encryptionKey: key,
            authenticationKey: CryptoFixtures.greenBookAK
        ) == .unchecked)
        #expect(try HLSVerifier.verify(
            response, mechanism: .highGMAC, from: .client, exchange: exchange, secret: nil, encryptionKey: nil,
            authenticationKey: CryptoFixtures.greenBookAK
        ) == .unchecked)
    }

    /// The f() values a Kaifa meter exchanged (g08 action-request, g09
    /// action-response: the octet string's 17 bytes end each APDU) parse as
    /// SC ‖ IC ‖ tag; their keys are not public, so only the form is checked.
    @Test func realMeterGMACResponsesParse() throws {
        let requestAPDU = try CryptoFixtures.vector("g08-action-request-hls-reply").input("apdu")
        let responseAPDU = try CryptoFixtures.vector("g09-action-response-hls-reply").input("apdu")
        // octet-string (09) of 17 (0x11) bytes
        #expect(Array(requestAPDU.suffix(19).prefix(2)) == [0x09, 0x11])
        #expect(Array(responseAPDU.suffix(19).prefix(2)) == [0x09, 0x11])
        let request = try #require(HLSGMACResponse(Array(requestAPDU.suffix(17))))
        #expect(request.securityControl.rawValue == 0x10)
        #expect(request.invocationCounter == 0x0123_4567)
        #expect(request.tag == Array(requestAPDU.suffix(12)))
        let response = try #require(HLSGMACResponse(Array(responseAPDU.suffix(17))))
        #expect(response.securityControl.rawValue == 0x10)
        #expect(response.invocationCounter == 0x1A91_90BC)
        #expect(response.encoded == Array(responseAPDU.suffix(17)))
        #expect(HLSGMACResponse(Array(response.encoded.dropLast())) == nil)
        #expect(HLSGMACResponse(response.encoded + [0]) == nil)
    }

    @Test func everyHLSVectorIsCovered() {
        // b06 (mechanism 7, ECDSA P-256) is checked with the suite 1/2 primitives, not here.
        let covered: Set = [
            "b01-hls5-gmac-f-StoC", "b02-hls5-gmac-f-CtoS", "b03-hls3-md5", "b04-hls4-sha1", "b05-hls6-sha256",
            "b06-hls7-ecdsa-p256",
        ]
        let all = Set(CryptoFixtures.ids(startingWith: "b"))
        #expect(!all.isEmpty)
        #expect(all.subtracting(covered).isEmpty, "vectors without a test: \(all.subtracting(covered).sorted())")
    }

    @Test func gmacResponseNeedsAnEightByteTitle() throws {
        let key = try AESGCMKey(CryptoFixtures.greenBookEK)
        #expect(throws: SecurityError.self) {
            try HLSResponse.gmac(
                challenge: [1, 2, 3], systemTitle: [1, 2, 3, 4, 5, 6], invocationCounter: 1, encryptionKey: key,
                authenticationKey: CryptoFixtures.greenBookAK
            )
        }
    }
}
