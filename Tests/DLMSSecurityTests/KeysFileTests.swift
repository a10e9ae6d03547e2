import DLMSCore
import DLMSSecurity
import DLMSTestSupport
import Foundation
import Testing

@Suite struct KeysFileTests {
    @Test func sampleKeysAreTheOnesTheCaptureSourcesPublish() throws {
        for meter in KeysSamples.meters {
            let source = try String(contentsOfFile: Fixtures.shared("captures/\(meter.capture)/SOURCE.md"), encoding: .utf8)
            let line = source.split(separator: "\n").first { $0.contains(meter.title) && $0.contains(meter.ek) }
            #expect(line != nil, "\(meter.title) with its EK is not in \(meter.capture)/SOURCE.md")
            if let ak = meter.ak { #expect(line?.contains(ak) == true) }
        }
    }

    @Test func multiMeterFileLooksUpEveryMeter() throws {
        let store = try KeysSamples.parse(KeysSamples.toml)
        #expect(store.meters.count == KeysSamples.meters.count)
        #expect(store.clients.count == 1)
        for meter in KeysSamples.meters {
            let title = try #require(KeysSamples.bytes(meter.title))
            let lookup = store.lookup(forSender: title, role: .meter)
            #expect(lookup.entry == .meter(title))
            #expect(lookup.entry.description == meter.title)
            #expect(lookup.keys.name == meter.name)
            #expect(lookup.keys.ek == KeysSamples.bytes(meter.ek))
            #expect(lookup.keys.ak == KeysSamples.bytes(meter.ak ?? KeysSamples.defaultAK))
            #expect(lookup.source(of: .ek) == .meter(title))
            #expect(lookup.source(of: .ak) == (meter.ak == nil ? .default : .meter(title)))
            #expect(lookup.source(of: .bk) == nil)
            #expect(store.keys(forSender: title) == lookup.keys)
        }
    }

    @Test func unknownOrMissingTitleFallsBackToTheDefault() throws {
        let store = try KeysSamples.parse(KeysSamples.toml)
        for title in [[UInt8](repeating: 0xAA, count: 8), nil] {
            let lookup = store.lookup(forSender: title, role: .meter)
            #expect(lookup.entry == .default && lookup.entry.description == "default")
            #expect(lookup.keys == KeySet(ak: KeysSamples.bytes(KeysSamples.defaultAK)))
            #expect(lookup.source(of: .ak) == .default)
            #expect(lookup.source(of: .ek) == nil)
        }
    }

    @Test func entryFieldsWinOverTheDefault() throws {
        let store = try KeysSamples.parse("""
            [default]
            ek = "000102030405060708090A0B0C0D0E0F"
            ak = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF"
            password = "12345678"
            name = "lab"

            [[meter]]
            system-title = "534D53677004C446"
            ek = "612888F59306A7855AC5C08CB3A96B39"
            hls-secret = "K56iVagY"
            """)
        let title = try #require(KeysSamples.bytes("534D53677004C446"))
        let keys = store.keys(forSender: title, role: .meter)
        #expect(keys.ek == KeysSamples.bytes("612888F59306A7855AC5C08CB3A96B39"))
        #expect(keys.ak == KeysSamples.bytes("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF"))
        #expect(keys.password == Array("12345678".utf8))
        #expect(keys.hlsSecret == Array("K56iVagY".utf8))
        #expect(keys.name == "lab")
        // The same title as a client has no entry: the default answers.
        #expect(store.keys(forSender: title, role: .client) == store.defaultKeys)
    }

    @Test func roleLessLookupTriesMetersThenClients() throws {
        let store = try KeysSamples.parse("""
            [[meter]]
            system-title = "0102030405060708"
            ek = "11111111111111111111111111111111"
            [[client]]
            system-title = "0102030405060708"
            ek = "22222222222222222222222222222222"
            [[client]]
            system-title = "4D4D4D0000BC614E"
            ak = "33333333333333333333333333333333"
            """)
        let shared = try #require(KeysSamples.bytes("0102030405060708"))
        let client = try #require(KeysSamples.bytes("4D4D4D0000BC614E"))
        #expect(store.lookup(forSender: shared).entry == .meter(shared))
        #expect(store.keys(forSender: shared).ek == [UInt8](repeating: 0x11, count: 16))
        #expect(store.keys(forSender: shared, role: .client).ek == [UInt8](repeating: 0x22, count: 16))
        #expect(store.lookup(forSender: client).entry == .client(client))
        #expect(store.lookup(forSender: client).entry.description == "4D4D4D0000BC614E")
        #expect(store.lookup(forSender: nil).entry == .default)
    }

    @Test func jsonFileIsEquivalentToTheTOMLFile() throws {
        let fromTOML = try KeysSamples.parse(KeysSamples.toml)
        let fromJSON = try KeysSamples.parse(KeysSamples.json, file: "keys.json")
        #expect(fromJSON == fromTOML)
    }

    @Test func everyFieldReads() throws {
        let scalar = String(repeating: "A5", count: 32)
        let point = "04" + String(repeating: "5A", count: 64)
        let store = try KeysSamples.parse("""
            [default]
            ek = "000102030405060708090A0B0C0D0E0F"
            ak = "d0:d1:d2:d3:d4:d5:d6:d7:d8:d9:da:db:dc:dd:de:df"
            bk = "2021 2223 2425 2627 2829 2A2B 2C2D 2E2F"
            dk = "30-31-32-33-34-35-36-37-38-39-3A-3B-3C-3D-3E-3F"
            kek = "\(String(repeating: "40", count: 32))"
            hls-secret-hex = "4B35 3669 5661 6759"
            password-hex = "3132333435363738"
            agreement-key = "\(scalar)"
            signing-key = "keys/signing.pem"
            agreement-public-key = "\(point)"
            signing-public-key = "/etc/dlms/server-signing.pem"
            certificate = "certs/../certs/server.der"
            client-system-title = "4D4D4D0000BC614E"
            server-system-title = "4D4D4D0000000001"
            """)
        let keys = store.defaultKeys
        #expect(keys.ek == Array(0x00...0x0F))
        #expect(keys.ak == Array(0xD0...0xDF))
        #expect(keys.bk == Array(0x20...0x2F))
        #expect(keys.dk == Array(0x30...0x3F))
        #expect(keys.kek == [UInt8](repeating: 0x40, count: 32))
        #expect(keys.hlsSecret == Array("K56iVagY".utf8))
        #expect(keys.password == Array("12345678".utf8))
        #expect(keys.agreementKey == .scalar([UInt8](repeating: 0xA5, count: 32)))
        #expect(keys.signingKey == .pemFile("/lab/keys/signing.pem"))
        #expect(keys.agreementPublicKey == .point([UInt8](repeating: 0x5A, count: 64)))
        #expect(keys.signingPublicKey == .pemFile("/etc/dlms/server-signing.pem"))
        #expect(keys.certificate == "/lab/certs/server.der")
        #expect(store.defaultClientSystemTitle == KeysSamples.bytes("4D4D4D0000BC614E"))
        #expect(store.defaultServerSystemTitle == KeysSamples.bytes("4D4D4D0000000001"))
    }

    @Test func relativePathsResolveAgainstTheKeysFilesDirectory() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("keys.toml").path
        try Data("""
            [[client]]
            system-title = "4D4D4D0000BC614E"
            agreement-key = "client/agreement.pem"
            certificate = "../ca.der"
            signing-public-key = "./beef"
            """.utf8).write(to: URL(fileURLWithPath: path))
        let store = try KeyStore(contentsOfFile: path)
        let keys = try #require(store.clients.values.first)
        let base = URL(fileURLWithPath: directory.path).standardizedFileURL
        #expect(keys.agreementKey == .pemFile(base.appendingPathComponent("client/agreement.pem").path))
        #expect(keys.certificate == base.deletingLastPathComponent().appendingPathComponent("ca.der").path)
        #expect(keys.signingPublicKey == .pemFile(base.appendingPathComponent("beef").path))
    }

