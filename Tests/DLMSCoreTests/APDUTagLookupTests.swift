import DLMSCore
import Testing

/// `APDUTag`'s per-tag table (name, sender, whether known) agrees with the Green Book tag list.
@Suite struct APDUTagLookupTests {
    @Test func everyTagValueIsNamedKnownAndSentConsistently() {
        for value in 0...255 {
            let tag = UInt8(truncatingIfNeeded: value)
            let name = APDUTag.name(tag)
            #expect(APDUTag.isKnown(tag) == (name != nil), "tag \(value)")
            #expect(APDUTag.known.contains(tag) == (name != nil), "tag \(value)")
            if name == nil || name?.hasPrefix("general-") == true {
                #expect(APDUTag.sender(tag) == nil, "tag \(value)")
            } else {
                #expect(APDUTag.sender(tag) != nil, "tag \(value)")
            }
        }
    }

    @Test func requestsComeFromTheClientAndResponsesFromTheServer() {
        #expect(APDUTag.sender(0xC0) == .clientToServer)  // get-request
        #expect(APDUTag.sender(0xC8) == .clientToServer)  // glo-get-request
        #expect(APDUTag.sender(0x60) == .clientToServer)  // aarq
        #expect(APDUTag.sender(0xC4) == .serverToClient)  // get-response
        #expect(APDUTag.sender(0x61) == .serverToClient)  // aare
        #expect(APDUTag.sender(0x0F) == .serverToClient)  // data-notification
        #expect(APDUTag.sender(0xDB) == nil)  // general-glo-ciphering: both sides
        #expect(APDUTag.name(0xE0) == "general-block-transfer")
        #expect(APDUTag.name(0x00) == nil)
    }

    @Test func directionsHashByCase() {
        let set: Set<Direction> = [.clientToServer, .serverToClient, .unknown, .clientToServer]
        #expect(set.count == 3)
        #expect(Set(Direction.allCases).count == Direction.allCases.count)
    }
}
