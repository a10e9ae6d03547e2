import DLMSAPDU
import DLMSCore
import DLMSSecurity

// Security setup (class 64) methods in captured traffic (Blue Book, Security
// setup version 1; spec-notes §4.5): key_transfer unwraps the new global keys
// with the master key and, once the meter accepts them, uses them for the
// traffic that follows; key_agreement's ephemeral keys have their signatures
// checked; certificates and certification requests are shown by content.
extension SecurityStage {
    static let securitySetupClass: UInt16 = 64

    static let securitySetupMethods = [
        1: "security-activate", 2: "key-transfer", 3: "key-agreement", 4: "generate-key-pair",
        5: "generate-certificate-request", 6: "import-certificate", 7: "export-certificate", 8: "remove-certificate",
    ]

    /// key_id of key_transfer and key_agreement.
    static let keyIdNames = [0: "global-unicast-encryption-key", 1: "global-broadcast-encryption-key",
                             2: "authentication-key", 3: "master-key"]
    /// key_pair_type / certificate_type.
    static let keyPairNames = [0: "digital-signature", 1: "key-agreement", 2: "tls", 3: "other"]
    static let certificateEntityNames = [0: "server", 1: "client", 2: "certification-authority", 3: "other"]

    /// The meaning of a Security setup method invocation or of its answer; nil for anything else.
    mutating func observeSecuritySetup(
        _ apdu: APDU?, at place: SecurityPlace, findings: inout [Finding]
    ) -> SecuritySetupEvent? {
        switch apdu {
        case let .actionRequest(.normal(request))? where request.method.classId == Self.securitySetupClass:
            let methodId = Int(request.method.methodId)
            let (event, transferred) = invocation(methodId, parameters: request.parameters, at: place, findings: &findings)
            updateAssociation(place.conversation) { association in
                if association.pendingSecuritySetup.count < 256 {
                    association.pendingSecuritySetup[request.invokeIdAndPriority.invokeId] = PendingSecuritySetup(
                        method: methodId, transferredKeys: transferred
                    )
                }
            }
            return event
        case let .actionResponse(.normal(response))?:
            let invokeId = response.invokeIdAndPriority.invokeId
            guard let pending = associations[place.conversation]?.pendingSecuritySetup[invokeId] else { return nil }
            updateAssociation(place.conversation) { $0.pendingSecuritySetup[invokeId] = nil }
            return answer(pending, response: response.response, at: place, findings: &findings)
        default:
            return nil
        }
    }

    /// The invocation's meaning, and for key_transfer its keys (applied once the meter accepts them).
    private mutating func invocation(
        _ method: Int, parameters: DLMSData?, at place: SecurityPlace, findings: inout [Finding]
    ) -> (SecuritySetupEvent, [TransferredKey]) {
        var event = SecuritySetupEvent(method: Self.securitySetupMethods[method] ?? "method-\(method)", isResponse: false)
        var transferred: [TransferredKey] = []
        switch (method, parameters) {
        case let (2, .array(items, _)?):
            transferred = transferredKeys(items, at: place, findings: &findings)
            event.details = [Field("keys", .list(transferred.map { .fields($0.details) }))]
        case let (3, .array(items, _)?):
            event.details = [Field("ephemeralKeys", .list(agreementKeys(items, from: .client, at: place, findings: &findings)))]
        case let (4, .enum(type)?), let (5, .enum(type)?):
            event.details = [.text("keyPairType", Self.keyPairNames[Int(type)] ?? "type \(type)")]
        case let (6, .octetString(der, _)?):
            event.details = certificateFields(der, at: place, findings: &findings)
        case let (7, identification?), let (8, identification?):
            event.details = certificateIdentification(identification)
        default:
            break
        }
        return (event, transferred)
    }

