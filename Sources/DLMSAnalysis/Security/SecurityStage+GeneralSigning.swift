import DLMSAPDU
import DLMSCore
import DLMSSecurity

// general-signing (Green Book, security suites 1 and 2; spec-notes §4.4): an
// ECDSA signature by the originator over the header fields and the content
// (see `GeneralSigningMessage`), around a plain or ciphered APDU.
extension SecurityStage {
    /// The verdict on `apdu`'s signature, checked with the originator's signing key, and the
    /// certificate that gave the key.
    mutating func checkGeneralSigning(
        _ apdu: GeneralSigning, at place: SecurityPlace, findings: inout [Finding]
    ) -> (SecurityInfo.SignatureVerdict, CertificateSummary?) {
        let parties = self.parties(apdu.originatorSystemTitle, apdu.recipientSystemTitle, at: place)
        guard !apdu.signature.isEmpty else {
            findings.append(Finding(
                .authenticityUnchecked, "this general-signing carries no signature: its content is not authenticated",
                packet: place.packet
            ))
            return (.unchecked, nil)
        }
        guard let originator = parties.originator else {
            findings.append(Finding(
                .authenticityUnchecked,
                "general-signing without originator-system-title, and the association names none: the signer is unknown",
                packet: place.packet
            ))
            return (.unchecked, nil)
        }
        let signer = keyring.keys(for: originator, role: parties.originatorRole).keys
        if let curve = signer.signatureVerificationKey?.curve, apdu.signature.bytes.count != curve.signatureCount {
            findings.append(Finding(
                .signatureInvalid,
                "the general-signing signature is \(apdu.signature.bytes.count) bytes, not a \(curve) r‖s "
                    + "(\(curve.signatureCount) bytes)", packet: place.packet))
            return (.invalid, nil)
        }
        return verifySignature(
            apdu.signature.bytes, over: GeneralSigningMessage.signedBytes(of: apdu), by: signer, title: originator,
            what: "the general-signing signature", at: place, findings: &findings
        )
    }
}
