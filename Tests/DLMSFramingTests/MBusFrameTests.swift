import DLMSCore
import DLMSFraming
import DLMSTestSupport
import Testing

@Suite struct MBusFrameTests {
    // EN 13757-2 C fields: PRM (bit 6), FCB/FCV or ACD/DFC (bits 5, 4), function (bits 3...0).
    @Test(arguments: zip(
        [0x40, 0x53, 0x73, 0x5A, 0x7A, 0x5B, 0x7B, 0x08, 0x18, 0x28, 0x38] as [UInt8],
        ["SND_NKE", "SND_UD", "SND_UD", "REQ_UD1", "REQ_UD1", "REQ_UD2", "REQ_UD2"]
            + ["RSP_UD", "RSP_UD", "RSP_UD", "RSP_UD"]
    ))
    func controlFieldNamesTheFunction(control: UInt8, name: String) {
        let field = MBusControl(control)
        #expect(field.functionName == name)
        #expect(field.isPrimary == (name != "RSP_UD"))
    }

    @Test(arguments: [0x44, 0x43, 0x60, 0x13, 0x09, 0xD3, 0x00] as [UInt8])
    func unknownControlBytesHaveNoName(control: UInt8) {
        #expect(MBusControl(control).functionName == nil)
    }

    @Test func controlFieldBits() {
        let sendUserData = MBusControl(0x73)
        #expect(sendUserData.isPrimary && sendUserData.bit5 && sendUserData.bit4 && sendUserData.functionCode == 3)
        let response = MBusControl(0x28)
        #expect(!response.isPrimary && response.bit5 && !response.bit4 && response.functionCode == 8)
    }

