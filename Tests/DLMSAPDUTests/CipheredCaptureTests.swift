import DLMSAPDU
import DLMSCore
import Testing

/// Real ciphered pushes in ../shared/captures: the general-glo-ciphering APDU
/// inside each HDLC, M-Bus or GBT carrier parses with the system title and
/// invocation counter the capture's SOURCE.md gives, and its ciphertext is as
/// long as the plaintext the capture's `.plaintext.hex` holds (GCM keeps the
/// length), so the policy split is right to the byte.
@Suite struct CipheredCaptureTests {
    struct Capture: Sendable, CustomTestStringConvertible {
        var file: String
        var systemTitle: String
        var securityControl: UInt8
        var counters: [UInt32]
        var hdlc: Bool
        var testDescription: String { file }
    }

    /// The table of austria-hdlc-encrypted/SOURCE.md.
    static let austrian: [Capture] = [
        Capture(file: "shrdzm_wienernetze_siemens_im350", systemTitle: "534D53677004C446", securityControl: 0x20,
                counters: [0x0001A929, 0x0001A92A], hdlc: true),
        Capture(file: "shrdzm_iskra_am550", systemTitle: "49534B69745CF6C9", securityControl: 0x20,
                counters: [0x0000046B], hdlc: true),
        Capture(file: "shrdzm_wels_siemens", systemTitle: "534D53677002FD62", securityControl: 0x20,
                counters: [0x0000BE34, 0x0000C065], hdlc: true),
        Capture(file: "shrdzm_steiermark_sagemcom_p1text", systemTitle: "534147350000D28F", securityControl: 0x30,
                counters: [0x000050A5], hdlc: false),
    ]

    @Test(arguments: austrian)
    func austrianPushesParse(capture: Capture) throws {
        let lines = try CipheredFixtures.captureLines("austria-hdlc-encrypted/\(capture.file).hex")
        let plaintexts = try CipheredFixtures.captureLines("austria-hdlc-encrypted/\(capture.file).plaintext.hex")
        #expect(lines.count == capture.counters.count && plaintexts.count == lines.count)
        for (index, line) in lines.enumerated() {
            let apduBytes = capture.hdlc ? try CipheredFixtures.afterLLC(line) : line
            let apdu = try GeneralGloDedCiphering.decodingAll(apduBytes)
            #expect(apdu.key == .global)
            #expect(apdu.systemTitle.bytes == bytes(capture.systemTitle))
            #expect(apdu.content.securityControl.rawValue == capture.securityControl)
            #expect(apdu.content.invocationCounter == capture.counters[index])
            #expect(apdu.content.text.count == plaintexts[index].count)
            #expect((apdu.content.tag != nil) == (capture.securityControl & 0x10 != 0))
            #expect(apdu.encodedBytes == apduBytes)
        }
    }

    /// austria-mbus-encrypted: two M-Bus long frames `68 L L 68 C A CI STSAP DTSAP data CS 16`;
    /// the APDU is the data of both, concatenated (SOURCE.md).
    @Test func tirolMBusPushParses() throws {
        let lines = try CipheredFixtures.captureLines("austria-mbus-encrypted/tinetz_kaifa_ma309_example.mbus.hex")
        let frames = lines.filter { $0.first == 0x68 }
        #expect(frames.count == 2)
        var apduBytes: [UInt8] = []
        for frame in frames {
            let length = Int(frame[1])
            try #require(frame.count == length + 6 && frame.last == 0x16)
            apduBytes += frame[(4 + 5)..<(4 + length)]
        }
        let apdu = try GeneralGloDedCiphering.decodingAll(apduBytes)
        #expect(apdu.systemTitle.bytes == bytes("4B464D1010000023"))
        #expect(apdu.content.securityControl.rawValue == 0x21)
        #expect(apdu.content.securityControl.suiteID == 1 && !apdu.content.securityControl.authenticated)
        #expect(apdu.content.invocationCounter == 0x00295B9A)
        #expect(apdu.content.tag == nil)
        #expect(apdu.contentLengthForm == .canonical && apdu.content.encodedCount == 0x0109)
        let plaintext = try #require(try CipheredFixtures.captureLines("austria-mbus-encrypted/tinetz_kaifa_ma309_example.plaintext.hex").first)
        #expect(apdu.content.text.count == plaintext.count)
        #expect(apdu.encodedBytes == apduBytes)
    }

    /// smartmeter-datacollector-scs, L+G E570: general-glo-ciphering in 5 GBT blocks over HDLC.
    @Test func landisGyrE570PushInGeneralBlockTransferParses() throws {
        let frames = try CipheredFixtures.captureLines("smartmeter-datacollector-scs/lg_e570__encrypted_valid_data.hex")
        #expect(frames.count == 5)
        var apduBytes: [UInt8] = []
        for (index, frame) in frames.enumerated() {
            // 7E A0 LL, one-byte destination, two-byte source, control, HCS: information from index 9.
            let information = try CipheredFixtures.hdlcInformation(frame, from: 9)
            // E0, block-control, block-number (2), block-number-ack (2), block-data length, block-data
            try #require(information.count > 7 && information[0] == 0xE0)
            #expect(Int(information[2]) << 8 | Int(information[3]) == index + 1)
            let length = Int(information[6])
            try #require(length < 0x80 && information.count == 7 + length)
            apduBytes += information[7...]
        }
        let apdu = try GeneralGloDedCiphering.decodingAll(apduBytes)
        #expect(apdu.systemTitle.bytes == bytes("4C475A6774206295"))
        #expect(apdu.content.securityControl.rawValue == 0x20 && apdu.content.invocationCounter == 0x00002476)
        let plaintext = try #require(
            try CipheredFixtures.captureLines("smartmeter-datacollector-scs/lg_e570__encrypted_valid_data.plaintext.hex").first
        )
        #expect(apdu.content.text.count == plaintext.count)
        #expect(apdu.encodedBytes == apduBytes)
    }
}
