import DLMSCore
import DLMSFraming
import DLMSTestSupport
import Foundation
import Testing

/// The HDLC known-answer vectors (`d*` in vectors.json): frame bodies decoded
/// on their own, and the same frames through the deframer.
@Suite struct HDLCVectorTests {
    /// One frame vector, with its expectations read from the JSON.
    struct FrameVector: Sendable, CustomTestStringConvertible {
        struct Address: Sendable, Equatable {
            var bytes: Int
            var upper: Int
            var lower: Int?
        }

        var id: String
        var frame: [UInt8]
        var formatType: Int
        var segmented: Bool
        var frameLength: Int
        var lengthMatches: Bool
        var destination: Address
        var source: Address
        var control: String
        var type: String
        var ns: Int?
        var nr: Int?
        var pf: Bool
        var hcsOK: Bool?
        var fcsOK: Bool
        var info: String
        var params: [String: Int]?

        var testDescription: String { id }

        /// The frame without flags: the vectors give frames with both flags, without
        /// flags, or (d19) with the opening flag only.
        var body: [UInt8] {
            guard frame.first == 0x7E else { return frame }
            return Array(frame.dropFirst().dropLast(frame.last == 0x7E ? 1 : 0))
        }

        /// The frame with both flags.
        var flagged: [UInt8] { [0x7E] + body + [0x7E] }

        init?(_ json: [String: Any]) {
            guard let inputs = json["inputs"] as? [String: Any], let hex = inputs["frame"] as? String,
                  let expected = json["expected"] as? [String: Any]
            else { return nil }
            func address(_ any: Any?) -> Address {
                let object = any as? [String: Any] ?? [:]
                return Address(
                    bytes: object["bytes"] as? Int ?? -1, upper: object["upper"] as? Int ?? -1,
                    lower: object["lower"] as? Int)
            }
            id = json["id"] as? String ?? "?"
            frame = Hex.decode(hex) ?? []
            formatType = expected["format_type"] as? Int ?? -1
            segmented = expected["segmented"] as? Bool ?? false
            frameLength = expected["frame_length"] as? Int ?? -1
            lengthMatches = expected["length_matches"] as? Bool ?? false
            destination = address(expected["dest"])
            source = address(expected["src"])
            control = expected["control"] as? String ?? ""
            type = expected["type"] as? String ?? ""
            ns = expected["ns"] as? Int
            nr = expected["nr"] as? Int
            pf = expected["pf"] as? Bool ?? false
            hcsOK = expected["hcs_ok"] as? Bool
            fcsOK = expected["fcs_ok"] as? Bool ?? false
            info = expected["info"] as? String ?? ""
            params = expected["params"] as? [String: Int]
        }
    }

    static let frameVectors: [FrameVector] = ((try? HDLCTestData.vectors()) ?? []).compactMap(FrameVector.init)

    static func number(_ value: HDLCParameters.Value?) -> Int? {
        switch value {
        case .default?: 0
        case let .value(number)?: Int(number)
        case nil: nil
        }
    }

    static func address(_ address: HDLCAddress?) -> FrameVector.Address? {
        address.map {
            FrameVector.Address(
                bytes: $0.bytes.count, upper: $0.upper.map(Int.init) ?? -1, lower: $0.lower.map(Int.init))
        }
    }

    @Test func everyFrameVectorIsLoaded() {
        // d01-d09, d11 (14 frames), d12-d17, d19-d21, d23-d31; d10, d18 and d22 are not frames.
        #expect(Self.frameVectors.count == 41)
    }

