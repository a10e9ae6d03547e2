import DLMSAPDU
import DLMSCore
import DLMSSecurity
import Foundation

/// One generation of a `SuiteSession`: its certificates and APDUs. ECDSA
/// signatures (HLS replies, ephemeral keys, general-signing, certificates)
/// use OpenSSL's random k, so two generations differ in those bytes only;
/// every key, counter, challenge and plaintext is fixed.
///
/// The session (client → meter over TCP port 4059 with the wrapper, wPorts 1 → 1):
///
///  1. AARQ (LN with ciphering, HLS mechanism 7 ECDSA, calling-AP-title,
///     CtoS, calling-AE-qualifier = the client's signing certificate,
///     glo-initiate-request A+E) → AARE (responding-AP-title, StoC,
///     responding-AE-qualifier = the meter's signing certificate,
///     glo-initiate-response);
///  2. reply_to_HLS_authentication with the client's ECDSA f(StoC), answered
///     with the meter's f(CtoS), as glo-action-request/response;
///  3. general-ciphering exchanges, one per key-info kind: identified-key
///     (the clock), wrapped-key (the active energy register, a 12-byte
///     date-time in the request), agreed-key One-Pass DH (an access-request
///     of the clock and the register), agreed-key Static Unified Model (the
///     register's scaler_unit);
///  4. general-signing around a glo-get-request (the active power) and
///     around a general-ciphering identified-key get-request (the clock), the
///     meter's responses signed alike;
///  5. Security setup import_certificate (the client's key-agreement
///     certificate) and export_certificate (the meter's key-agreement
///     certificate in the response), then key_transfer of a new global
///     unicast EK wrapped under the KEK, as glo-action-request/response, and
///     a general-ciphering identified-key read of the clock under the NEW EK;
///  6. RLRQ/RLRE.
public struct SuiteSessionCapture: Sendable {
    /// One APDU of the session and what it is.
    public struct Message: Sendable {
        public let fromClient: Bool
        public let apdu: [UInt8]
        /// A short label (`general-ciphering wrapped-key request`).
        public let label: String
    }

    public let session: SuiteSession
    public let clientCertificate: X509Certificate
    public let serverCertificate: X509Certificate
    /// The key-agreement certificates carried by import_certificate / export_certificate.
    public let clientAgreementCertificate: X509Certificate
    public let serverAgreementCertificate: X509Certificate
    public let messages: [Message]

    /// The certificates' validity (fixed, so only their signatures vary).
    static let notBefore = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01
    static let notAfter = Date(timeIntervalSince1970: 2_019_686_400)  // 2034-01-01

    public init(_ session: SuiteSession) throws {
        self.session = session
        let curve = session.curve
        let ca = try ECPrivateKey(curve: curve, scalar: session.caScalar)
        let keys = try session.keyPairs()
        func issue(_ title: [UInt8], _ key: ECPublicKey, _ usage: CertificateKeyUsage, serial: UInt64) throws -> X509Certificate {
            try X509Certificate.issue(
                subjectCommonName: Hex.encode(title), subjectOrganization: "dlmscope sample", publicKey: key,
                issuerCommonName: "dlmscope sample CA \(curve)", issuerOrganization: "dlmscope sample", issuerKey: ca,
                serialNumber: serial, notBefore: Self.notBefore, notAfter: Self.notAfter, keyUsage: usage, isCA: false
            )
        }
        let base = UInt64(session.suite) * 0x100
        clientCertificate = try issue(session.clientSystemTitle, keys.clientSigning.publicKey, .digitalSignature, serial: base + 1)
        serverCertificate = try issue(session.serverSystemTitle, keys.serverSigning.publicKey, .digitalSignature, serial: base + 2)
        clientAgreementCertificate = try issue(
            session.clientSystemTitle, keys.clientAgreement.publicKey, .keyAgreement, serial: base + 3
        )
        serverAgreementCertificate = try issue(
            session.serverSystemTitle, keys.serverAgreement.publicKey, .keyAgreement, serial: base + 4
        )
        var builder = SuiteMessageBuilder(session: session, keys: keys)
        messages = try builder.messages(
            clientCertificate: clientCertificate.der, serverCertificate: serverCertificate.der,
            clientAgreementCertificate: clientAgreementCertificate.der,
            serverAgreementCertificate: serverAgreementCertificate.der
        )
    }