    @Test func writtenFileReadsBackToTheSameStore() throws {
        var store = try KeysSamples.parse(KeysSamples.toml)
        store.defaultKeys.hlsSecret = Array("K56i\"Va\\gY".utf8)
        store.defaultKeys.password = [0x00, 0xFF, 0x31]
        store.defaultClientSystemTitle = KeysSamples.bytes("4D4D4D0000BC614E")
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = URL(fileURLWithPath: directory.path).standardizedFileURL.path
        store.defaultKeys.signingKey = .pemFile(base + "/keys/signing.pem")
        store.defaultKeys.certificate = base + "/cafe"
        store.defaultKeys.agreementPublicKey = .point([UInt8](repeating: 7, count: 96))

        let path = directory.appendingPathComponent("keys.toml").path
        try store.write(toFile: path, header: "Made by make-samples.\nKeys from SOURCE.md files.")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# Made by make-samples.\n# Keys from SOURCE.md files.\n"))
        #expect(text.contains("signing-key = \"keys/signing.pem\""))
        #expect(text.contains("certificate = \"./cafe\""))
        #expect(text.contains("password-hex = \"00FF31\""))
        #expect(try KeyStore(contentsOfFile: path) == store)
        #expect(try KeysSamples.parse(store.keysFileText()) == store)
    }

    @Test func aLabFileNearTheSizeLimitReads() throws {
        var text = "[default]\nak = \"\(KeysSamples.defaultAK)\"\n"
        var count = 0
        while text.utf8.count < KeyStore.maximumFileSize - 200 {
            count += 1
            let title = String(format: "4C475A%010X", count)
            text += "\n[[meter]]\nsystem-title = \"\(title)\"\nek = \"\(String(format: "%032X", count))\"\n"
        }
        let store = try KeysSamples.parse(text)
        #expect(store.meters.count == count)
        let last = try #require(KeysSamples.bytes(String(format: "4C475A%010X", count)))
        #expect(store.keys(forSender: last, role: .meter).ek == KeysSamples.bytes(String(format: "%032X", count)))
    }

    @Test func emptyFilesAreEmptyStores() throws {
        for text in ["", "\n\n", "  # only a comment\n", "\u{FEFF}", "[default]\n", "{}"] {
            let store = try KeysSamples.parse(text)
            #expect(store.isEmpty)
            #expect(store.lookup(forSender: nil, role: .meter) == KeyLookup(keys: KeySet(), entry: .default, entryKeys: nil))
        }
    }

    @Test func descriptionsNeverShowKeys() throws {
        let store = try KeysSamples.parse(KeysSamples.toml)
        var dumped = ""
        dump(store, to: &dumped)
        let texts = [String(describing: store), String(reflecting: store), dumped]
            + store.meters.values.map { String(describing: $0) }
        let secrets = KeysSamples.meters.map(\.ek) + [KeysSamples.defaultAK, KeysSamples.clientAK]
        for text in texts {
            KeysSamples.expectNoSecrets(text, secrets)
            for meter in KeysSamples.meters {
                let decimal = try #require(KeysSamples.bytes(meter.ek)).prefix(4).map(String.init).joined(separator: ", ")
                #expect(!text.contains(decimal), "key bytes in decimal leak into: \(text)")
            }
        }
        let secret = KeySet(ek: Array(0...15), agreementKey: .scalar([UInt8](repeating: 0xA5, count: 32)))
        #expect(secret.description == "KeySet(ek: 16 bytes, agreement-key: 32-byte scalar)")
    }
}