    @Test(arguments: frameVectors)
    func decodesTheFrameBody(_ vector: FrameVector) throws {
        let frame = try #require(HDLCFrame(body: vector.body[...]))
        #expect(Int(frame.format >> 12) == vector.formatType)
        #expect(frame.isSegmented == vector.segmented)
        #expect(frame.length == vector.frameLength)
        #expect((frame.length == frame.bodySize) == vector.lengthMatches)
        #expect(Self.address(frame.destination) == vector.destination)
        #expect(Self.address(frame.source) == vector.source)
        let control = try #require(frame.control)
        #expect(Hex.encode([control.byte]) == vector.control)
        #expect(control.type.rawValue == vector.type)
        #expect(control.sendSequence.map(Int.init) == vector.ns)
        #expect(control.receiveSequence.map(Int.init) == vector.nr)
        #expect(control.pollFinal == vector.pf)
        #expect(frame.hcsValid == vector.hcsOK)
        #expect(frame.fcsValid == vector.fcsOK)
        #expect(Hex.encode(frame.information) == vector.info)
        if let params = vector.params {
            let parameters = try #require(HDLCParameters(information: frame.information))
            #expect(Self.number(parameters.maxInfoTransmit) == params["max_info_tx"])
            #expect(Self.number(parameters.maxInfoReceive) == params["max_info_rx"])
            #expect(Self.number(parameters.windowTransmit) == params["window_tx"])
            #expect(Self.number(parameters.windowReceive) == params["window_rx"])
        }
        let expectedCodes = (vector.lengthMatches ? [] : ["hdlc-length-mismatch"])
            + (vector.fcsOK ? [] : ["hdlc-fcs-invalid"]) + (vector.hcsOK == false ? ["hdlc-hcs-invalid"] : [])
        #expect(frame.findings.map(\.code.rawValue).sorted() == expectedCodes.sorted())
    }

    @Test(arguments: frameVectors)
    func deframesTheFlaggedFrameIntoOneUnit(_ vector: FrameVector) throws {
        let units = HDLCTestData.units([vector.flagged])
        try #require(units.count == 1)
        let unit = units[0]
        if vector.segmented {
            // d07 is one segment of a longer message: alone, it is cut off by the end of the stream.
            #expect(unit.kind == .none)
            #expect(HDLCTestData.codes(unit) == ["hdlc-segment-incomplete"])
            #expect(unit.apdu == nil)
            return
        }
        #expect(unit.kind == .hdlc)
        #expect(unit.carriers == [Carrier(packet: 1, time: nil)])
        #expect(HDLCTestData.value(unit.fields, "length") == .integer(Int64(vector.frameLength)))
        #expect(HDLCTestData.value(unit.fields, "frameType") == .text(vector.type))
        #expect(HDLCTestData.value(unit.fields, "fcs") == .text(vector.fcsOK ? "valid" : "invalid"))
        #expect(!vector.lengthMatches == HDLCTestData.codes(unit).contains("hdlc-length-mismatch"))
        let info = try #require(Hex.decode(vector.info))
        if vector.type == "I" || vector.type == "UI" {
            let llc = LLCHeader(info[...])
            #expect(unit.apdu == (info.isEmpty ? nil : Array(info.dropFirst(llc == nil ? 0 : 3))))
            #expect(HDLCTestData.value(unit.fields, "llc") == llc.map { .bytes($0.bytes) } ?? .null)
        } else {
            #expect(unit.apdu == nil)
        }
    }

    @Test func crcOfTheD10DataIsSentAs5BEC() throws {
        let vector = try HDLCTestData.vector("d10-crc16-x25")
        let data = try HDLCTestData.bytes(vector["inputs"] as? [String: Any], "data")
        let expected = try #require((vector["expected"] as? [String: Any])?["fcs_bytes_as_transmitted"] as? String)
        #expect(Hex.encode(HDLCFrameBuilder.checkSequence(data)) == expected)
        #expect(expected == "5BEC")
    }

    @Test func decodesTheD18AddressEncodings() throws {
        let vector = try HDLCTestData.vector("d18-address-encodings")
        let encodings = try #require((vector["inputs"] as? [String: Any])?["encodings"] as? [String])
        let decoded = try #require((vector["expected"] as? [String: Any])?["decoded"] as? [[String: Any]])
        try #require(encodings.count == decoded.count)
        for (encoding, expected) in zip(encodings, decoded) {
            let address = HDLCAddress(bytes: Hex.decode(encoding) ?? [])
            #expect(address.bytes.count == expected["bytes"] as? Int)
            #expect(address.upper.map(Int.init) == expected["upper"] as? Int)
            #expect(address.lower.map(Int.init) == expected["lower"] as? Int)
        }
    }