    /// The messages as a pcap: Ethernet, TCP with the IEC 62056-47 wrapper.
    public func capture() -> CaptureFileBuilder {
        var tcp = TCPSession(client: session.clientAddress, clientPort: session.clientPort,
                             server: session.serverAddress, serverPort: 4059)
        let start = Timestamp(seconds: 1_710_327_600 + Int64(session.suite) * 3_600)
        var capture = CaptureFileBuilder(linkType: .ethernet, start: start, stepMicroseconds: 20_000)
        func add(_ packet: [UInt8]) { capture.append(PacketBuilder.ethernet(type: 0x0800, payload: packet)) }
        tcp.handshake().forEach(add)
        for message in messages {
            add(tcp.send(fromClient: message.fromClient, Wrapper.frame(message.apdu, from: 0x0001, to: 0x0001)))
        }
        tcp.close().forEach(add)
        return capture
    }

    // MARK: Files

    /// The keys file: the meter's entry (symmetric keys, its key pairs and
    /// certificate) and the client's (its key pairs and certificate).
    public func keysFile() throws -> String {
        let keys = try session.keyPairs()
        let names = session.fileNames
        let bits = session.encryptionKey.count * 8
        return """
            # Keys for Samples/\(names.pcap): security suite \(session.suite) (\(session.curve), AES-GCM-\(bits)).
            # dlmscope finds a party's keys by its system title. The meter's entry holds the symmetric
            # keys (EK, AK, KEK: the client's APDUs are opened with the keys of the meter they go to);
            # both entries hold their static key-agreement private key (hex scalar) and their signing
            # key (PKCS#8 PEM) with its certificate, paths relative to this file. The EK that the
            # session's key_transfer installs is not here: dlmscope learns it from the capture.

            [[meter]]
            name = "dlmscope suite \(session.suite) sample meter"
            system-title = "\(Hex.encode(session.serverSystemTitle))"
            ek = "\(Hex.encode(session.encryptionKey))"
            ak = "\(Hex.encode(session.authenticationKey))"
            kek = "\(Hex.encode(session.kek))"
            agreement-key = "\(Hex.encode(try keys.serverAgreement.scalar()))"
            signing-key = "\(names.serverSigningKey)"
            certificate = "\(names.serverCertificate)"

            [[client]]
            name = "dlmscope suite \(session.suite) sample client"
            system-title = "\(Hex.encode(session.clientSystemTitle))"
            agreement-key = "\(Hex.encode(try keys.clientAgreement.scalar()))"
            signing-key = "\(names.clientSigningKey)"
            certificate = "\(names.clientCertificate)"

            """
    }

    /// Every file of the sample by its name under `Samples/`.
    public func files() throws -> [(name: String, contents: [UInt8])] {
        let names = session.fileNames
        let keys = try session.keyPairs()
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("dlmscope-suite-\(session.suite)-\(UUID().uuidString).pcap").path
        try capture().write(to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let pcap = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        return [
            (names.pcap, pcap),
            (names.keys, Array(try keysFile().utf8)),
            (names.clientSigningKey, Array(try keys.clientSigning.pemPKCS8().utf8)),
            (names.serverSigningKey, Array(try keys.serverSigning.pemPKCS8().utf8)),
            (names.clientCertificate, Array(try clientCertificate.pem().utf8)),
            (names.serverCertificate, Array(try serverCertificate.pem().utf8)),
        ]
    }
}

extension SampleCaptures {
    /// One generation of each suite session per process, so that the pcap and
    /// the certificate files written from it agree.
    static let suiteGenerations: [UInt8: Result<[String: [UInt8]], any Error>] = Dictionary(
        uniqueKeysWithValues: SuiteSession.all.map { session in
            (session.suite, Result { () throws -> [String: [UInt8]] in
                Dictionary(uniqueKeysWithValues: try SuiteSessionCapture(session).files().map { ($0.name, $0.contents) })
            })
        }
    )

    /// The files of the suite 1 and 2 samples.
    static var suiteSamples: [Sample] {
        SuiteSession.all.flatMap { session in
            session.fileNames.all.map { name in
                Sample(name: name, reproducible: session.fileNames.isReproducible(name)) { path in
                    guard let contents = try suiteGenerations[session.suite]?.get()[name] else {
                        throw CocoaError(.fileNoSuchFile)
                    }
                    try writeFile(contents, to: path)
                }
            }
        }
    }

    /// Writes `contents` to `path`, creating its directory.
    public static func writeFile(_ contents: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents).write(to: url)
    }
}
