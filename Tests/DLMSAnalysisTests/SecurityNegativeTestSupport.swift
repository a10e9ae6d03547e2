import DLMSAPDU
import DLMSAnalysis
import DLMSCapture
import DLMSCore
import DLMSSecurity
import DLMSTestSupport
import Foundation
import Testing

/// Variants of `CipheredSession` (the Green Book ciphered sample) for the
/// negative security tests: APDUs with a damaged tag or ciphertext, re-sealed
/// under another policy or counter, replayed or inserted, and keys files that
/// are wrong in one way each. The variants are written as pcaps exactly like
/// `SampleCaptures.cipheredSession()` (TCP port 4059, IEC 62056-47 wrapper),
/// so that one step of the session is one record.
enum CipheredVariant {
    typealias Step = (fromClient: Bool, apdu: [UInt8])

    /// The position of each APDU in `CipheredSession.apdus()`; record index = position + 1.
    enum Position {
        static let aarq = 0
        static let aare = 1
        static let hlsRequest = 2
        static let hlsResponse = 3
        static let dedicatedGetRequest = 4
        static let dedicatedGetResponse = 5
        static let energyRequest = 6
        static let energyResponse = 7
        static let scalerRequest = 8
        static let scalerResponse = 9
        static let releaseRequest = 10
        static let releaseResponse = 11
    }

    static let ek = Hex.encode(CipheredSession.encryptionKey)
    static let ak = Hex.encode(CipheredSession.authenticationKey)
    static let meterTitle = Hex.encode(CipheredSession.serverSystemTitle)
    /// A key that is none of the session's (EK with its last byte changed).
    static let wrongKey = "000102030405060708090A0B0C0D0E0E"
    /// A meter that is not in the capture.
    static let otherMeterTitle = "4D4D4D0000000099"

    // MARK: The session

    /// The clean session, step by step.
    static func clean() throws -> [Step] {
        try CipheredSession.apdus()
    }

    /// Writes `steps` as a pcap like `SampleCaptures.cipheredSession()`; returns its path.
    static func write(_ steps: [Step], name: String = "variant.pcap") throws -> String {
        var session = TCPSession(client: [192, 168, 10, 21], clientPort: 50_200,
                                 server: [192, 168, 10, 51], serverPort: 4059)
        var capture = CaptureFileBuilder(linkType: .ethernet, start: Timestamp(seconds: 1_710_324_000), stepMicroseconds: 15_000)
        func add(_ packet: [UInt8]) { capture.append(PacketBuilder.ethernet(type: 0x0800, payload: packet)) }
        session.handshake().forEach(add)
        for step in steps {
            add(session.send(fromClient: step.fromClient, Wrapper.frame(step.apdu, from: 0x0001, to: 0x0001)))
        }
        session.close().forEach(add)
        let path = try Fixtures.temporaryDirectory().appendingPathComponent(name).path
        try capture.write(to: path)
        return path
    }

    // MARK: Keys

    /// A keys file with one `[[meter]]` entry (the sample's, unless told otherwise).
    static func keysFile(title: String = meterTitle, ek: String = ek, ak: String? = ak, defaults: String = "") -> String {
        var text = defaults.isEmpty ? "" : "[default]\n\(defaults)\n\n"
        text += "[[meter]]\nsystem-title = \"\(title)\"\nek = \"\(ek)\"\n"
        if let ak { text += "ak = \"\(ak)\"\n" }
        return text
    }

    static func keys(_ toml: String) throws -> KeyStore {
        try KeyStore(parsing: Array(toml.utf8), file: "keys.toml")
    }

