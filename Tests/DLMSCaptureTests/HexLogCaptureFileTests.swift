@testable import DLMSCapture
import DLMSCore
import Foundation
import Testing

/// `/work/shared/captures/...`, found from this file's path (the package root is two folders up).
private func sharedCapture(_ relativePath: String) -> String {
    URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // DLMSCaptureTests
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent() // package root
        .appendingPathComponent("../shared/captures")
        .appendingPathComponent(relativePath)
        .standardizedFileURL.path
}

/// Reads a whole file through `HexLogReader`.
private func readAll(_ path: String) throws -> [CaptureEvent] {
    let reader = HexLogReader(input: try InputFile(path: path))
    var events: [CaptureEvent] = []
    while let event = reader.next() { events.append(event) }
    return events
}

/// The file's lines as text (LF-separated), for deriving expectations from the source itself.
private func lines(_ path: String) throws -> [String] {
    try String(contentsOfFile: path, encoding: .utf8)
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

@Suite struct HexLogCaptureFileTests {
    typealias T = HexLogTesting

    @Test func kaifaLoggerBlocks() throws {
        let path = sharedCapture("amstomqttbridge-roarfred/kaifa_han_20170912-3.log")
        let text = try lines(path)
        // The headers, their line numbers and the counts they announce, read from the file.
        let headers = text.enumerated().filter { $0.element.hasPrefix("[") }
        let announced = headers.map { header -> Int in
            let words = header.element.split(separator: " ")
            let received = words.firstIndex(of: "Received") ?? words.endIndex
            return Int(words[received + 1]) ?? -1
        }
        #expect(announced == [41, 41, 157, 41, 41, 41, 41, 123])

        let events = try readAll(path)
        #expect(T.findings(events).isEmpty)
        let packets = T.packets(events)
        #expect(packets.count == 8)
        #expect(packets.map(\.number) == headers.map { $0.offset + 1 })
        #expect(packets.map(\.data.count) == announced)
        for packet in packets {
            #expect(packet.data.first == 0x7E)
            #expect(packet.data.last == 0x7E)
            #expect(packet.direction == .serverToClient)
            #expect(packet.linkType == .serial)
            // HDLC frame format type 3: the length field counts all but the two flags.
            #expect(Int(packet.data[1] & 0x07) << 8 | Int(packet.data[2]) == packet.data.count - 2)
        }
        #expect(packets.first?.data == T.kaifaFrame)
        // [2017-09-13 00.00.07.776 - ...] and [2017-09-13 00.00.21.771 - ...]
        #expect(packets.first?.timestamp == T.timestamp(2017, 9, 13, 0, 0, 7, nanosecond: 776_000_000))
        #expect(packets.last?.timestamp == T.timestamp(2017, 9, 13, 0, 0, 21, nanosecond: 771_000_000))
        // The last block ends the file without a line end; its last line is "C1 54 7E".
        #expect(packets.last?.data.suffix(3) == [0xC1, 0x54, 0x7E])
    }

    @Test func kaifaLogCutShortIsALengthMismatch() throws {
        let text = try lines(sharedCapture("amstomqttbridge-roarfred/kaifa_han_20170912-3.log"))
        // Drop the last hex line ("C1 54 7E") of the last block, announced as 123 bytes.
        let events = T.parse(text.dropLast().joined(separator: "\n"))
        let finding = try #require(T.findings(events).first)
        #expect(finding.code == .hexLengthMismatch)
        #expect(finding.packet == text.lastIndex { $0.hasPrefix("[") }.map { $0 + 1 })
        #expect(finding.message.contains("123"))
        #expect(finding.message.contains("120"))
        #expect(T.packets(events).last?.data.count == 120)
    }

    @Test func framesWithMeterLabels() throws {
        let path = sharedCapture("amstomqttbridge-roarfred/frames.hex")
        let text = try lines(path).filter { !$0.isEmpty }
        #expect(text.count == 46)
        let events = try readAll(path)
        #expect(T.findings(events).isEmpty)
        let packets = T.packets(events)
        #expect(packets.count == 45)
        #expect(packets.map(\.number) == Array(2...46))
        for (packet, line) in zip(packets, text.dropFirst()) {
            let words = line.split(separator: " ")
            #expect(["kaifa", "kamstrup"].contains(words[0]))
            #expect(packet.data == Hex.decode(words[1]))
            #expect(packet.data.prefix(2) == [0x7E, 0xA0] || packet.data.prefix(2) == [0x7E, 0xA1])
            #expect(packet.data.last == 0x7E)
        }
    }

    @Test func llcPayloadsWithModuleLabels() throws {
        let path = sharedCapture("amshan-toreamun/llc_payloads.hex")
        let text = try lines(path).filter { !$0.isEmpty }
        #expect(text.count == 15)
        let events = try readAll(path)
        #expect(T.findings(events).isEmpty)
        let packets = T.packets(events)
        #expect(packets.count == 14)
        #expect(packets.map(\.number) == Array(2...15))
        for (packet, line) in zip(packets, text.dropFirst()) {
            let words = line.split(separator: " ")
            #expect(words[0].contains(":"))
            #expect(packet.data.prefix(3) == [0xE6, 0xE7, 0x00])
            #expect(packet.data == Hex.decode(words[1]))
        }
    }

    @Test func greenBookKeyValueFileHasNoData() throws {
        let events = try readAll(sharedCapture("dlms-cosem-u9n/greenbook_ciphering_vector.txt"))
        #expect(events.isEmpty)
    }

    @Test(arguments: [
        "amshan-toreamun/kamstrup_hdlc_frame.hex",
        "austria-hdlc-encrypted/shrdzm_iskra_am550.hex",
        "austria-hdlc-encrypted/shrdzm_steiermark_sagemcom_p1text.hex",
        "austria-hdlc-encrypted/shrdzm_wels_siemens.plaintext.hex",
        "austria-hdlc-encrypted/shrdzm_wienernetze_siemens_im350.hex",
        "austria-mbus-encrypted/tinetz_kaifa_ma309_example.mbus.hex",
        "dlms-cosem-u9n/norwegian_han_hdlc.hex",
        "smartmeter-datacollector-scs/lg_e450__unencrypted_valid_data.hex",
        "smartmeter-datacollector-scs/lg_e570__encrypted_valid_data.hex",
    ])
    func oneUnitPerDataLine(file: String) throws {
        let path = sharedCapture(file)
        let data = try lines(path).enumerated().filter { !$0.element.isEmpty && !$0.element.hasPrefix("#") }
        let events = try readAll(path)
        #expect(T.findings(events).isEmpty)
        let packets = T.packets(events)
        #expect(packets.map(\.number) == data.map { $0.offset + 1 })
        #expect(packets.map(\.data) == data.map { Hex.decode($0.element) })
    }
}
