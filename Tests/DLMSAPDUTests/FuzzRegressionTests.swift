import DLMSAPDU
import DLMSCore
import Testing

/// Inputs the fuzz harnesses found in the APDU decoders (Fuzz/, FUZZING.md).
@Suite struct FuzzRegressionTests {
    /// Found by FuzzAPDU's round-trip check: an RLRE with four reason elements decoded without
    /// a note and re-encoded as `63 03 80 01 00`: each reason replaced the one before and the
    /// others were lost. The first is the reason; the others are kept as elements of their own.
    @Test(arguments: [
        "630C80010C8001BE800111800100",  // RLRE
        "620C80010C8001BE800111800100",  // RLRQ
    ])
    func repeatedReasonsAreKeptAsSent(hex: String) throws {
        let bytes = try #require(Hex.decode(hex))
        let decoding = try APDU.decode(bytes[...])
        #expect(decoding.remaining.isEmpty)
        #expect(decoding.apdu.encoded == bytes)
    }

    @Test func aRepeatedAAREResultIsKeptAsSent() throws {
        // AARE: application-context-name, result accepted, then a second result (rejected).
        let bytes = try #require(Hex.decode("6114A109060760857405080101A203020100A203020101"))
        let decoding = try APDU.decode(bytes[...])
        #expect(decoding.apdu.encoded == bytes)
        guard case let .aare(aare) = decoding.apdu else {
            Issue.record("not an AARE: \(decoding.apdu)")
            return
        }
        #expect(aare.result?.rawValue == 0)
    }
}
