import Testing
@testable import DLMSTransport

@Suite struct IPAddressTests {
    @Test(arguments: [
        ([UInt8]([10, 0, 0, 1]), "10.0.0.1"),
        ([255, 255, 255, 255], "255.255.255.255"),
        ([0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], "2001:db8::1"),
        ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], "::1"),
        ([UInt8](repeating: 0, count: 16), "::"),
        // RFC 5952 §4.2.2: a single zero group is not compressed.
        ([0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1], "2001:db8:0:1:1:1:1:1"),
        // §4.2.3: the longest run is compressed, the first one on a tie.
        ([0x20, 0x01, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1], "2001:0:0:1::1"),
        ([0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1], "2001:db8::1:0:0:1"),
        ([0xFE, 0x80, 0, 0, 0, 0, 0, 0, 0x02, 0x1A, 0x2B, 0xFF, 0xFE, 0x3C, 0x4D, 0x5E], "fe80::21a:2bff:fe3c:4d5e"),
    ])
    func formatsLikeRFC5952(bytes: [UInt8], text: String) throws {
        let address = try #require(IPAddress(bytes))
        #expect(address.description == text)
    }

    @Test func rejectsOtherLengths() {
        #expect(IPAddress([1, 2, 3]) == nil)
        #expect(IPAddress([UInt8](repeating: 0, count: 5)) == nil)
    }

    @Test func endpointsBracketIPv6() throws {
        let v6 = try #require(IPAddress([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]))
        #expect(Endpoint(address: v6, port: 4059).description == "[::1]:4059")
        #expect(Endpoint(address: .v4(0x0A00_0001), port: 80).description == "10.0.0.1:80")
    }
}
