import DLMSCore
@testable import DLMSSecurity
import Testing

@Suite struct KeysTOMLTests {
    @Test func subsetConstructsRead() throws {
        let text = "# a keys file\r\n\r\n  [ default ]   # trailing comment\r\n"
            + "\"ek\" = \"000102030405060708090A0B0C0D0E0F\"   # quoted key\r\n"
            + "'ak' = 'D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF'\r\n"
            + "name = \"tab\\there \\\"quoted\\\" back\\\\slash \\u00E9 \\U0001F600 # not a comment\"\r\n"
            + "hls-secret = 'C:\\literal\\path'\t\r\n"
            + "[[meter]]\nsystem-title=\"534D53677004C446\"\n"
        let store = try KeysSamples.parse(text)
        #expect(store.defaultKeys.ek == Array(0x00...0x0F))
        #expect(store.defaultKeys.ak == Array(0xD0...0xDF))
        #expect(store.defaultKeys.name == "tab\there \"quoted\" back\\slash é 😀 # not a comment")
        #expect(store.defaultKeys.hlsSecret == Array("C:\\literal\\path".utf8))
        #expect(store.meters.keys.first == KeysSamples.bytes("534D53677004C446"))
    }

    @Test func integersAndBooleansAreRead() throws {
        let document = try TOMLReader(file: "t.toml").read(Array("""
            [values]
            a = 42
            b = -17
            c = +1_000_000
            d = 0xDEAD_beef
            e = 0o755
            f = 0b1101
            g = true
            h = false
            i = 0
            j = -9223372036854775808
            """.utf8)[...])
        let table = try #require(document.tables.first)
        #expect(table.name == "values" && table.kind == .table && table.line == 1)
        #expect(table.entries.map(\.value) == [
            .integer(42), .integer(-17), .integer(1_000_000), .integer(0xDEAD_BEEF), .integer(0o755), .integer(0b1101),
            .boolean(true), .boolean(false), .integer(0), .integer(Int64.min),
        ])
        #expect(table.entries.map(\.line) == Array(2...11))
    }

    @Test func arraysOfTablesKeepTheirOrder() throws {
        let document = try TOMLReader(file: "t.toml").read(Array("""
            top = "level"
            [[meter]]
            a = "1"
            [default]
            [[meter]]
            a = "2"
            """.utf8)[...])
        #expect(document.root.entries.map(\.key) == ["top"])
        #expect(document.tables.map(\.name) == ["meter", "default", "meter"])
        #expect(document.tables.map(\.kind) == [.arrayElement, .table, .arrayElement])
        #expect(document.tables.map(\.line) == [2, 4, 5])
        #expect(document.tables[2].entries.first?.value == .string("2"))
    }

    static let syntaxErrors: [(String, String)] = [
        ("[default]\nek = { a = \"b\" }", "keys.toml:2: ek is an inline table, which is not supported; write the fields as lines under a [table]"),
        ("# first\n\n[default]\n\nek = [1, 2]", "keys.toml:5: ek is an array, which is not supported"),
        ("default.ek = \"x\"", "keys.toml:1: dotted keys are not supported; write the field under its [table]"),
        ("[default.meter]", "keys.toml:1: dotted table names are not supported"),
        ("[default]\nname = \"\"\"IM350\"\"\"", "keys.toml:2: name is a multi-line string, which is not supported"),
        ("[default]\nname = '''IM350'''", "keys.toml:2: name is a multi-line string, which is not supported"),
        ("[default]\nwhen = 1979-05-27", "keys.toml:2: when is a date or time, which is not supported"),
        ("[default]\nwhen = 07:32:00", "keys.toml:2: when is a date or time, which is not supported"),
        ("[default]\nratio = 3.14", "keys.toml:2: ratio is a float, which is not supported (quote text: key = \"...\")"),
        ("[default]\nratio = -inf", "keys.toml:2: ratio is a float, which is not supported (quote text: key = \"...\")"),
        ("[default]\nek = 612888F59306A7855AC5C08CB3A96B39", "keys.toml:2: ek is not quoted (write key = \"value\")"),
        ("[default]\nn = 99999999999999999999", "keys.toml:2: n is an integer out of range"),
        ("[default]\nn = 0123", "keys.toml:2: n is an integer with leading zeros, which TOML does not allow"),
        ("[default]\nek = \"612888F59306A7855AC5C08CB3A96B39", "keys.toml:2: ek has an unterminated string (strings end on their line)"),
        ("[default]\nek = '612888F59306A7855AC5C08CB3A96B39", "keys.toml:2: ek has an unterminated string (strings end on their line)"),
        ("[default]\nname = \"a\\qb\"", "keys.toml:2: name has an invalid escape sequence in a string"),
        ("[default]\nname = \"\\uD800\"", "keys.toml:2: name has an invalid escape sequence in a string"),
        ("[default]\nek = \"612888F59306A7855AC5C08CB3A96B39\" \"x\"", "keys.toml:2: ek has unexpected text after the value"),
        ("[default]\nek", "keys.toml:2: expected '=' after the key \"ek\""),
        ("[default]\nek =   # nothing", "keys.toml:2: ek has no value"),
        ("[default]\n= \"x\"", "keys.toml:2: expected a key, a [table] or a [[table]]"),
        ("[default", "keys.toml:1: expected ']' to close the [table] header"),
        ("[[meter]", "keys.toml:1: expected ']]' to close the [[table]] header"),
        ("[[meter] ]", "keys.toml:1: expected ']]' to close the [[table]] header"),
        ("[default] x", "keys.toml:1: unexpected text after the table header"),
        ("[]", "keys.toml:1: expected a table name"),
        ("[meter]\n[[meter]]", "keys.toml:2: [[meter]] conflicts with the table of that name on line 1"),
        ("[[meter]]\nsystem-title = \"534D53677004C446\"\n[meter]", "keys.toml:3: [meter] is already an array of tables (line 1); write [[...]]"),
    ]

    @Test func syntaxErrorsNameTheLine() throws {
        for (text, expected) in Self.syntaxErrors {
            let error = try #require(KeysSamples.error(text), "no error for \(text)")
            #expect(error.description == expected)
            KeysSamples.expectNoSecrets(error.description, ["612888F59306A7855AC5C08CB3A96B39"])
        }
    }
}
