import DLMSAPDU
import DLMSAnalysis
import DLMSCapture
import DLMSCore
import DLMSSecurity
import DLMSTestSupport
import Foundation
import Testing

/// The real ciphered captures opened with the keys their SOURCE.md files
/// give. Expected plaintexts are the `*.plaintext.hex` files next to them
/// (decrypted by the material's authors with their own tools), and expected
/// counts are the ones SOURCE.md states.
@Suite struct SecurityRealCaptureTests {
    static func records(_ relative: String, keys: KeyStore) throws -> [Record] {
        let input = try InputFile(path: Fixtures.shared("captures/" + relative))
        return Array(try TraceDecoder(input: input, options: .init(keys: keys)))
    }

    /// One store for every push meter of the Austrian, Swiss and Tirol captures, as a lab would keep it.
    static let pushMeters = """
        # Keys from the captures' SOURCE.md files, one entry per meter system title.
        [[meter]]
        name = "Wiener Netze Siemens IM350"
        system-title = "534D53677004C446"
        ek = "612888F59306A7855AC5C08CB3A96B39"
        ak = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF"

        [[meter]]
        name = "Iskraemeco AM550"
        system-title = "49534B69745CF6C9"
        ek = "62F9445B069BA866068B8036F2612030"

        [[meter]]
        name = "Siemens (Wels)"
        system-title = "534D53677002FD62"
        ek = "5A9AFEB2A17E6CF0CBAF98C8300ED9D7"

        [[meter]]
        name = "Sagemcom (Energienetze Steiermark), AK withheld"
        system-title = "534147350000D28F"
        ek = "953E7F1725EA910F26E053813A639094"

        [[meter]]
        name = "Kaifa MA309 (TINETZ)"
        system-title = "4B464D1010000023"
        ek = "101112131415161718191A1B1C1D1E1F"

        [[meter]]
        name = "Landis+Gyr E570"
        system-title = "4C475A6774206295"
        ek = "101112131415161718191A1B1C1D1E1F"
        """

    static func pushKeys() throws -> KeyStore {
        try KeyStore(parsing: Array(pushMeters.utf8), file: "push-meters.toml")
    }

    /// The hex lines of a `*.plaintext.hex` file (comments skipped).
    static func plaintexts(_ relative: String) throws -> [[UInt8]] {
        let text = try String(contentsOfFile: Fixtures.shared("captures/" + relative), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }.compactMap { Hex.decode($0) }
    }

    @Test func gurusEncryptionOnlySessionDecryptsEveryAPDU() throws {
        // SOURCE.md: Gurux client and server, glo-get C8/CC 129 each, SC 0x20, EK 000102...0F, client title
        // 4D4D4D0000BC614E (AARQ) and server title 4142434445464748 (AARE); the two 0x00-tagged APDUs decrypt
        // to an access-request and access-response.
        let keys = KeyStore(defaultKeys: KeySet(
            ek: Hex.decode("000102030405060708090A0B0C0D0E0F"), ak: Hex.decode("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF")
        ))
        let records = try Self.records("wireshark-dlms-plugin-pcaps/Output-Ciphered.pcap", keys: keys)
        let ciphered = records.filter { $0.security != nil }
        #expect(ciphered.allSatisfy { $0.security?.decrypted == true && $0.security?.tag == .absent })
        #expect(ciphered.allSatisfy { $0.security?.securityControl == 0x20 })
        let failures: Set<Finding.Code> = [.keyMissing, .gcmTagInvalid, .wrongKeyLikely, .systemTitleMissing, .icReplay]
        #expect(records.flatMap(\.findings).allSatisfy { !failures.contains($0.code) })
        func count(_ envelope: String) -> Int { ciphered.filter { $0.security?.envelope == envelope }.count }
        #expect(count("glo-get-request") == 129)
        // 129 responses, of which two transfers of 2 blocks were joined (as in the plain Output.pcap of the
        // same programs, whose records RealCaptureFramingTests checks).
        #expect(count("glo-get-response") == 127)
        #expect(count("glo-initiate-request") == 1)
        let requests = records.filter { $0.security?.envelope == "glo-get-request" }
        #expect(requests.allSatisfy { $0.security?.systemTitle == Hex.decode("4D4D4D0000BC614E") })
        #expect(requests.allSatisfy { $0.security?.systemTitleSource == "association" })
        let responses = records.filter { $0.security?.envelope == "glo-get-response" }
        #expect(responses.allSatisfy { $0.security?.systemTitle == Hex.decode("4142434445464748") })
        #expect(requests.allSatisfy { if case .getRequest? = $0.apdu?.apdu { true } else { false } })
        #expect(responses.allSatisfy { if case .getResponse? = $0.apdu?.apdu { true } else { false } })
        // The Gurux stack's tag 00 bodies: flagged, and opened on a best-effort basis.
        let unknown = records.filter { $0.security?.envelope == "unknown-tag-00-ciphering" }
        #expect(unknown.count == 2)
        #expect(unknown.allSatisfy { $0.findings.contains { $0.code == .apduUnknownTag } })
        guard unknown.count == 2 else { return }
        if case .accessRequest? = unknown[0].apdu?.apdu {} else { Issue.record("not an access-request") }
        if case .accessResponse? = unknown[1].apdu?.apdu {} else { Issue.record("not an access-response") }
    }

