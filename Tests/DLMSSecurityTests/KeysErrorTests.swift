import DLMSCore
import DLMSSecurity
import DLMSTestSupport
import Foundation
import Testing

@Suite struct KeysErrorTests {
    /// Every key value the cases below use: no message may contain one.
    static let secrets = [
        "612888F59306A7855AC5C08CB3A96B", "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEZZ", "62F9445B069BA866068B8036F2612030",
        "5A9AFEB2A17E6CF0CBAF98C8300ED9D7", "953E7F1725EA910F26E053813A639094", "101112131415161718191A1B1C1D1E1",
        "K56iVagY", "secret-password", "A5A5A5A5A5A5A5A5A5A5", "6128 88F5 9306 A785 5AC5 C08C B3A9 6B39 00",
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var expected: String
        var testDescription: String { expected }
    }

    static let cases: [Case] = [
        Case(
            text: """
                [[meter]]
                system-title = "534D53677004C446"
                ek = "612888F59306A7855AC5C08CB3A96B"
                """,
            expected: "keys.toml:3: [[meter]] #1 (system-title 534D53677004C446): ek must be 16 or 32 bytes of hex, found 15 bytes"
        ),
        Case(
            text: """
                [default]
                ek = "62F9445B069BA866068B8036F2612030"

                [[meter]]
                system-title = "49534B69745CF6C9"
                [[meter]]
                system-title = "534D53677004C446"
                ak = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEZZ"
                """,
            expected: "keys.toml:8: [[meter]] #2 (system-title 534D53677004C446): ak is not hex"
        ),
        Case(
            text: "[default]\nbk = \"101112131415161718191A1B1C1D1E1\"\n",
            expected: "keys.toml:2: [default]: bk must be 16 or 32 bytes of hex, found an odd number of hex digits (31)"
        ),
        Case(
            text: "[default]\ndk = \"6128 88F5 9306 A785 5AC5 C08C B3A9 6B39 00\"\n",
            expected: "keys.toml:2: [default]: dk must be 16 or 32 bytes of hex, found 17 bytes"
        ),
        Case(
            text: "[default]\neek = \"62F9445B069BA866068B8036F2612030\"\n",
            expected: "keys.toml:2: [default]: unknown field \"eek\" (did you mean \"ek\"?)"
        ),
        Case(
            text: "[[client]]\nsystem-title = \"4D4D4D0000BC614E\"\nhls_secret = \"K56iVagY\"\n",
            expected: "keys.toml:3: [[client]] #1 (system-title 4D4D4D0000BC614E): unknown field \"hls_secret\" (did you mean \"hls-secret\"?)"
        ),
        Case(
            text: "[default]\nfavourite-colour = \"blue\"\n",
            expected: "keys.toml:2: [default]: unknown field \"favourite-colour\""
        ),
        Case(
            text: "[[meter]]\nsystem-title = \"534D53677004C4\"\nek = \"62F9445B069BA866068B8036F2612030\"\n",
            expected: "keys.toml:2: [[meter]] #1: system-title must be 8 bytes of hex, found 7 bytes"
        ),
        Case(
            text: "[[meter]]\nname = \"IM350\"\nek = \"62F9445B069BA866068B8036F2612030\"\n",
            expected: "keys.toml:1: [[meter]] #1: system-title is missing"
        ),
        Case(
            text: """
                [[meter]]
                system-title = "534D53677004C446"
                [[meter]]
                system-title = "49534B69745CF6C9"
                [[meter]]
                system-title = "53:4d:53:67:70:04:c4:46"
                """,
            expected: "keys.toml:6: [[meter]] #3 (system-title 534D53677004C446): system-title is already used by [[meter]] #1 (system-title 534D53677004C446)"
        ),
        Case(
            text: "[default]\nek = 1234\n",
            expected: "keys.toml:2: [default]: ek must be a string, found an integer"
        ),
        Case(
            text: "[default]\npassword = true\n",
            expected: "keys.toml:2: [default]: password must be a string, found a boolean"
        ),
        Case(
            text: "[default]\npassword = \"secret-password\"\npassword-hex = \"3132\"\n",
            expected: "keys.toml:2: [default]: password is given together with password-hex; keep one"
        ),
        Case(
            text: "[default]\nhls-secret = \"\"\n",
            expected: "keys.toml:2: [default]: hls-secret is empty"
        ),
        Case(
            text: "[default]\nagreement-key = \"A5A5A5A5A5A5A5A5A5A5\"\n",
            expected: "keys.toml:2: [default]: agreement-key must be a PEM file path or the private scalar as 32 or 48 bytes of hex, found 10 bytes"
        ),
        Case(
            text: "[default]\nsigning-public-key = \"04 A5A5A5A5A5A5A5A5A5A5\"\n",
            expected: "keys.toml:2: [default]: signing-public-key must be a PEM file path or the point x||y as 64 or 96 bytes of hex, found 11 bytes"
        ),
        Case(
            text: "[default]\nsystem-title = \"534D53677004C446\"\n",
            expected: "keys.toml:2: [default]: system-title belongs in a [[meter]] or [[client]] entry (in [default], write client-system-title or server-system-title)"
        ),
        Case(
            text: "[[meter]]\nsystem-title = \"534D53677004C446\"\nclient-system-title = \"4D4D4D0000BC614E\"\n",
            expected: "keys.toml:3: [[meter]] #1 (system-title 534D53677004C446): client-system-title belongs in [default]"
        ),
        Case(
            text: "[[client]]\nsystem-title = \"4D4D4D0000BC614E\"\nserver-system-title = \"4D4D4D0000000001\"\n",
            expected: "keys.toml:3: [[client]] #1 (system-title 4D4D4D0000BC614E): server-system-title belongs in [default]"
        ),
        Case(
            text: "ek = \"62F9445B069BA866068B8036F2612030\"\n",
            expected: "keys.toml:1: ek is outside any table; put it under [default] or an entry"
        ),
        Case(
            text: "[meter]\nsystem-title = \"534D53677004C446\"\n",
            expected: "keys.toml:1: [meter] must be an array of tables: write [[meter]], one per system title"
        ),
        Case(text: "[[default]]\n", expected: "keys.toml:1: write [default], not [[default]]"),
        Case(
            text: "[defaults]\n",
            expected: "keys.toml:1: unknown table \"defaults\" (expected [default], [[meter]] or [[client]])"
        ),
        Case(
            text: "[default]\n[default]\n",
            expected: "keys.toml:2: table [default] is defined twice (first on line 1)"
        ),
        Case(
            text: "[default]\nek = \"62F9445B069BA866068B8036F2612030\"\nek = \"5A9AFEB2A17E6CF0CBAF98C8300ED9D7\"\n",
            expected: "keys.toml:3: ek is given twice in the same table (first on line 2)"
        ),
    ]

