import DLMSAPDU
import Testing

/// Green Book and ACSE enumerations, against research/spec-notes.md §2-§4
/// and the Gurux reference cases.
@Suite struct COSEMEnumerationTests {
    @Test func dataAccessResult() {
        #expect(DataAccessResult.name(of: 0) == "success")
        #expect(DataAccessResult.name(of: 3) == "read-write-denied")
        #expect(DataAccessResult.name(of: 4) == "object-undefined")  // Gurux case 16: C4 01 C1 01 04
        #expect(DataAccessResult.name(of: 9) == "object-class-inconsistent")
        #expect(DataAccessResult.name(of: 13) == "scope-of-access-violated")
        #expect(DataAccessResult.name(of: 19) == "data-block-number-invalid")
        #expect(DataAccessResult.name(of: 250) == "other-reason")
        #expect(DataAccessResult.name(of: 5) == nil)
        #expect(DataAccessResult(rawValue: 5).description == "unknown (5)")
        #expect(DataAccessResult(name: "temporary-failure") == .temporaryFailure)
        #expect(DataAccessResult.readWriteDenied.rawValue == 3)
    }

    @Test func actionResult() {
        #expect(ActionResult.name(of: 0) == "success")
        #expect(ActionResult.name(of: 15) == "long-action-aborted")
        #expect(ActionResult.name(of: 16) == "no-long-action-in-progress")
        #expect(ActionResult.name(of: 17) == nil)
        #expect(ActionResult.name(of: 250) == "other-reason")
    }

    @Test func exceptionResponse() {
        // Gurux case 29: D8 01 02
        #expect(ExceptionStateError.name(of: 1) == "service-not-allowed")
        #expect(ExceptionStateError.name(of: 2) == "service-unknown")
        #expect(ExceptionServiceError.name(of: 2) == "service-not-supported")
        #expect(ExceptionServiceError.name(of: 5) == "deciphering-error")
        #expect(ExceptionServiceError.name(of: 6) == "invocation-counter-error")
        #expect(ExceptionServiceError.name(of: 0) == nil)
    }

    @Test func confirmedServiceError() {
        // Gurux case 31: 0E 05 06 01; spec-notes §2: 0E 01 06 01
        #expect(ConfirmedServiceChoice.name(of: 1) == "initiate-error")
        #expect(ConfirmedServiceChoice.name(of: 5) == "read")
        #expect(ConfirmedServiceChoice.name(of: 19) == "terminate-upload")
        #expect(ServiceErrorGroup.name(of: 6) == "initiate")
        #expect(ServiceErrorGroup.name(group: 6, value: 1) == "dlms-version-too-low")
        #expect(ServiceErrorGroup.name(group: 6, value: 2) == "incompatible-conformance")
        #expect(ServiceErrorGroup.name(group: 6, value: 3) == "pdu-size-too-short")
        #expect(ServiceErrorGroup.name(group: 6, value: 4) == "refused-by-the-VDE-handler")
        #expect(ServiceErrorGroup.name(group: 0, value: 6) == "deciphering-error")
        #expect(ServiceErrorGroup.name(group: 5, value: 2) == "object-access-violated")
        #expect(ServiceErrorGroup.name(group: 3, value: 2) == "service-unsupported")
        #expect(ServiceErrorGroup.name(group: 9, value: 3) == "ti-running")
        #expect(ServiceErrorGroup.name(group: 7, value: 7) == "data-set-not-ready")
        #expect(ServiceErrorGroup.name(group: 6, value: 5) == nil)
        #expect(ServiceErrorGroup.name(group: 11, value: 0) == nil)
    }