    private mutating func answer(
        _ pending: PendingSecuritySetup, response: ActionResponseWithOptionalData, at place: SecurityPlace,
        findings: inout [Finding]
    ) -> SecuritySetupEvent {
        var event = SecuritySetupEvent(
            method: Self.securitySetupMethods[pending.method] ?? "method-\(pending.method)", isResponse: true,
            details: [.text("result", response.result.name ?? "result \(response.result.rawValue)")]
        )
        let success = response.result.rawValue == 0
        switch (pending.method, response.returnParameters) {
        case (2, _) where success:
            // The meter took the new keys: the traffic that follows uses them.
            let applied = pending.transferredKeys.filter { apply($0, at: place) }
            if !applied.isEmpty {
                event.details.append(Field("keysApplied", .list(applied.map { .text($0.name) })))
            }
        case let (3, .data(.array(items, _))?):
            event.details.append(Field("ephemeralKeys", .list(agreementKeys(items, from: .server, at: place, findings: &findings))))
        case let (5, .data(.octetString(der, _))?):
            event.details += certificationRequestFields(der)
        case let (7, .data(.octetString(der, _))?):
            event.details += certificateFields(der, at: place, findings: &findings)
        default:
            break
        }
        return event
    }

    /// A key from key_transfer: its id, and the key when it unwrapped with the master key.
    struct TransferredKey {
        var id: Int
        var key: [UInt8]?
        var details: [Field]
        var name: String { SecurityStage.keyIdNames[id] ?? "key \(id)" }
    }

    /// key_transfer's `array of structure {key_id enum, key_wrapped octet-string}`, each
    /// unwrapped (RFC 3394) with the meter's master key; a failed integrity check is a finding.
    private func transferredKeys(_ items: [DLMSData], at place: SecurityPlace, findings: inout [Finding]) -> [TransferredKey] {
        let meter = meterTitle(place.conversation)
        let lookup = keys.lookup(forSender: meter, role: .meter)
        return items.prefix(8).compactMap { item in
            guard case let .structure(fields, _) = item, fields.count == 2, case let .enum(id) = fields[0],
                  case let .octetString(wrapped, _) = fields[1]
            else { return nil }
            let name = Self.keyIdNames[Int(id)] ?? "key \(id)"
            var details: [Field] = [.text("keyId", name), .integer("wrappedLength", wrapped.count)]
            var key: [UInt8]?
            if let kek = lookup.keys.kek {
                key = (try? AESKeyWrap.unwrap(wrapped, kek: kek)) ?? nil
                details.append(.text("unwrap", key == nil ? "failed" : "valid"))
                if key == nil {
                    findings.append(Finding(
                        .keyUnwrapFailed,
                        "key_transfer's \(name) fails its RFC 3394 integrity check under the master key of entry "
                            + "\(lookup.source(of: .kek)?.description ?? "default"): a wrong KEK, or the wrapped key was altered",
                        packet: place.packet
                    ))
                }
            } else {
                details.append(.text("unwrap", "unchecked (no kek)"))
            }
            return TransferredKey(id: Int(id), key: key, details: details)
        }
    }

    /// Makes a transferred key the meter's from now on; false when it cannot be used.
    private mutating func apply(_ transferred: TransferredKey, at place: SecurityPlace) -> Bool {
        guard let key = transferred.key, let meter = meterTitle(place.conversation) else { return false }
        var entry = keys.meters[meter] ?? KeySet()
        switch transferred.id {
        case 0: entry.ek = key
        case 1: entry.bk = key
        case 2: entry.ak = key
        case 3: entry.kek = key
        default: return false
        }
        keys.meters[meter] = entry
        return true
    }

