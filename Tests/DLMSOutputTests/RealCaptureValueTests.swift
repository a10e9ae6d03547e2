import DLMSAnalysis
import DLMSCapture
import DLMSCore
import DLMSOutput
import DLMSTestSupport
import Foundation
import Testing

/// Real captures decoded to the values their SOURCE.md files state, read from
/// the JSON a user gets (`decode -T json`).
@Suite struct RealCaptureValueTests {
    /// The JSON records of a capture.
    static func records(_ relative: String) throws -> [[String: Any]] {
        var renderer = OutputFormat.json.makeRenderer(inputCount: 1)
        var out: [UInt8] = []
        for record in try TraceDecoder(input: try InputFile(path: Fixtures.shared("captures/" + relative))) {
            renderer.render(record, input: relative, into: &out)
        }
        return try String(decoding: out, as: UTF8.self).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    /// Every data value object under `value`, depth first.
    static func values(in value: Any) -> [[String: Any]] {
        var found: [[String: Any]] = []
        if let object = value as? [String: Any] {
            if object["type"] is String, object.keys.contains("value") { found.append(object) }
            for member in object.values { found += values(in: member) }
        } else if let list = value as? [Any] {
            for member in list { found += values(in: member) }
        }
        return found
    }

    /// The value that follows the octet-string holding `obis` in the same structure, with its annotations.
    static func value(after obis: String, in record: [String: Any]) -> [String: Any]? {
        for object in values(in: record["apdu"] ?? [:]) {
            guard let members = object["value"] as? [[String: Any]] else { continue }
            for (index, member) in members.enumerated() where member["obis"] as? String == obis && index + 1 < members.count {
                return members[index + 1]
            }
        }
        return nil
    }

    @Test func aidonHANListWithScalersAndUnits() throws {
        let records = try Self.records("dlms-cosem-u9n/norwegian_han_hdlc.hex")
        let aidon = try #require(records.first)
        // SOURCE.md: 0.0.1.0.0.255 = 2019-12-16 07:59:40; 1.0.1.7.0.255 = 1122 W; U1 2307 (scaler -1 V);
        // 1.0.1.8.0.255 = 10049926 Wh (scaler 0, unit 30).
        #expect(Self.value(after: "0.0.1.0.0.255", in: aidon)?["dateTimeText"] as? String == "2019-12-16 07:59:40 (dev unspecified, status FF)"
            || (Self.value(after: "0.0.1.0.0.255", in: aidon)?["dateTime"] as? String)?.hasPrefix("2019-12-16T07:59:40") == true)
        let power = try #require(Self.value(after: "1.0.1.7.0.255", in: aidon))
        #expect(power["value"] as? Int == 1122 && power["scaled"] as? Double == 1122 && power["unit"] as? String == "W")
        let voltage = try #require(Self.value(after: "1.0.32.7.0.255", in: aidon))
        #expect(voltage["value"] as? Int == 2307 && voltage["scaled"] as? Double == 230.7 && voltage["unit"] as? String == "V")
        let energy = try #require(Self.value(after: "1.0.1.8.0.255", in: aidon))
        #expect(energy["value"] as? Int == 10_049_926 && energy["unit"] as? String == "Wh")
    }

    @Test func tinetzPlaintextFromTheAustrianMBusExample() throws {
        let records = try Self.records("austria-mbus-encrypted/tinetz_kaifa_ma309_example.plaintext.hex")
        let push = try #require(records.first)
        // SOURCE.md: 0.0.96.1.0.255 = 1KFM0100000035; 1.0.32.7.0.255 = 2308 (scaler -1, V); A+ 9108 Wh.
        #expect(Self.value(after: "0.0.96.1.0.255", in: push)?["text"] as? String == "1KFM0100000035")
        let voltage = try #require(Self.value(after: "1.0.32.7.0.255", in: push))
        #expect(voltage["scaled"] as? Double == 230.8 && voltage["unit"] as? String == "V")
        #expect(Self.value(after: "1.0.1.8.0.255", in: push)?["value"] as? Int == 9108)
        let apdu = try #require(push["apdu"] as? [String: Any])
        #expect(apdu["type"] as? String == "data-notification")
        #expect((apdu["dateTime"] as? String)?.hasPrefix("2021-07-19T15:46:35") == true)
    }

    @Test func kamstrupListWithTheDateTimeQuirk() throws {
        let records = try Self.records("amstomqttbridge-roarfred/frames.hex")
        let kamstrup = try #require(records.last)
        // SOURCE.md: the 2017 Kamstrup frames write the date-time as 09 0C; `Kamstrup_V0001`.
        let findings = try #require(kamstrup["findings"] as? [[String: Any]])
        #expect(findings.map { $0["code"] as? String } == ["date-time-quirk"])
        let texts = Self.values(in: kamstrup["apdu"] ?? [:]).compactMap { $0["type"] as? String == "visible-string" ? $0["value"] as? String : nil }
        #expect(texts.contains("Kamstrup_V0001"))
    }

    @Test func aidonPowerWithItsScalerUnitStructure() throws {
        let records = try Self.records("amshan-toreamun/llc_payloads.hex")
        // SOURCE.md: Aidon 1.0.1.7.0.255 = 0x118 = 280 W with scaler/unit structure {0, 27 (W)}.
        let first = try #require(records.first)
        let power = try #require(Self.value(after: "1.0.1.7.0.255", in: first))
        #expect(power["value"] as? Int == 280 && power["unit"] as? String == "W")
    }

    @Test func gurusSessionPairsRequestsWithResponses() throws {
        let records = try Self.records("wireshark-dlms-plugin-pcaps/Output.pcap")
        // Every AARQ, GET, ACCESS and RLRQ of the session is answered (parsing of tshark's follow output: 132 client
        // PDUs, 2 of them get-request-next, one for each 2-block datablock transfer, which pair with nothing).
        let requests = records.filter { ($0["apdu"] as? [String: Any])?["variant"] as? String != "next" && $0["direction"] as? String == "client-to-server" }
        #expect(requests.count == 130)
        #expect(requests.allSatisfy { $0["partner"] is Int })
        let findings = records.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }.compactMap { $0["code"] as? String }
        #expect(!findings.contains("request-without-response") && !findings.contains("response-without-request"))
    }
}
