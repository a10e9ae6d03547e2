import DLMSAPDU
import DLMSCore
import Testing

/// Ciphered envelopes cut short, with lengths claiming more than is there,
/// with absurd choices and flags: each ends in a `DecodingError` at the
/// offending byte.
@Suite(.timeLimit(.minutes(1))) struct CipheredHostileInputTests {
    static let samples: [(name: String, hex: String)] = [
        ("glo-get-request", "C81E3001234567411312FF935A47566827C467BC7D825C3BE4A77C3FCC056B6B"),
        ("glo-get-request-E", "C8122001234567411312FF935A47566827C467BC"),
        ("general-glo-ciphering", "DB084D4D4D0000BC614E1E1000000301C0010000080000010000FF0200DBCAB72ADC66DFC6434E1ADF"),
        ("general-ded-ciphering", "DC00123000000303" + String(repeating: "00", count: 13)),
        ("general-ciphering", "DD080000000000000401084D4D4D0000BC614E084D4D4D0000000001000001020102001E30000004008E4CDC5BA3420425B858602F9D5840A48967F48FB7C843F3EB"),
        ("general-ciphering-wrapped", "DD01AA01BB01CC00000101000301020312" + "2000000001" + String(repeating: "00", count: 13)),
        ("general-signing", "DF080000000000000001084D4D4D0000BC614E084D4D4D000000000100000DC0010000080000010000FF0200020102"),
    ]

    static func error(_ name: String, _ input: [UInt8]) -> DecodingError? {
        switch name {
        case "glo-get-request", "glo-get-request-E": ServiceSpecificCipheredAPDU.decodingError(input)
        case "general-glo-ciphering", "general-ded-ciphering": GeneralGloDedCiphering.decodingError(input)
        case "general-signing": GeneralSigning.decodingError(input)
        default: GeneralCiphering.decodingError(input)
        }
    }

    @Test(arguments: samples.map(\.name))
    func everyFieldCutShortIsAnError(name: String) throws {
        let hex = try #require(Self.samples.first { $0.name == name }?.hex)
        let input = bytes(hex)
        #expect(Self.error(name, input) == nil, "the whole \(name) decodes")
        for count in 0..<input.count {
            let error = Self.error(name, Array(input.prefix(count)))
            #expect(error != nil, "\(name) cut to \(count) bytes decoded")
            if let error { #expect((0...count).contains(error.offset), "\(name) cut to \(count): \(error)") }
        }
    }

    @Test func contentShorterThanTheSecurityHeaderIsAnError() {
        #expect(ServiceSpecificCipheredAPDU.decodingError("C8 00") == DecodingError(
            "security header needs 5 bytes (security control and invocation counter), 0 present", at: 2
        ))
        #expect(ServiceSpecificCipheredAPDU.decodingError("C8 04 30010203")?.offset == 2)
        #expect(GeneralGloDedCiphering.decodingError("DB 00 03 200000")?.offset == 3)
    }

    @Test func authenticatedContentShorterThanItsTagIsAnError() {
        // SC 30 with 11 bytes after the header: not even the tag.
        #expect(ServiceSpecificCipheredAPDU.decodingError("C8 10 30 00000001 0102030405060708090A0B") == DecodingError(
            "security control 30 asks for a 12-byte authentication tag but only 11 bytes follow the security header",
            at: 7
        ))
        #expect(GeneralGloDedCiphering.decodingError("DB 00 06 10 00000001 FF")?.offset == 8)
        // The same bytes under SC 20 (no tag) are fine.
        #expect(ServiceSpecificCipheredAPDU.decodingError("C8 10 20 00000001 0102030405060708090A0B") == nil)
    }

    @Test func lengthsClaimingMoreThanPresentAreRefusedAtTheLength() {
        #expect(ServiceSpecificCipheredAPDU.decodingError("C8 84FFFFFFFF 30")
            == DecodingError("glo-get-request octet string of 4294967295 bytes but only 1 follow", at: 1))
        #expect(GeneralGloDedCiphering.decodingError("DB 09 4D4D4D0000BC614E")
            == DecodingError("system-title of 9 bytes but only 8 follow", at: 1))
        #expect(GeneralGloDedCiphering.decodingError("DB 00 82FFFF 3000000001")
            == DecodingError("ciphered-content of 65535 bytes but only 5 follow", at: 2))
        #expect(GeneralCiphering.decodingError("DD 00 00 00 00 8105 00")
            == DecodingError("other-information of 5 bytes but only 1 follow", at: 5))
        #expect(GeneralCiphering.decodingError("DD 00 00 00 00 00 01 02 01 02 05 0102")
            == DecodingError("key-ciphered-data of 5 bytes but only 2 follow", at: 10))
        #expect(GeneralSigning.decodingError("DF 00 00 00 00 00 00 85 0000000001")?.message
            == "signature length has 5 length bytes; at most 4 are accepted")
    }

    @Test func absurdChoicesAndFlagsAreErrorsWhereTheyStand() {
        #expect(GeneralCiphering.decodingError("DD 00 00 00 00 00 02 05 3000000001")
            == DecodingError("key-info presence flag 2 is neither 00 (absent) nor 01 (present)", at: 6))
        #expect(GeneralCiphering.decodingError("DD 00 00 00 00 00 01 03 00 05 3000000001")
            == DecodingError("key-info choice 3 is none of identified-key (0), wrapped-key (1), agreed-key (2)", at: 7))
        #expect(GeneralCiphering.decodingError("DD 00 00 00 00 00 01 FF")?.offset == 7)
        #expect(GeneralCiphering.decodingError("DD 00 00 00 00 00 01 00")
            == DecodingError("identified-key needs its key-id byte", at: 8))
    }

    @Test func wrongTagsAreErrorsAtTheTag() {
        #expect(ServiceSpecificCipheredAPDU.decodingError("C0 01 00") == DecodingError("tag C0 is not a glo- or ded- ciphered APDU", at: 0))
        for tag: UInt8 in [0x00, 0x20, 0x59, 0xC6, 0xCE, 0xD6, 0xD8, 0xDB, 0xFF] {
            #expect(ServiceSpecificCipheredAPDU.decodingError([tag, 0x05, 0x20, 0, 0, 0, 1])?.offset == 0)
        }
        #expect(GeneralGloDedCiphering.decodingError("DD 00 05 2000000001")
            == DecodingError("tag DD is not general-glo-ciphering or general-ded-ciphering", at: 0))
        #expect(GeneralCiphering.decodingError("DB 00") == DecodingError("tag DB is not general-ciphering (DD)", at: 0))
        #expect(GeneralSigning.decodingError("DD 00") == DecodingError("tag DD is not general-signing (DF)", at: 0))
        #expect(GeneralSigning.decodingError([]) == DecodingError("data ends where the general-signing tag was expected", at: 0))
    }
}