    @Test func rejectsThreeByteAndUnterminatedAddresses() {
        #expect(HDLCAddress(bytes: [0x02, 0x22, 0x03]).isValid == false)
        #expect(HDLCAddress(bytes: [0x02, 0x22, 0x00, 0x02]).isValid == false)
        #expect(HDLCAddress(bytes: [0x03, 0x23]).isValid == false)  // end bit set early

        // A 3-byte destination is reported and the rest of the frame still decoded.
        let three = HDLCFrameBuilder.body(destination: [0x02, 0x22, 0x03], source: [0x21], control: 0x93)
        let frame = HDLCFrame(body: three[...])
        #expect(frame?.findings.map(\.code.rawValue) == ["hdlc-address-invalid"])
        #expect(frame?.control?.type == .snrm)
        #expect(frame?.fcsValid == true)

        // Without an end bit nothing after the address can be located.
        let open = HDLCFrameBuilder.body(destination: [0x02, 0x22, 0x00, 0x02], source: [0x21], control: 0x93)
        let unterminated = HDLCFrame(body: open[...])
        #expect(unterminated?.findings.map(\.code.rawValue) == ["hdlc-address-invalid"])
        #expect(unterminated?.control == nil)
        #expect(unterminated?.source == nil)
    }

    @Test func parsesTheD22ParameterFieldsByTheGroupLength() throws {
        let vector = try HDLCTestData.vector("d22-ua-params-1byte-values")
        let inputs = try #require(vector["inputs"] as? [String: Any])
        let expected = try #require(vector["expected"] as? [String: [String: Int]])
        for (input, output) in [("info_with", "with"), ("info_without", "without")] {
            let info = try HDLCTestData.bytes(inputs, input)
            let parameters = try #require(HDLCParameters(information: info[...]))
            let values = try #require(expected[output])
            #expect(Self.number(parameters.maxInfoTransmit) == values["max_info_tx"])
            #expect(Self.number(parameters.maxInfoReceive) == values["max_info_rx"])
            #expect(Self.number(parameters.windowTransmit) == values["window_tx"])
            #expect(Self.number(parameters.windowReceive) == values["window_rx"])
        }
        // Zero-length values are the defaults, not zero.
        let without = try HDLCTestData.bytes(inputs, "info_without")
        #expect(HDLCParameters(information: without[...])?.maxInfoTransmit == .default)
    }

    @Test func reportsTheD17LengthAndStillDecodesTheFrame() throws {
        let vector = try #require(Self.frameVectors.first { $0.id.hasPrefix("d17") })
        // Alone, then followed by another frame that shares the real closing flag.
        let next = try #require(Self.frameVectors.first { $0.id.hasPrefix("d09") })
        for stream in [vector.flagged, vector.flagged + next.flagged.dropFirst()] {
            let units = HDLCTestData.units([stream])
            let unit = try #require(units.first)
            #expect(unit.kind == .hdlc)
            #expect(HDLCTestData.codes(unit) == ["hdlc-length-mismatch"])
            #expect(HDLCTestData.value(unit.fields, "length") == .integer(11))
            #expect(HDLCTestData.value(unit.fields, "frameType") == .text("SNRM"))
            #expect(HDLCTestData.value(unit.fields, "fcs") == .text("valid"))
            #expect(HDLCTestData.value(unit.fields, "destination", "lower") == .integer(5481))
            #expect(units.count == (stream.count > vector.flagged.count ? 2 : 1))
            #expect(units.dropFirst().allSatisfy { $0.kind == .hdlc && $0.findings.isEmpty })
        }
    }
}
