import DLMSAPDU
import Testing

/// The Blue Book unit enumeration.
@Suite struct COSEMUnitTests {
    @Test(arguments: [
        (1, "a"), (2, "mo"), (3, "wk"), (4, "d"), (5, "h"), (6, "min"), (7, "s"), (8, "°"), (9, "°C"),
        (11, "m"), (12, "m/s"), (13, "m³"), (19, "l"), (20, "kg"), (23, "Pa"), (24, "bar"), (25, "J"),
        (27, "W"), (28, "VA"), (29, "var"), (30, "Wh"), (31, "VAh"), (32, "varh"), (33, "A"), (34, "C"),
        (35, "V"), (36, "V/m"), (37, "F"), (38, "Ω"), (44, "Hz"), (52, "K"), (56, "%"), (57, "Ah"),
        (254, "other"), (255, "count"),
    ] as [(UInt8, String)])
    func symbols(value: UInt8, symbol: String) {
        #expect(COSEMUnit.symbol(of: value) == symbol)
        #expect(COSEMUnit(rawValue: value).description == symbol)
    }

    @Test func names() {
        #expect(COSEMUnit.name(of: 27) == "watt")
        #expect(COSEMUnit.name(of: 30) == "watt-hour")
        #expect(COSEMUnit.name(of: 33) == "ampere")
        #expect(COSEMUnit.name(of: 35) == "volt")
        #expect(COSEMUnit.name(of: 44) == "hertz")
        #expect(COSEMUnit.watt.quantity == "active power (P)")
        #expect(COSEMUnit.voltAmpereReactiveHour.quantity == "reactive energy")
        #expect(COSEMUnit.name(of: 10) == "(local) currency")
    }

    @Test func reservedValuesAreUndefined() {
        for value: UInt8 in [0, 58, 59, 68, 69, 73, 127, 200] {
            #expect(COSEMUnit.symbol(of: value) == nil, "\(value)")
            #expect(!COSEMUnit(rawValue: value).isDefined)
        }
        #expect(COSEMUnit(rawValue: 0).description == "unit 0")
        #expect(COSEMUnit.count.isCount)
    }
}
