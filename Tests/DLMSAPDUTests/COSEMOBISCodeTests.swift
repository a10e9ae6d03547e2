import DLMSAPDU
import Testing

@Suite struct COSEMOBISCodeTests {
    @Test func parsesAndPrintsTheDottedForm() {
        let code = OBISCode("1.0.1.8.0.255")
        #expect(code == OBISCode(1, 0, 1, 8, 0, 255))
        #expect(code?.description == "1.0.1.8.0.255")
        #expect(OBISCode(0, 0, 1, 0, 0).description == "0.0.1.0.0.255")
        #expect(OBISCode("0.0.96.1.0.255")?.bytes == [0x00, 0x00, 0x60, 0x01, 0x00, 0xFF])
    }

    @Test func parsesTheReducedNotation() {
        #expect(OBISCode("1-0:1.8.0") == OBISCode(1, 0, 1, 8, 0, 255))
        #expect(OBISCode("1-0:1.8.0*255") == OBISCode(1, 0, 1, 8, 0, 255))
        #expect(OBISCode("1-0:1.8.0.3") == OBISCode(1, 0, 1, 8, 0, 3))
        #expect(OBISCode("0-1:24.2.1.255") == OBISCode(0, 1, 24, 2, 1, 255))
    }

    @Test func rejectsMalformedText() {
        for text in [
            "", "1.0.1.8.0", "1.0.1.8.0.256", "1.0.1.8.0.255.7", "1..1.8.0.255", "a.b.c.d.e.f", "1.0.1.8.0.",
            " 1.0.1.8.0.255", "1-0:1.8", "1:0-1.8.0",
        ] {
            #expect(OBISCode(text) == nil, "\(text)")
        }
    }

    @Test func readsAnOctetStringOfSix() {
        let bytes: [UInt8] = [0x09, 0x06, 0x01, 0x01, 0x20, 0x07, 0x00, 0xFF]
        #expect(OBISCode(bytes: bytes[2...]) == OBISCode(1, 1, 32, 7, 0, 255))
        #expect(OBISCode(bytes: bytes[2..<7]) == nil)
        #expect(OBISCode(bytes: bytes) == nil)
    }

    @Test func isHashable() {
        let set: Set<OBISCode> = [OBISCode(1, 0, 1, 8, 0), OBISCode(1, 0, 1, 8, 0, 255), OBISCode(1, 0, 2, 8, 0)]
        #expect(set.count == 2)
    }