    @Test func austrianFirstFrame() throws {
        let bytes = try #require(MBusSamples.austrianFrames.first)
        let frame = try #require(MBusFrame(bytes[...]))
        #expect(frame.format == .long)
        #expect(frame.lengthField == 0xFA && frame.dataLength == 250 && frame.isLengthFieldValid)
        #expect(frame.control == MBusControl(0x53))
        #expect(frame.address == 0xFF)
        #expect(frame.ci == 0x00)
        #expect(frame.isChecksumValid)
        let segment = try #require(frame.dlmsSegment)
        #expect(segment.counter == 0 && !segment.isLast)
        #expect(segment.sourceTSAP == 0x01 && segment.destinationTSAP == 0x67)
        #expect(Array(segment.fragment) == Array(bytes[9..<(bytes.count - 2)]))
        #expect(frame.fields == [
            .text("frame", "long"), .integer("length", 250), .bytes("control", [0x53]), .text("function", "SND_UD"),
            .boolean("primary", true), .integer("address", 255), .bytes("ci", [0x00]), .integer("segment", 0),
            .boolean("lastSegment", false), .integer("sourceTSAP", 1), .integer("destinationTSAP", 0x67),
            .text("checksum", "valid"),
        ])
    }

    @Test func austrianSecondFrameIsTheLastSegment() throws {
        let bytes = try #require(MBusSamples.austrianFrames.last)
        let frame = try #require(MBusFrame(bytes[...]))
        #expect(frame.lengthField == 0x26 && frame.dataLength == 38)
        #expect(frame.ci == 0x11 && frame.isChecksumValid)
        let segment = try #require(frame.dlmsSegment)
        #expect(segment.counter == 1 && segment.isLast)
    }

    @Test func shortFrame() throws {
        // REQ_UD2 to address 0xFE: CS = 5B + FE = 0x159 mod 256.
        let frame = try #require(MBusFrame([0x10, 0x5B, 0xFE, 0x59, 0x16][...]))
        #expect(frame.format == .short && frame.isChecksumValid && frame.dlmsSegment == nil)
        #expect(frame.fields == [
            .text("frame", "short"), .bytes("control", [0x5B]), .text("function", "REQ_UD2"),
            .boolean("primary", true), .integer("address", 254), .text("checksum", "valid"),
        ])
    }

    @Test func acknowledgement() throws {
        let frame = try #require(MBusFrame([0xE5][...]))
        #expect(frame.format == .ack)
        #expect(frame.fields == [.text("frame", "ack")])
    }

    @Test func controlFrameHasNoData() throws {
        // SND_UD to address 1 with CI 0x51 and no data (L = 3): CS = 53 + 01 + 51 = 0xA5.
        let frame = try #require(MBusFrame([0x68, 0x03, 0x03, 0x68, 0x53, 0x01, 0x51, 0xA5, 0x16][...]))
        #expect(frame.format == .control && frame.isChecksumValid)
        #expect(frame.fields == [
            .text("frame", "control"), .integer("length", 3), .bytes("control", [0x53]), .text("function", "SND_UD"),
            .boolean("primary", true), .integer("address", 1), .bytes("ci", [0x51]), .text("checksum", "valid"),
        ])
    }

    @Test func frameOfAnotherApplicationKeepsItsData() throws {
        // RSP_UD from address 5, CI 0x72 (variable data structure): 08 + 05 + 72 + 01 + 02 = 0x82.
        let frame = try #require(MBusFrame([0x68, 0x05, 0x05, 0x68, 0x08, 0x05, 0x72, 0x01, 0x02, 0x82, 0x16][...]))
        #expect(frame.dlmsSegment == nil)
        #expect(frame.fields == [
            .text("frame", "long"), .integer("length", 5), .bytes("control", [0x08]), .text("function", "RSP_UD"),
            .boolean("primary", false), .integer("address", 5), .bytes("ci", [0x72]), .text("checksum", "valid"),
            .bytes("data", [0x01, 0x02]),
        ])
    }

    @Test func unknownFunctionIsGivenAsTheByte() throws {
        let frame = try #require(MBusFrame([0x10, 0x44, 0x01, 0x45, 0x16][...]))
        #expect(frame.fields.first { $0.name == "function" }?.value == .text("0x44"))
    }

    @Test func badChecksumStillParses() throws {
        let frame = try #require(MBusFrame([0x10, 0x40, 0x01, 0x42, 0x16][...]))
        #expect(!frame.isChecksumValid && frame.checksum == 0x42 && frame.computedChecksum == 0x41)
        #expect(frame.fields.last == .text("checksum", "invalid"))
    }

    @Test(arguments: [[], [0x10, 0x40, 0x01, 0x41], [0x10, 0x40, 0x01, 0x41, 0x17], [0x68, 0x03, 0x04, 0x68],
                      [0x68, 0x03, 0x03, 0x68, 0x53, 0x01, 0x51, 0xA5, 0x15], [0xE5, 0xE5], [0x16]] as [[UInt8]])
    func bytesThatAreNoFrame(bytes: [UInt8]) {
        #expect(MBusFrame(bytes[...]) == nil)
    }

    // MARK: The builder, checked against the standard and the real frames

    @Test func builderShortFrames() {
        #expect(MBusFrameBuilder.short(control: 0x40, address: 0x01) == [0x10, 0x40, 0x01, 0x41, 0x16])
        #expect(MBusFrameBuilder.short(control: 0x5B, address: 0xFE) == [0x10, 0x5B, 0xFE, 0x59, 0x16])
        #expect(MBusFrameBuilder.acknowledgement == [0xE5])
    }

    @Test func builderRebuildsTheAustrianFrames() {
        let frames = MBusFrameBuilder.dlmsFrames(apdu: MBusSamples.austrianAPDU, fragmentSize: 245)
        #expect(frames == MBusSamples.austrianFrames)
    }

    @Test func builderNumbersSegmentsModulo16() {
        let frames = MBusFrameBuilder.dlmsFrames(apdu: MBusSamples.apdu(18), fragmentSize: 1)
        #expect(frames.map { $0[6] } == Array(0x00...0x0F) + [0x00, 0x11])
        // 53 + FF + 10 + 01 + 67 = 0x1CA.
        let empty: [UInt8] = [0x68, 0x05, 0x05, 0x68, 0x53, 0xFF, 0x10, 0x01, 0x67, 0xCA, 0x16]
        #expect(MBusFrameBuilder.dlmsFrames(apdu: []) == [empty])
    }
}
