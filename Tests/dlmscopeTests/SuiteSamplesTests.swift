import DLMSCore
import DLMSTestSupport
import Foundation
import Testing

/// The security suite 1 and 2 samples (`Samples/suite1-session.pcap`, `suite2-…`). Their ECDSA
/// signatures use a random k, so the files are not reproducible byte for byte: these tests check
/// that a fresh generation has the committed structure, that dlmscope finds every envelope,
/// signature and HLS reply valid with the committed keys file, and that damaged copies fail.
@Suite struct SuiteSamplesTests {
    static let suites: [UInt8] = [1, 2]

    static func session(_ suite: UInt8) throws -> SuiteSession {
        try #require(SuiteSession.all.first { $0.suite == suite })
    }

    /// The packets of a classic pcap file (24-byte header, 16-byte record headers).
    static func pcapPackets(_ bytes: [UInt8]) -> [[UInt8]] {
        var packets: [[UInt8]] = []
        var offset = 24
        while offset + 16 <= bytes.count {
            let length = bytes[(offset + 8)..<(offset + 12)].reversed().reduce(0) { $0 << 8 | Int($1) }
            let start = offset + 16
            guard start + length <= bytes.count else { break }
            packets.append(Array(bytes[start..<(start + length)]))
            offset = start + length
        }
        return packets
    }