    @Test(arguments: cases)
    func errorNamesThePlaceAndNeverTheKey(_ example: Case) throws {
        let error = try #require(KeysSamples.error(example.text))
        #expect(error.description == example.expected)
        #expect(!error.description.contains("\n"))
        KeysSamples.expectNoSecrets(error.description, Self.secrets)
    }

    @Test func jsonErrorsNameTheEntry() throws {
        let cases: [(String, String)] = [
            (
                #"{"meter": [{"system-title": "534D53677004C446"}, {"system-title": "49534B69745CF6C9", "ek": "62F9445B069BA866068B8036F26120"}]}"#,
                "keys.json: [[meter]] #2 (system-title 49534B69745CF6C9): ek must be 16 or 32 bytes of hex, found 15 bytes"
            ),
            (#"{"default": {"eek": "x"}}"#, "keys.json: [default]: unknown field \"eek\" (did you mean \"ek\"?)"),
            (#"{"default": {"ek": 12}}"#, "keys.json: [default]: ek must be a string, found an integer"),
            (#"{"default": {"ek": ["62F9445B069BA866068B8036F2612030"]}}"#, "keys.json: [default]: ek must be a string, found an array"),
            (#"{"default": {"ak": 1.5}}"#, "keys.json: [default]: ak must be a string, found a number with a fraction"),
            (#"{"default": {"password": false}}"#, "keys.json: [default]: password must be a string, found a boolean"),
            (#"{"default": []}"#, "keys.json: \"default\" must be an object"),
            (#"{"meter": {"system-title": "534D53677004C446"}}"#, "keys.json: \"meter\" must be an array of objects"),
            (#"{"client": ["4D4D4D0000BC614E"]}"#, "keys.json: \"client\" element #1 must be an object"),
            (#"{"meters": []}"#, "keys.json: unknown member \"meters\" (expected default, meter or client)"),
            (#"{"ek": "62F9445B069BA866068B8036F2612030"}"#, "keys.json: ek is outside any table; put it under [default] or an entry"),
            ("{\n  \"default\": {\n    \"ek\" = \"62F9445B069BA866068B8036F2612030\"\n  }\n}", "keys.json:3: is not valid JSON"),
        ]
        for (text, expected) in cases {
            let error = try #require(KeysSamples.error(text, file: "keys.json"))
            #expect(error.description == expected)
            KeysSamples.expectNoSecrets(error.description, Self.secrets + ["62F9445B069BA866068B8036F26120"])
        }
    }

    @Test func binaryJunkIsAnErrorNamingTheLine() throws {
        let cases: [([UInt8], String)] = [
            ([0x00, 0x01, 0x02, 0xFF], "keys.toml:1: contains a control character; is this a text keys file?"),
            (Array("[default]\nek = \"".utf8) + [0xC3, 0x28] + Array("\"\n".utf8), "keys.toml:2: is not UTF-8 text; is this a text keys file?"),
            ([0xD4, 0xC3, 0xB2, 0xA1, 0x02, 0x00, 0x04, 0x00], "keys.toml:1: contains a control character; is this a text keys file?"),
            (Array("# comment\n\n\u{7F}".utf8), "keys.toml:3: contains a control character; is this a text keys file?"),
        ]
        for (bytes, expected) in cases {
            let error = try #require(KeysSamples.error(bytes: bytes))
            #expect(error.description == expected)
        }
    }

    @Test func randomBytesAndMutatedFilesNeverCrash() {
        var generator = SplitMix(seed: 0x4B45_5953)
        let valid = Array(KeysSamples.toml.utf8)
        for round in 0..<3000 {
            var bytes: [UInt8]
            if round % 3 == 0 {
                bytes = (0..<Int(generator.next() % 300)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            } else {
                bytes = valid
                for _ in 0..<(1 + Int(generator.next() % 4)) {
                    let position = Int(generator.next() % UInt64(bytes.count))
                    let printable = Array(" \"'[]=#\\.{}\n\t0x_-+:eE".utf8)
                    let byte = round % 2 == 0
                        ? printable[Int(generator.next() % UInt64(printable.count))]
                        : UInt8(truncatingIfNeeded: generator.next())
                    if generator.next() % 2 == 0 { bytes[position] = byte } else { bytes.insert(byte, at: position) }
                }
            }
            if let error = KeysSamples.error(bytes: bytes) {
                #expect(error.description.hasPrefix("keys.toml"))
                #expect(!error.description.contains("\n"))
                KeysSamples.expectNoSecrets(error.description, KeysSamples.meters.map(\.ek) + [KeysSamples.defaultAK])
            }
        }
    }

    @Test func oversizedInputIsRefusedWithoutParsing() throws {
        let line = Array("# padding padding padding padding padding padding padding padding padding padding\n".utf8)
        var big: [UInt8] = []
        while big.count < 2_000_000 { big += line }
        let error = try #require(KeysSamples.error(bytes: big))
        #expect(error.description == "keys.toml: is larger than 1 MiB; is this a keys file?")

        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("huge.toml").path
        try Data(big).write(to: URL(fileURLWithPath: path))
        #expect(throws: KeysFileError(file: path, problem: "is larger than 1 MiB; is this a keys file?")) {
            try KeyStore(contentsOfFile: path)
        }
    }

    @Test func unreadableFilesAreErrors() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.toml").path
        #expect(throws: KeysFileError(file: missing, problem: "does not exist")) { try KeyStore(contentsOfFile: missing) }
        #expect(throws: KeysFileError(file: directory.path, problem: "is a directory, not a keys file")) {
            try KeyStore(contentsOfFile: directory.path)
        }
    }

    @Test func namesThatLookLikeKeysAreNotEchoed() throws {
        let error = try #require(KeysSamples.error("[default]\n612888F59306A7855AC5C08CB3A96B39 = \"x\"\n"))
        #expect(error.description == "keys.toml:2: [default]: unknown field (a 32-character name)")
        let table = try #require(KeysSamples.error("[612888F59306A7855AC5C08CB3A96B39]\n"))
        #expect(table.description == "keys.toml:1: unknown table (a 32-character name) (expected [default], [[meter]] or [[client]])")
    }
}

/// A small deterministic generator for the fuzz rounds.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