    @Test func acse() {
        // Gurux case 05: A2 03 02 01 01, A3 05 A1 03 02 01 0D
        #expect(AssociationResult.name(of: 0) == "accepted")
        #expect(AssociationResult.name(of: 1) == "rejected-permanent")
        #expect(AssociationResult.name(of: 2) == "rejected-transient")
        #expect(ResultSourceDiagnostic.sourceName(of: 1) == "acse-service-user")
        #expect(ResultSourceDiagnostic.name(source: 1, value: 13) == "authentication-failure")
        #expect(ResultSourceDiagnostic.name(source: 1, value: 0) == "null")
        #expect(ResultSourceDiagnostic.name(source: 1, value: 2) == "application-context-name-not-supported")
        #expect(ResultSourceDiagnostic.name(source: 1, value: 14) == "authentication-required")
        #expect(ResultSourceDiagnostic.name(source: 2, value: 2) == "no-common-acse-version")
        #expect(ResultSourceDiagnostic.name(source: 3, value: 0) == nil)
        #expect(ReleaseRequestReason.name(of: 0) == "normal")
        #expect(ReleaseRequestReason.name(of: 1) == "urgent")
        #expect(ReleaseRequestReason.name(of: 30) == "user-defined")
        #expect(ReleaseResponseReason.name(of: 1) == "not-finished")
        #expect(ReleaseResponseReason.name(of: 2) == nil)
    }

    @Test func contextAndMechanismNames() {
        let context = ApplicationContextName(objectIdentifier: [0x60, 0x85, 0x74, 0x05, 0x08, 0x01, 0x01])
        #expect(context == .logicalName)
        #expect(context?.shortName == "LN")
        #expect(ApplicationContextName.name(of: 3) == "logical-name-referencing-with-ciphering")
        #expect(ApplicationContextName(rawValue: 4).shortName == "SN-ciphered")
        #expect(ApplicationContextName(objectIdentifier: [0x60, 0x85, 0x74, 0x05, 0x08, 0x02, 0x01]) == nil)

        let mechanism = AuthenticationMechanism(objectIdentifier: [0x60, 0x85, 0x74, 0x05, 0x08, 0x02, 0x05])
        #expect(mechanism == .highGMAC)
        #expect(mechanism?.shortName == "HLS-GMAC")
        #expect(AuthenticationMechanism.name(of: 0) == "lowest-level-security")
        #expect(AuthenticationMechanism.name(of: 1) == "low-level-security")
        #expect(AuthenticationMechanism(rawValue: 7).shortName == "HLS-ECDSA")
        #expect(AuthenticationMechanism(rawValue: 8).name == nil)
        #expect(AuthenticationMechanism.highMD5.isHighLevel)
        #expect(!AuthenticationMechanism.low.isHighLevel)
    }

    @Test func conformanceBits() {
        // spec-notes §2: 007E1F = bits 9-14 and 19-23
        let block = ConformanceBit.block(0x00, 0x7E, 0x1F)
        #expect(ConformanceBit.bits(in: block).map(\.rawValue) == [9, 10, 11, 12, 13, 14, 19, 20, 21, 22, 23])
        #expect(
            ConformanceBit.names(in: block) == [
                "priority-mgmt-supported", "attribute0-supported-with-get", "block-transfer-with-get-or-read",
                "block-transfer-with-set-or-write", "block-transfer-with-action", "multiple-references", "get", "set",
                "selective-access", "event-notification", "action",
            ])
        #expect(ConformanceBit(rawValue: 0).mask == 0x80_0000)
        #expect(ConformanceBit.name(of: 1) == "general-protection")
        #expect(ConformanceBit.name(of: 2) == "general-block-transfer")
        #expect(ConformanceBit.name(of: 16) == "data-notification")
        #expect(ConformanceBit.name(of: 24) == nil)
    }

    @Test func securityNames() {
        #expect(SecuritySuite.name(of: 0) == "AES-GCM-128")
        #expect(SecuritySuite.name(of: 1) == "ECDH-ECDSA-AES-GCM-128-SHA-256")
        #expect(SecuritySuite.name(of: 2) == "ECDH-ECDSA-AES-GCM-256-SHA-384")
        #expect(SecuritySuite.name(of: 3) == nil)
        #expect(KeyInfoChoice.name(of: 0) == "identified-key")
        #expect(KeyInfoChoice.name(of: 1) == "wrapped-key")
        #expect(KeyInfoChoice.name(of: 2) == "agreed-key")
        #expect(KeyID.name(of: 0) == "global-unicast-encryption-key")
        #expect(KeyID.name(of: 1) == "global-broadcast-encryption-key")
        #expect(KEKID.name(of: 0) == "master-key")
        #expect(KeyAgreementScheme.name(of: 1) == "one-pass-diffie-hellman")
        #expect(KeyAgreementScheme.name(of: 2) == "static-unified-model")
    }
}