    /// key_agreement's `array of structure {key_id enum, key_ciphered_data octet-string}`:
    /// each ephemeral public key and its signature (over key_id ‖ key, Green Book Table C.1
    /// [c03]; the bare key is accepted too [c04]) by the sender's signing key.
    private mutating func agreementKeys(
        _ items: [DLMSData], from role: HLSRole, at place: SecurityPlace, findings: inout [Finding]
    ) -> [Field.Value] {
        let association = associations[place.conversation]
        let title = role == .client ? association?.clientSystemTitle : (association?.serverSystemTitle ?? association?.calledSystemTitle)
        return items.prefix(8).compactMap { item -> Field.Value? in
            guard case let .structure(fields, _) = item, fields.count == 2, case let .enum(id) = fields[0],
                  case let .octetString(data, _) = fields[1]
            else { return nil }
            var details: [Field] = [.text("keyId", Self.keyIdNames[Int(id)] ?? "key \(id)")]
            guard let curve = ECCurve.allCases.first(where: { $0.pointCount + $0.signatureCount == data.count }) else {
                details.append(.integer("keyCipheredDataLength", data.count))
                return .fields(details)
            }
            let point = Array(data.prefix(curve.pointCount))
            details += [.text("curve", curve.description), .bytes("publicKey", point)]
            if let title {
                let signer = keyring.keys(for: title, role: role == .client ? .client : .meter).keys
                let (verdict, _) = verifySignature(
                    Array(data.suffix(curve.signatureCount)), over: [id] + point, point, by: signer, title: title,
                    what: "the \(role.rawValue)'s key_agreement ephemeral key signature", at: place, findings: &findings
                )
                details.append(.text("signature", verdict.rawValue))
            } else {
                details.append(.text("signature", "unchecked (the signer's system title is not known)"))
            }
            return .fields(details)
        }
    }

    private mutating func certificateFields(_ der: [UInt8], at place: SecurityPlace, findings: inout [Finding]) -> [Field] {
        guard let certificate = try? X509Certificate(der: der) else {
            return [.text("certificate", "\(der.count) bytes that do not parse as an X.509 certificate")]
        }
        for problem in Self.problems(of: certificate, title: nil, usage: nil, at: place.time) {
            findings.append(Finding(problem.code, problem.message, packet: place.packet))
        }
        return [Field("certificate", .fields(CertificateSummary(certificate).fields))]
    }

    private func certificationRequestFields(_ der: [UInt8]) -> [Field] {
        guard let request = try? CertificationRequest(der: der) else {
            return [.text("certificationRequest", "\(der.count) bytes that do not parse as a PKCS #10 request")]
        }
        var fields: [Field] = [.text("subject", request.subject)]
        if let curve = request.publicKey?.curve { fields.append(.text("publicKeyCurve", curve.description)) }
        if let point = request.publicKey?.point { fields.append(.bytes("publicKey", point)) }
        fields.append(.text("signature", request.isSignatureValid ? "valid" : "invalid"))
        return [Field("certificationRequest", .fields(fields))]
    }

    /// export/remove_certificate's certificate_identification: by entity, or by serial number.
    private func certificateIdentification(_ data: DLMSData) -> [Field] {
        guard case let .structure(fields, _) = data, fields.count == 2, case let .enum(type) = fields[0],
              case let .structure(options, _) = fields[1]
        else { return [] }
        switch (type, options.count) {
        case (0, 3):
            var details: [Field] = []
            if case let .enum(entity) = options[0] {
                details.append(.text("certificateEntity", Self.certificateEntityNames[Int(entity)] ?? "entity \(entity)"))
            }
            if case let .enum(kind) = options[1] {
                details.append(.text("certificateType", Self.keyPairNames[Int(kind)] ?? "type \(kind)"))
            }
            if case let .octetString(title, _) = options[2] { details.append(.bytes("systemTitle", title)) }
            return [Field("byEntity", .fields(details))]
        case (1, 2):
            var details: [Field] = []
            if case let .octetString(serial, _) = options[0] { details.append(.bytes("serialNumber", serial)) }
            if case let .octetString(issuer, _) = options[1] {
                details.append(.text("issuer", String(decoding: issuer, as: UTF8.self)))
            }
            return [Field("bySerial", .fields(details))]
        default:
            return []
        }
    }

    private func meterTitle(_ conversation: Int) -> [UInt8]? {
        meter(of: associations[conversation])
    }
}

/// A Security setup method invocation waiting for its answer.
struct PendingSecuritySetup {
    var method: Int
    /// key_transfer's keys as unwrapped from the invocation.
    var transferredKeys: [SecurityStage.TransferredKey] = []
}
