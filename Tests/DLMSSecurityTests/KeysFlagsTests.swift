import DLMSCore
import DLMSSecurity
import Testing

@Suite struct KeysFlagsTests {
    @Test func flagsGoOverTheDefaultEntry() throws {
        var store = try KeysSamples.parse(KeysSamples.toml)
        try store.apply(KeyFlags(
            ek: "000102030405060708090a0b0c0d0e0f", ak: "D0:D1:D2:D3:D4:D5:D6:D7:D8:D9:DA:DB:DC:DD:DE:DF",
            bk: String(repeating: "B0", count: 32), dk: "C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF",
            clientSystemTitle: "4D4D4D0000BC614E", serverSystemTitle: "4D 4D 4D 00 00 00 00 01",
            password: "12345678", hlsSecret: "K56iVagY"
        ))
        #expect(store.defaultKeys.ek == Array(0x00...0x0F))
        #expect(store.defaultKeys.ak == Array(0xD0...0xDF))
        #expect(store.defaultKeys.bk == [UInt8](repeating: 0xB0, count: 32))
        #expect(store.defaultKeys.dk == Array(0xC0...0xCF))
        #expect(store.defaultKeys.password == Array("12345678".utf8))
        #expect(store.defaultKeys.hlsSecret == Array("K56iVagY".utf8))
        #expect(store.defaultClientSystemTitle == KeysSamples.bytes("4D4D4D0000BC614E"))
        #expect(store.defaultServerSystemTitle == KeysSamples.bytes("4D4D4D0000000001"))

        // A meter's own fields still win; what it lacks comes from the flags.
        let im350 = try #require(KeysSamples.meters.first)
        let lookup = store.lookup(forSender: KeysSamples.bytes(im350.title), role: .meter)
        #expect(lookup.keys.ek == KeysSamples.bytes(im350.ek))
        #expect(lookup.keys.dk == Array(0xC0...0xCF))
        #expect(lookup.source(of: .dk) == .default)
        // An unknown sender gets the flags.
        #expect(store.keys(forSender: [UInt8](repeating: 1, count: 8)).ek == Array(0x00...0x0F))
    }

    @Test func flagsAloneMakeAStore() throws {
        let store = try KeyStore().applying(KeyFlags(ek: "612888F59306A7855AC5C08CB3A96B39"))
        #expect(store.keys(forSender: nil, role: .meter) == KeySet(ek: KeysSamples.bytes("612888F59306A7855AC5C08CB3A96B39")))
        #expect(store.meters.isEmpty && store.defaultClientSystemTitle == nil)
        #expect(try KeyStore().applying(KeyFlags()) == KeyStore())
        #expect(KeyFlags().isEmpty)
    }

    @Test func titleFlagsOverrideTheFileDefaults() throws {
        var store = try KeysSamples.parse("[default]\nclient-system-title = \"0000000000000001\"\nserver-system-title = \"0000000000000002\"\n")
        try store.apply(KeyFlags(serverSystemTitle: "0000000000000003"))
        #expect(store.defaultClientSystemTitle == [0, 0, 0, 0, 0, 0, 0, 1])
        #expect(store.defaultServerSystemTitle == [0, 0, 0, 0, 0, 0, 0, 3])
    }

    static let badFlags: [(KeyFlags, String)] = [
        (KeyFlags(ek: "612888F59306A7855AC5C08CB3A96B"), "--ek must be 16 or 32 bytes of hex, found 15 bytes"),
        (KeyFlags(ak: "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEZZ"), "--ak is not hex"),
        (KeyFlags(bk: "62F9445B069BA866068B8036F261203"), "--bk must be 16 or 32 bytes of hex, found an odd number of hex digits (31)"),
        (KeyFlags(dk: ""), "--dk must be 16 or 32 bytes of hex, found 0 bytes"),
        (KeyFlags(clientSystemTitle: "534D53677004C4"), "--client-system-title must be 8 bytes of hex, found 7 bytes"),
        (KeyFlags(serverSystemTitle: "534D53677004C446AA"), "--server-system-title must be 8 bytes of hex, found 9 bytes"),
        (KeyFlags(password: ""), "--password is empty"),
        (KeyFlags(hlsSecret: ""), "--hls-secret is empty"),
    ]

    @Test func badFlagsNameTheFlagNeverTheValue() throws {
        let store = try KeysSamples.parse(KeysSamples.toml)
        for (flags, expected) in Self.badFlags {
            var changed = store
            #expect(throws: KeysFileError.flag(String(expected.prefix { $0 != " " }), String(expected.drop { $0 != " " }.dropFirst()))) {
                try changed.apply(flags)
            }
            #expect(changed == store, "a failed apply must change nothing")
            do {
                _ = try store.applying(flags)
            } catch {
                #expect(error.description == expected)
                KeysSamples.expectNoSecrets(error.description, [flags.ek, flags.ak, flags.bk, flags.dk].compactMap { $0 })
            }
        }
    }

    @Test func aBadFlagAfterGoodOnesChangesNothing() throws {
        var store = KeyStore()
        #expect(throws: KeysFileError.self) {
            try store.apply(KeyFlags(ek: "612888F59306A7855AC5C08CB3A96B39", serverSystemTitle: "00"))
        }
        #expect(store.isEmpty)
    }
}