    /// The objects pushed by the meters in shared/captures (SOURCE.md) and the
    /// ones in the Gurux reference cases, with the names the OBIS tables give.
    @Test(arguments: [
        // Aidon / Kaifa (Norway, Sweden), Kamstrup
        ("1.1.0.2.129.255", "OBIS list version identifier (Norwegian HAN)"),
        ("0.0.96.1.0.255", "Device ID 1 (manufacturing number)"),
        ("0.0.96.1.7.255", "Device ID 8"),
        ("1.0.1.7.0.255", "Active power import (+P), instantaneous"),
        ("1.0.2.7.0.255", "Active power export (-P), instantaneous"),
        ("1.0.3.7.0.255", "Reactive power import (+Q), instantaneous"),
        ("1.0.4.7.0.255", "Reactive power export (-Q), instantaneous"),
        ("1.0.31.7.0.255", "Current L1, instantaneous"),
        ("1.0.51.7.0.255", "Current L2, instantaneous"),
        ("1.0.71.7.0.255", "Current L3, instantaneous"),
        ("1.0.32.7.0.255", "Voltage L1, instantaneous"),
        ("1.0.52.7.0.255", "Voltage L2, instantaneous"),
        ("1.0.72.7.0.255", "Voltage L3, instantaneous"),
        ("1.0.1.8.0.255", "Active energy import (+A), total"),
        ("1.0.2.8.0.255", "Active energy export (-A), total"),
        ("1.0.3.8.0.255", "Reactive energy import (+R), total"),
        ("1.0.4.8.0.255", "Reactive energy export (-R), total"),
        ("1.1.0.0.5.255", "Electricity ID 6"),
        ("1.1.96.1.1.255", "Device ID 2"),
        ("1.1.1.7.0.255", "Active power import (+P), instantaneous"),
        ("1.1.32.7.0.255", "Voltage L1, instantaneous"),
        ("1.1.5.8.0.255", "Reactive energy QI, total"),
        ("1.1.8.8.0.255", "Reactive energy QIV, total"),
        ("0.1.1.0.0.255", "Clock"),
        // Austria, Switzerland (push lists)
        ("0.0.1.0.0.255", "Clock"),
        ("0.0.42.0.0.255", "COSEM logical device name"),
        ("0.0.25.9.0.255", "Push setup"),
        ("0.8.25.9.0.255", "Push setup"),
        ("0.6.25.9.0.255", "Push setup"),
        ("1.0.1.8.1.255", "Active energy import (+A), tariff 1"),
        ("1.0.1.8.2.255", "Active energy import (+A), tariff 2"),
        ("1.0.13.7.0.255", "Power factor, instantaneous"),
        ("1.0.21.7.0.255", "Active power import (+P), L1, instantaneous"),
        ("1.0.22.7.0.255", "Active power export (-P), L1, instantaneous"),
        ("1.0.41.7.0.255", "Active power import (+P), L2, instantaneous"),
        ("1.0.62.7.0.255", "Active power export (-P), L3, instantaneous"),
        ("1.0.0.2.0.255", "Active firmware identifier"),
        // Wireshark sample and Gurux reference cases
        ("0.0.99.98.7.255", "Event log 7"),
        ("0.0.96.3.10.255", "Disconnect control"),
        ("0.0.96.11.0.255", "Event code"),
        ("1.0.99.1.0.255", "Load profile with recording period 1"),
        ("1.0.99.2.0.255", "Load profile with recording period 2"),
        // Abstract objects of the Blue Book
        ("0.0.40.0.0.255", "Current association"),
        ("0.0.40.0.2.255", "Association 2"),
        ("0.0.43.0.0.255", "Security setup"),
        ("0.0.43.1.0.255", "Invocation counter"),
        ("0.0.96.14.0.255", "Currently active tariff"),
        ("0.0.44.0.0.255", "Image transfer"),
        ("0.0.22.0.0.255", "IEC HDLC setup"),
        ("0.0.25.0.0.255", "TCP-UDP setup"),
        ("0.0.25.1.0.255", "IPv4 setup"),
        ("0.0.13.0.0.255", "Activity calendar"),
        ("0.0.10.0.100.255", "Tariffication script table"),
        ("0.0.15.0.0.255", "Single action schedule"),
        ("0.0.41.0.0.255", "SAP assignment"),
        ("0.0.96.2.0.255", "Number of configuration program changes"),
        ("0.0.99.98.0.255", "Event log"),
    ])
    func namesCommonObjects(code: String, expected: String) throws {
        let obis = try #require(OBISCode(code))
        #expect(obis.name == expected)
    }

    @Test func composesProcessingTariffHarmonicsAndHistory() {
        #expect(OBISCode(1, 0, 1, 6, 1).name == "Active power import (+P), maximum 1, tariff 1")
        #expect(OBISCode(1, 0, 31, 4, 0).name == "Current L1, current average 1")
        #expect(OBISCode(1, 1, 21, 25, 0).name == "Active power import (+P), L1, last average 3, total")
        #expect(OBISCode(1, 0, 32, 7, 3).name == "Voltage L1, instantaneous, harmonic 3")
        #expect(OBISCode(1, 0, 91, 7, 0).name == "Neutral current (L0), instantaneous")
        #expect(OBISCode(1, 0, 14, 7, 0).name == "Supply frequency, instantaneous")
        #expect(OBISCode(1, 0, 9, 7, 0).name == "Apparent power import (+S), instantaneous")
        #expect(OBISCode(1, 0, 1, 8, 0, 3).name == "Active energy import (+A), total, billing period 3")
        #expect(OBISCode(1, 0, 81, 7, 4).name == "Phase angle between U(L1) and I(L1), instantaneous")
    }

    @Test func unknownCodesHaveNoName() {
        #expect(OBISCode(0, 0, 0, 0, 6, 1).name == nil)
        #expect(OBISCode(7, 0, 3, 0, 0).name == nil)  // gas is not named
        #expect(OBISCode(1, 0, 128, 7, 0).name == nil)  // manufacturer specific C
        #expect(OBISCode(0, 0, 96, 50, 0).name == nil)  // manufacturer specific D
        #expect(OBISCode(1, 0, 1, 99, 0).name == nil)
    }
}