    static func contents(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The JSON records of `dlmscope decode -T json`.
    static func records(_ keys: String, _ pcap: String) throws -> [[String: Any]] {
        let result = try CommandRunner.run(["decode", "-T", "json", "-k", keys, pcap])
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        return try result.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    /// The finding codes of every record.
    static func findingCodes(_ records: [[String: Any]]) -> [String] {
        records.flatMap { ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }
    }

    /// A fresh generation with all its files in a temporary directory.
    static func freshSample(_ suite: UInt8) throws -> (directory: URL, capture: SuiteSessionCapture, names: SuiteSession.FileNames) {
        let session = try Self.session(suite)
        let capture = try SuiteSessionCapture(session)
        let directory = try Fixtures.temporaryDirectory()
        for file in try capture.files() {
            try SampleCaptures.writeFile(file.contents, to: directory.appendingPathComponent(file.name).path)
        }
        return (directory, capture, session.fileNames)
    }

    /// A copy of `pcap` with the bit `mask` of byte `offset` of `apdu` flipped.
    static func flip(_ pcap: String, in apdu: [UInt8], at offset: Int, mask: UInt8 = 0x01, name: String) throws -> String {
        var bytes = try contents(pcap)
        let range = try #require(Data(bytes).range(of: Data(apdu)), "the APDU is in the capture")
        bytes[range.lowerBound + offset] ^= mask
        let path = URL(fileURLWithPath: pcap).deletingLastPathComponent().appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func message(_ capture: SuiteSessionCapture, _ label: String) throws -> SuiteSessionCapture.Message {
        try #require(capture.messages.first { $0.label.hasPrefix(label) }, "a message labelled \(label)")
    }

    // MARK: (a) A fresh generation has the committed structure

    @Test(arguments: suites)
    func aFreshGenerationMatchesTheCommittedCapture(suite: UInt8) throws {
        let session = try Self.session(suite)
        let capture = try SuiteSessionCapture(session)
        let committed = try Self.contents(Fixtures.project("Samples/\(session.fileNames.pcap)"))
        let packets = Self.pcapPackets(committed)
        #expect(packets.count == capture.capture().packets.count)
        #expect(capture.messages.count == 26)
        // Every message without an ECDSA signature (in itself or a certificate it carries) is the same bytes.
        let signed = ["AARQ", "AARE", "glo-action-request reply_to", "glo-action-response reply_to", "general-signing",
                      "general-ciphering agreed-key One-Pass DH", "glo-action-request import", "glo-action-response export"]
        let fixed = capture.messages.filter { message in !signed.contains { message.label.hasPrefix($0) } }
        #expect(fixed.count == 14)
        for message in fixed {
            #expect(Data(committed).range(of: Data(message.apdu)) != nil, "\(message.label) differs from the committed capture")
        }
        // The others at least start alike: the same APDU tag in the same packet.
        let payloads = packets.dropFirst(3).prefix(capture.messages.count)
        for (message, packet) in zip(capture.messages, payloads) {
            // Ethernet 14 + IPv4 20 + TCP 20 + wrapper 8.
            #expect(packet.count > 62 && packet[62] == message.apdu.first, "\(message.label)")
        }
        // The reproducible files are byte for byte the committed ones.
        for file in try capture.files() where session.fileNames.isReproducible(file.name) {
            #expect(try Self.contents(Fixtures.project("Samples/\(file.name)")) == file.contents, "Samples/\(file.name)")
        }
    }

    // MARK: (b) The committed sample is clean

    @Test(arguments: suites)
    func theCommittedSampleDecodesClean(suite: UInt8) throws {
        let names = try Self.session(suite).fileNames
        let records = try Self.records("Samples/\(names.keys)", "Samples/\(names.pcap)")
        #expect(records.count == 26)
        var signatures = 0
        for record in records {
            let index = record["index"] as? Int ?? 0
            #expect((record["findings"] as? [Any])?.isEmpty == true, "record \(index): \(record["findings"] ?? "")")
            guard let security = record["security"] as? [String: Any] else { continue }
            let envelope = security["envelope"] as? String ?? ""
            let tag = security["tag"] as? String
            // general-ciphering is sealed with the AAD dlmscope's encoders use
            // (`GeneralCipheringAuthentication.extraAuthenticatedData`), which the analyzer tries.
            #expect(tag == "valid", "record \(index) \(envelope): tag \(tag ?? "nil")")
            #expect(security["decrypted"] as? Bool == true, "record \(index) \(envelope) is not decrypted")
            if let signature = security["signature"] as? String {
                signatures += 1
                #expect(signature == "valid", "record \(index) \(envelope): signature \(signature)")
            }
        }
        // One-Pass DH request and response, four general-signing APDUs.
        #expect(signatures == 6)
        #expect(records.compactMap { ($0["hls"] as? [String: Any])?["result"] as? String } == ["valid", "valid"])
        #expect(records.compactMap { ($0["hls"] as? [String: Any])?["mechanism"] as? Int } == [7, 7])
        // The exchange after key_transfer decrypts: the transferred EK was picked up.
        let last = records.filter { ($0["security"] as? [String: Any])?["envelope"] as? String == "general-ciphering" }.suffix(2)
        #expect(last.allSatisfy { ($0["apdu"] as? [String: Any])?["type"] as? String != "general-ciphering" })

        let verify = try CommandRunner.run(["verify", "-k", "Samples/\(names.keys)", "Samples/\(names.pcap)"])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.lines.last == "Result: PASS (no error-severity finding)")
    }

    // MARK: (c) Damaged copies fail

    @Test(arguments: suites)
    func aDamagedGeneralSigningSignatureFails(suite: UInt8) throws {
        let (directory, capture, names) = try Self.freshSample(suite)
        let keys = directory.appendingPathComponent(names.keys).path
        let pcap = directory.appendingPathComponent(names.pcap).path
        // The fresh generation itself is clean (as far as the committed one is).
        let clean = try CommandRunner.run(["verify", "-k", keys, pcap])
        #expect(clean.status == 0, "\(clean.stdout)")
        let signing = try Self.message(capture, "general-signing request (glo")
        let damaged = try Self.flip(pcap, in: signing.apdu, at: signing.apdu.count - 1, name: "signature.pcap")
        let codes = Self.findingCodes(try Self.records(keys, damaged))
        #expect(codes == ["signature-invalid"])
        #expect(try CommandRunner.run(["verify", "-k", keys, damaged]).status == 1)
    }

    @Test(arguments: suites)
    func aDamagedEphemeralKeyFails(suite: UInt8) throws {
        let (directory, capture, names) = try Self.freshSample(suite)
        let keys = directory.appendingPathComponent(names.keys).path
        let pcap = directory.appendingPathComponent(names.pcap).path
        let request = try Self.message(capture, "general-ciphering agreed-key One-Pass DH request")
        let point = try Self.session(suite).ephemeralPublicPoint(ofClient: true)
        let offset = try #require(Data(request.apdu).range(of: Data(point))?.lowerBound)
        // The last byte of y: the point leaves the curve (or, if not, the signature and the key are wrong).
        let damaged = try Self.flip(pcap, in: request.apdu, at: offset + point.count - 1, name: "ephemeral.pcap")
        let codes = Set(Self.findingCodes(try Self.records(keys, damaged)))
        let expected: Set = ["signature-invalid", "key-agreement-failed", "wrong-key-likely", "gcm-tag-invalid"]
        #expect(!codes.isDisjoint(with: expected), "\(codes)")
        #expect(try CommandRunner.run(["verify", "-k", keys, damaged]).status == 1)
    }

    @Test(arguments: suites)
    func aDamagedWrappedKeyFails(suite: UInt8) throws {
        let (directory, capture, names) = try Self.freshSample(suite)
        let keys = directory.appendingPathComponent(names.keys).path
        let pcap = directory.appendingPathComponent(names.pcap).path
        let request = try Self.message(capture, "general-ciphering wrapped-key request")
        let wrapped = try Self.session(suite).wrappedContentKey(ofClient: true)
        let offset = try #require(Data(request.apdu).range(of: Data(wrapped))?.lowerBound)
        let damaged = try Self.flip(pcap, in: request.apdu, at: offset + 3, mask: 0x80, name: "wrapped.pcap")
        let codes = Self.findingCodes(try Self.records(keys, damaged))
        #expect(codes.contains("key-unwrap-failed"), "\(codes)")
        #expect(try CommandRunner.run(["verify", "-k", keys, damaged]).status == 1)
    }

    @Test(arguments: suites)
    func aWrongClientSigningKeyFails(suite: UInt8) throws {
        let (directory, _, names) = try Self.freshSample(suite)
        let session = try Self.session(suite)
        let pcap = directory.appendingPathComponent(names.pcap).path
        // The client's entry names the meter's signing public key instead of its own certificate.
        let original = String(decoding: try Self.contents(directory.appendingPathComponent(names.keys).path), as: UTF8.self)
        let wrong = Hex.encode(try session.signingPublicPoint(ofClient: false))
        let swapped = original
            .replacingOccurrences(of: "signing-key = \"\(names.clientSigningKey)\"", with: "signing-public-key = \"\(wrong)\"")
            .replacingOccurrences(of: "certificate = \"\(names.clientCertificate)\"\n", with: "")
        #expect(swapped != original)
        let keys = directory.appendingPathComponent("wrong-signing-key.keys.toml").path
        try Data(swapped.utf8).write(to: URL(fileURLWithPath: keys))
        let records = try Self.records(keys, pcap)
        let codes = Set(Self.findingCodes(records))
        #expect(codes.contains("signature-invalid"), "\(codes)")
        #expect(codes.contains("hls-response-invalid"), "\(codes)")
        #expect(records.compactMap { ($0["hls"] as? [String: Any])?["result"] as? String } == ["invalid", "valid"])
        // The client's signatures fail, the meter's hold.
        let clientSignatures = records.filter { $0["direction"] as? String == "client-to-server" }
            .compactMap { ($0["security"] as? [String: Any])?["signature"] as? String }
        #expect(!clientSignatures.isEmpty && clientSignatures.allSatisfy { $0 == "invalid" }, "\(clientSignatures)")
        let serverSignatures = records.filter { $0["direction"] as? String == "server-to-client" }
            .compactMap { ($0["security"] as? [String: Any])?["signature"] as? String }
        #expect(!serverSignatures.isEmpty && serverSignatures.allSatisfy { $0 == "valid" }, "\(serverSignatures)")
        #expect(try CommandRunner.run(["verify", "-k", keys, pcap]).status == 1)
    }
}
