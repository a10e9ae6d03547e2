import DLMSCore
import DLMSFraming
import DLMSTestSupport
import Testing

/// The header fields of HDLC units, in full, for one frame of each shape.
/// Values come from the vectors (and the standard where a vector is silent).
@Suite struct HDLCFieldTests {
    static func unit(_ hex: String) throws -> FramedUnit {
        let units = HDLCTestData.units([try #require(Hex.decode(hex))])
        try #require(units.count == 1)
        return units[0]
    }

    static func address(_ bytes: [UInt8], _ upper: Int, _ lower: Int? = nil) -> Field.Value {
        let fields = [Field.bytes("address", bytes), .integer("upper", upper)]
        return .fields(fields + (lower.map { [Field.integer("lower", $0)] } ?? []))
    }

    static let server1_17 = Field("server", .fields([.integer("upper", 1), .integer("lower", 17)]))

    @Test func iFrameWithAARQ() throws {
        // d03: I-frame N(S)=0 N(R)=0 P=1, client 16 -> server (1, 17), LLC E6 E6 00 + AARQ.
        let unit = try Self.unit(
            "7EA02C02232110AF9FE6E600601DA109060760857405080101BE10040E01000000065F1F0400001E1DFFFFC5E47E")
        #expect(unit.kind == .hdlc)
        #expect(unit.fields == [
            .bytes("format", [0xA0, 0x2C]), .boolean("segmented", false), .integer("length", 44),
            Field("destination", Self.address([0x02, 0x23], 1, 17)), Field("source", Self.address([0x21], 16)),
            .bytes("control", [0x10]), .text("frameType", "I"), .integer("ns", 0), .integer("nr", 0),
            .boolean("pf", true), .text("hcs", "valid"), .text("fcs", "valid"), .bytes("llc", [0xE6, 0xE6, 0x00]),
            .integer("client", 16), Self.server1_17,
        ])
        #expect(unit.apdu == Hex.decode("601DA109060760857405080101BE10040E01000000065F1F0400001E1DFFFF"))
        #expect(unit.direction == .clientToServer)
        #expect(unit.findings.isEmpty)
    }