    @Test(arguments: [
        "austria-hdlc-encrypted/shrdzm_iskra_am550", "austria-hdlc-encrypted/shrdzm_wels_siemens",
        "austria-hdlc-encrypted/shrdzm_wienernetze_siemens_im350", "austria-hdlc-encrypted/shrdzm_steiermark_sagemcom_p1text",
    ])
    func austrianHDLCPushReproducesThePlaintexts(file: String) throws {
        let records = try Self.records(file + ".hex", keys: Self.pushKeys())
        let expected = try Self.plaintexts(file + ".plaintext.hex")
        let opened = records.compactMap { $0.security?.plaintext }
        #expect(!expected.isEmpty && opened == expected)
        #expect(records.compactMap(\.security).allSatisfy { $0.systemTitleSource == "apdu" && $0.envelope == "general-glo-ciphering" })
    }

    @Test func austrianMBusPushReproducesItsPlaintext() throws {
        let records = try Self.records("austria-mbus-encrypted/tinetz_kaifa_ma309_example.mbus.hex", keys: Self.pushKeys())
        let expected = try Self.plaintexts("austria-mbus-encrypted/tinetz_kaifa_ma309_example.plaintext.hex")
        #expect(records.compactMap { $0.security?.plaintext } == expected)
        // SOURCE.md: SC 0x21 (suite 1, encryption only), IC 0x00295B9A, title 4B464D1010000023.
        let security = try #require(records.first?.security)
        #expect(security.securityControl == 0x21 && security.suite == 1 && security.tag == .absent)
        #expect(security.invocationCounter == 0x0029_5B9A && security.keySource == "4B464D1010000023")
        if case .dataNotification? = records.first?.apdu?.apdu {} else { Issue.record("not a data-notification") }
    }

    @Test func landisGyrGBTCarriedPushDecryptsAfterReassembly() throws {
        let records = try Self.records("smartmeter-datacollector-scs/lg_e570__encrypted_valid_data.hex", keys: Self.pushKeys())
        let expected = try Self.plaintexts("smartmeter-datacollector-scs/lg_e570__encrypted_valid_data.plaintext.hex")
        #expect(records.count == 1)
        let message = try #require(records.first)
        #expect(message.apdu?.reassembly?.blocks == 5)
        #expect(message.security.map { [$0.plaintext ?? []] } == expected)
        // SOURCE.md: SC 0x20, IC 0x00002476, title 4C475A6774206295.
        #expect(message.security?.invocationCounter == 0x2476 && message.security?.tag == .absent)
        #expect(message.findings.isEmpty)
    }

    @Test func sagemcomWithheldAKIsUncheckedAndItsTextIsShown() throws {
        // SOURCE.md: SC 0x30 (A+E), AK unknown, so the tag cannot be checked; the plaintext is a DSMR P1 telegram.
        let records = try Self.records("austria-hdlc-encrypted/shrdzm_steiermark_sagemcom_p1text.hex", keys: Self.pushKeys())
        let message = try #require(records.first)
        #expect(message.security?.tag == .unchecked && message.security?.decrypted == true)
        #expect(message.apdu?.text?.hasPrefix("/EST5") == true)
        #expect(!message.findings.contains { $0.code == .wrongKeyLikely || $0.code == .gcmTagInvalid })
    }

    @Test func withoutKeysNothingIsOpenedAndThatIsSaid() throws {
        let records = try Self.records("austria-hdlc-encrypted/shrdzm_wels_siemens.hex", keys: KeyStore())
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.security?.decrypted == false && $0.findings.map(\.code) == [.keyMissing] })
        if case .generalGloDedCiphering? = records.first?.apdu?.apdu {} else { Issue.record("the envelope is not the APDU") }
    }

    @Test func aMeterMissingFromTheKeysFileIsAnError() throws {
        let keys = try KeyStore(parsing: Array("""
            [[meter]]
            system-title = "0102030405060708"
            ek = "101112131415161718191A1B1C1D1E1F"
            """.utf8), file: "other.toml")
        let records = try Self.records("austria-hdlc-encrypted/shrdzm_wels_siemens.hex", keys: keys)
        let findings = records.flatMap(\.findings)
        #expect(findings.count == 2 && findings.allSatisfy { $0.code == .keyMissing && $0.severity == .error })
        #expect(findings.allSatisfy { $0.message.contains("534D53677002FD62") })
    }
}