    /// Writes a keys file beside the test's captures; returns its path.
    static func writeKeys(_ toml: String) throws -> String {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("keys.toml").path
        try Data(toml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    // MARK: Decoding and auditing

    /// Every record of the capture at `path`, opened with `keys`.
    static func decode(_ path: String, keys: KeyStore) throws -> [Record] {
        Array(try TraceDecoder(input: try InputFile(path: path), options: TraceDecoder.Options(keys: keys)))
    }

    /// `steps` written, decoded and checked: the records and the `verify` report.
    static func analyse(_ steps: [Step], keys: KeyStore) throws -> (records: [Record], report: ConformanceReport) {
        let path = try write(steps)
        let records = try decode(path, keys: keys)
        var auditor = ConformanceAuditor(input: path)
        for record in records { auditor.add(record) }
        return (records, auditor.finish())
    }

    /// The sample's keys file, parsed.
    static func sampleKeys() throws -> KeyStore {
        try keys(CipheredSession.keysFile)
    }

    // MARK: Damage

    /// `apdu` with bit `bit` of byte `index` inverted.
    static func flippingBit(_ apdu: [UInt8], at index: Int, bit: Int = 0) -> [UInt8] {
        var apdu = apdu
        apdu[index] ^= UInt8(1) << UInt8(bit)
        return apdu
    }

    /// The service-specific ciphered APDU (glo-/ded-) that `apdu` is.
    static func envelope(_ apdu: [UInt8]) throws -> ServiceSpecificCipheredAPDU {
        guard case let .ciphered(envelope) = try APDU.decode(apdu[...]).apdu else {
            throw SecurityError("not a glo- or ded- APDU: \(Hex.encode(apdu.prefix(4)))")
        }
        return envelope
    }

    /// Where the ciphertext (or the plaintext, under authentication only) starts in a glo-/ded- APDU.
    static func textOffset(in apdu: [UInt8]) throws -> Int {
        let content = try envelope(apdu).content
        return apdu.count - content.encodedCount + SecurityHeader.encodedCount
    }

    /// The offset of the last byte of the tag of a glo-/ded- APDU.
    static func lastTagByte(of apdu: [UInt8]) -> Int { apdu.count - 1 }

    // MARK: Re-sealing

    /// The plaintext of the glo-/ded- APDU of `step` (opened with the session's keys).
    static func plaintext(of step: Step) throws -> [UInt8] {
        let envelope = try envelope(step.apdu)
        let opening = try CipheredContentOpener.open(
            envelope.content, systemTitle: title(fromClient: step.fromClient),
            encryptionKey: envelope.key == .dedicated ? CipheredSession.dedicatedKey : CipheredSession.encryptionKey,
            authenticationKey: CipheredSession.authenticationKey
        )
        guard opening.tag == .valid, let plaintext = opening.plaintext else { throw SecurityError("the sample does not open") }
        return plaintext
    }

    /// `plaintext` sealed by the sender of `fromClient` under `control` and counter `ic`, in the
    /// glo- (or ded-) APDU of its service, with the session's keys (unless `encryptionKey` says otherwise).
    static func sealed(
        _ plaintext: [UInt8], fromClient: Bool, control: SecurityControl, ic: UInt32, dedicated: Bool = false,
        encryptionKey: [UInt8]? = nil
    ) throws -> [UInt8] {
        let content = try seal(plaintext, fromClient: fromClient, control: control, ic: ic, dedicated: dedicated,
                               encryptionKey: encryptionKey)
        guard let service = plaintext.first,
              let envelope = ServiceSpecificCipheredAPDU(service: service, key: dedicated ? .dedicated : .global, content: content)
        else { throw SecurityError("no ciphered form for \(Hex.encode(plaintext.prefix(1)))") }
        return APDU.ciphered(envelope).encoded
    }

    /// Every protected content of the session's `step` (a glo-/ded- APDU, or the ciphered
    /// initiate of the AARQ or AARE) re-sealed under `control`, with its plaintext and counter.
    static func resealed(_ step: Step, control: SecurityControl, encryptionKey: [UInt8]? = nil) throws -> Step {
        let decoded = try APDU.decode(step.apdu[...]).apdu
        func reseal(_ initiate: CipheredInitiate) throws -> UserInformation {
            let content = try CipheredContent(decoding: initiate.securedBytes[...])
            let opening = try CipheredContentOpener.open(
                content, systemTitle: title(fromClient: step.fromClient), encryptionKey: CipheredSession.encryptionKey,
                authenticationKey: CipheredSession.authenticationKey
            )
            guard let plaintext = opening.plaintext, opening.tag == .valid else { throw SecurityError("the sample does not open") }
            let sealed = try seal(plaintext, fromClient: step.fromClient, control: control, ic: content.invocationCounter,
                                  dedicated: false, encryptionKey: encryptionKey)
            return .cipheredInitiate(CipheredInitiate(
                kind: initiate.kind, securityControl: control.rawValue, invocationCounter: content.invocationCounter,
                cipheredContent: sealed.text + (sealed.tag ?? [])
            ))
        }
        switch decoded {
        case var .aarq(aarq):
            guard case let .cipheredInitiate(initiate)? = aarq.userInformation else { return step }
            aarq.userInformation = try reseal(initiate)
            return (step.fromClient, APDU.aarq(aarq).encoded)
        case var .aare(aare):
            guard case let .cipheredInitiate(initiate)? = aare.userInformation else { return step }
            aare.userInformation = try reseal(initiate)
            return (step.fromClient, APDU.aare(aare).encoded)
        case let .ciphered(envelope):
            let apdu = try sealed(
                try plaintext(of: step), fromClient: step.fromClient, control: control,
                ic: envelope.content.invocationCounter, dedicated: envelope.key == .dedicated, encryptionKey: encryptionKey
            )
            return (step.fromClient, apdu)
        default:
            return step
        }
    }

    private static func seal(
        _ plaintext: [UInt8], fromClient: Bool, control: SecurityControl, ic: UInt32, dedicated: Bool, encryptionKey: [UInt8]?
    ) throws -> CipheredContent {
        try CipheredContentOpener.seal(
            plaintext: plaintext, securityControl: control, invocationCounter: ic, systemTitle: title(fromClient: fromClient),
            encryptionKey: encryptionKey ?? (dedicated ? CipheredSession.dedicatedKey : CipheredSession.encryptionKey),
            authenticationKey: CipheredSession.authenticationKey
        )
    }

    private static func title(fromClient: Bool) -> [UInt8] {
        fromClient ? CipheredSession.clientSystemTitle : CipheredSession.serverSystemTitle
    }
}

/// Runs the built `dlmscope verify` (beside the test bundle, as `swift test` builds it) on a
/// capture, so that each negative variant is also checked end to end.
enum VerifyRunner {
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0])
        .deletingLastPathComponent().appendingPathComponent("dlmscope")

    /// The exit status and standard output of `dlmscope verify ARGUMENTS`.
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
        try #require(FileManager.default.isExecutableFile(atPath: executable.path), "dlmscope is not built beside the tests")
        let process = Process()
        process.executableURL = executable
        process.arguments = ["verify"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