    @Test func uaWithNegotiatedParameters() throws {
        // d02: UA server (1, 17) -> client 16, max info 154/154, windows 1/1.
        let unit = try Self.unit("7EA01F21022373E6C781801205019A06019A070400000001080400000001CCA27E")
        #expect(unit.fields == [
            .bytes("format", [0xA0, 0x1F]), .boolean("segmented", false), .integer("length", 31),
            Field("destination", Self.address([0x21], 16)), Field("source", Self.address([0x02, 0x23], 1, 17)),
            .bytes("control", [0x73]), .text("frameType", "UA"), .boolean("pf", true),
            .text("hcs", "valid"), .text("fcs", "valid"),
            Field("parameters", .fields([
                .integer("maxInfoTransmit", 154), .integer("maxInfoReceive", 154),
                .integer("windowTransmit", 1), .integer("windowReceive", 1),
            ])),
            .integer("client", 16), Self.server1_17,
        ])
        #expect(unit.apdu == nil)
        #expect(unit.direction == .serverToClient)
    }

    @Test func zeroLengthParametersAreNull() throws {
        // d22 "without": 05 00 and 06 00 mean the defaults.
        let information = try #require(Hex.decode("81801005000600070400000007080400000001"))
        let frame = HDLCFrameBuilder.frame(.ua, destination: [0x21], source: [0x03], information: information)
        let unit = try #require(HDLCTestData.units([frame]).first)
        #expect(HDLCTestData.value(unit.fields, "parameters") == .fields([
            Field("maxInfoTransmit", .null), Field("maxInfoReceive", .null),
            .integer("windowTransmit", 7), .integer("windowReceive", 1),
        ]))
    }

    @Test func frameRejectReasons() throws {
        // d31: FRMR rejecting control 10 with V(S)=0, V(R)=0 and W set (ISO/IEC 13239: octet 3 bit 0).
        let unit = try Self.unit("7EA00D2102239704C41000016B5B7E")
        #expect(HDLCTestData.value(unit.fields, "frameType") == .text("FRMR"))
        #expect(HDLCTestData.value(unit.fields, "frmr") == .fields([
            .bytes("rejectedControl", [0x10]), .integer("vs", 0), .integer("vr", 0),
            Field("reason", .list([.text("W")])),
        ]))
        #expect(unit.apdu == nil)
        #expect(unit.direction == .serverToClient)
    }

    @Test func receiveReadyToAFourByteAddress() throws {
        // d16: RR N(R)=2 F=1 from client 48 to server (17, 5481); no information, so no HCS.
        let unit = try Self.unit("7EA00A002254D361513F997E")
        #expect(unit.fields == [
            .bytes("format", [0xA0, 0x0A]), .boolean("segmented", false), .integer("length", 10),
            Field("destination", Self.address([0x00, 0x22, 0x54, 0xD3], 17, 5481)),
            Field("source", Self.address([0x61], 48)),
            .bytes("control", [0x51]), .text("frameType", "RR"), .integer("nr", 2), .boolean("pf", true),
            .text("fcs", "valid"),
            .integer("client", 48), Field("server", .fields([.integer("upper", 17), .integer("lower", 5481)])),
        ])
        #expect(unit.direction == .clientToServer)
        #expect(unit.apdu == nil)
    }

    @Test func iFrameWithoutInformationHasNoAPDU() throws {
        // d23: Kaifa HAN I-frame with an empty information field: no HCS, no APDU, llc null.
        let unit = try Self.unit("7EA00801020110378D7E")
        #expect(unit.apdu == nil)
        #expect(HDLCTestData.value(unit.fields, "llc") == .null)
        #expect(HDLCTestData.value(unit.fields, "hcs") == nil)
        #expect(unit.direction == .serverToClient)  // 1-byte destination, 2-byte source
    }

    @Test func otherUnnumberedFramesAreNamedByTheirByte() throws {
        // BF (XID with P/F set in ISO/IEC 13239) is no frame of IEC 62056-46.
        let frame = HDLCFrameBuilder.frame(destination: [0x03], source: [0x21], control: 0xBF, information: [1, 2])
        let unit = try #require(HDLCTestData.units([frame]).first)
        #expect(HDLCTestData.value(unit.fields, "frameType") == .text("U"))
        #expect(HDLCTestData.value(unit.fields, "control") == .bytes([0xBF]))
        #expect(HDLCTestData.value(unit.fields, "information") == .bytes([1, 2]))
        #expect(unit.apdu == nil)
        #expect(unit.direction == nil)
        #expect(HDLCTestData.value(unit.fields, "client") == nil)
    }

    @Test(arguments: [
        (HDLCFrameType.i, UInt8(0xBA), UInt8(5), UInt8(5)), (.rr, 0x51, 0, 2), (.rnr, 0xB5, 0, 5),
        (.rej, 0x39, 0, 1), (.srej, 0x7D, 0, 3), (.snrm, 0x93, 0, 0), (.disc, 0x53, 0, 0), (.ua, 0x73, 0, 0),
        (.dm, 0x1F, 0, 0), (.frmr, 0x97, 0, 0), (.ui, 0x13, 0, 0),
    ])
    func controlBytesRoundTrip(type: HDLCFrameType, byte: UInt8, ns: UInt8, nr: UInt8) {
        #expect(HDLCControl.byte(type, sendSequence: ns, receiveSequence: nr) == byte)
        let control = HDLCControl(byte)
        #expect(control.type == type)
        #expect(control.pollFinal)
        #expect(control.receiveSequence == ([.i, .rr, .rnr, .rej, .srej].contains(type) ? nr : nil))
        #expect(control.sendSequence == (type == .i ? ns : nil))
    }
}
