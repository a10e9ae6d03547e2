import CDLMSOpenSSL
import Foundation

/// The checks a DLMS party makes on a peer's certificate before trusting
/// its key (Green Book, public key certificates): the validity period and
/// the issuer's signature. Chain building and policy are the caller's.
extension X509Certificate {
    /// Whether `date` lies within notBefore … notAfter (both inclusive).
    public func isValid(at date: Date) -> Bool {
        notBefore <= date && date <= notAfter
    }

    /// Whether the certificate's signature verifies under `issuer`
    /// (`X509_verify`). False for a wrong key, a damaged certificate, or a
    /// failure to run the check.
    public func isSigned(by issuer: ECPublicKey) -> Bool {
        guard let handle = try? X509Handle(der: der), let key = try? issuer.evpKey() else {
            OpenSSLCall.discardErrors()
            return false
        }
        let status = X509_verify(handle.pointer, key.pointer)
        OpenSSLCall.discardErrors()
        return status == 1
    }

    /// Whether the certificate is self-signed: its issuer name is its
    /// subject name and its signature verifies under its own key.
    public var isSelfSigned: Bool {
        guard subject == issuer, let publicKey else { return false }
        return isSigned(by: publicKey)
    }
}
