import DLMSCore
import DLMSTestSupport
import Foundation
import Testing

/// Suites 1 and 2: no output shows a private scalar, the master key, a global key, a key a
/// key_transfer installed or a content key a wrapped-key carried; keys files naming unusable
/// key or certificate files stop the run with one line naming the entry and field.
@Suite struct SuiteKeyLeakTests {
    static func secrets(_ session: SuiteSession) -> [(name: String, hex: String)] {
        [("EK", session.encryptionKey), ("AK", session.authenticationKey), ("KEK", session.kek),
         ("transferred EK", session.newEncryptionKey), ("client content key", session.clientContentKey),
         ("server content key", session.serverContentKey), ("client signing scalar", session.clientSigningScalar),
         ("server signing scalar", session.serverSigningScalar), ("client agreement scalar", session.clientAgreementScalar),
         ("server agreement scalar", session.serverAgreementScalar)].map { ($0.0, Hex.encode($0.1)) }
    }

    @Test(arguments: [SuiteSession.suite1, SuiteSession.suite2], KeyLeakTests.formats + [["-T", "xml", "--show-secrets"]])
    func decodeShowsNoSecret(session: SuiteSession, format: [String]) throws {
        let arguments = ["decode"] + format + ["-k", "Samples/\(session.name)-session.keys.toml", "Samples/\(session.name)-session.pcap"]
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(KeyLeak.leaks(in: result.stdout + result.stderr, of: Self.secrets(session)) == [], "\(arguments)")
        #expect(!result.stdout.contains("PRIVATE KEY"))
    }

    @Test(arguments: [SuiteSession.suite1, SuiteSession.suite2])
    func verifyShowsNoSecret(session: SuiteSession) throws {
        for format in ["text", "json"] {
            let arguments = ["verify", "-T", format, "-k", "Samples/\(session.name)-session.keys.toml", "Samples/\(session.name)-session.pcap"]
            let result = try CommandRunner.run(arguments)
            #expect(result.status == 0, "\(result.stdout)")
            #expect(KeyLeak.leaks(in: result.stdout + result.stderr, of: Self.secrets(session)) == [], "\(arguments)")
        }
    }

    /// A keys file whose suite 1/2 entry cannot be used: exit 2, one line naming the field.
    @Test(arguments: [
        ("signing-key = \"missing.pem\"", "signing-key"),
        ("certificate = \"garbage.pem\"", "certificate"),
        ("agreement-key = \"\(String(repeating: "FF", count: 32))\"", "agreement-key"),
        ("signing-public-key = \"\(String(repeating: "01", count: 64))\"", "signing-public-key"),
    ])
    func unusableSuiteKeyStopsTheRun(line: String, field: String) throws {
        let directory = try Fixtures.temporaryDirectory()
        try Data("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n".utf8)
            .write(to: directory.appendingPathComponent("garbage.pem"))
        let path = directory.appendingPathComponent("bad.keys.toml").path
        let file = "[[meter]]\nsystem-title = \"4D4D4D0000BC614E\"\nek = \"000102030405060708090A0B0C0D0E0F\"\n\(line)\n"
        try Data(file.utf8).write(to: URL(fileURLWithPath: path))
        for command in ["decode", "verify"] {
            let result = try CommandRunner.run([command, "-k", path, "Samples/suite1-session.pcap"])
            #expect(result.status == 2, "\(line): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("dlmscope: ") && result.stderr.contains(field), "\(result.stderr)")
            #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)")
            #expect(!result.stderr.contains("FFFFFFFF") && !result.stderr.contains("01010101"), "\(result.stderr)")
        }
    }
}
