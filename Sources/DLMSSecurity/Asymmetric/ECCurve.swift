/// The elliptic curves of DLMS security suites 1 and 2 (Green Book,
/// cryptographic algorithms of the security suites; spec-notes §4.1):
/// NIST P-256 with SHA-256 for suite 1 and NIST P-384 with SHA-384 for
/// suite 2 (curves from FIPS 186-4 Appendix D / NIST SP 800-186).
///
/// On the wire DLMS carries a public key as the uncompressed point without
/// its `04` prefix, x ‖ y, and a signature as r ‖ s, each coordinate or
/// integer left-padded to the field size (spec-notes §4.4) [c01–c06].
public enum ECCurve: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// NIST P-256 (secp256r1, prime256v1): security suite 1.
    case p256 = "P-256"
    /// NIST P-384 (secp384r1): security suite 2.
    case p384 = "P-384"

    /// The curve of security suite 1 or 2; nil for suite 0 (no public-key
    /// cryptography) and for suite ids the Green Book does not define.
    public init?(suite: UInt8) {
        switch suite {
        case 1: self = .p256
        case 2: self = .p384
        default: return nil
        }
    }

    /// The curve whose wire public key has this many bytes: x ‖ y (64 or 96)
    /// or the SEC 1 uncompressed form 04 ‖ x ‖ y (65 or 97).
    public init?(pointCount: Int) {
        guard let curve = Self.allCases.first(where: { $0.pointCount == pointCount || $0.pointCount + 1 == pointCount })
        else { return nil }
        self = curve
    }

    /// The curve whose private scalar has this many bytes (32 or 48).
    public init?(scalarCount: Int) {
        guard let curve = Self.allCases.first(where: { $0.scalarCount == scalarCount }) else { return nil }
        self = curve
    }

    /// The curve whose raw r ‖ s signature has this many bytes (64 or 96).
    public init?(signatureCount: Int) {
        guard let curve = Self.allCases.first(where: { $0.signatureCount == signatureCount }) else { return nil }
        self = curve
    }

    /// The security suite that uses this curve (1 or 2).
    public var suite: UInt8 {
        switch self {
        case .p256: 1
        case .p384: 2
        }
    }

    /// The size of one field element (a coordinate, r or s, and the shared
    /// secret Z): 32 or 48 bytes.
    public var coordinateCount: Int {
        switch self {
        case .p256: 32
        case .p384: 48
        }
    }

    /// The size of a wire public key x ‖ y: 64 or 96 bytes.
    public var pointCount: Int { 2 * coordinateCount }

    /// The size of a private scalar: 32 or 48 bytes.
    public var scalarCount: Int { coordinateCount }

    /// The size of a raw r ‖ s signature: 64 or 96 bytes.
    public var signatureCount: Int { 2 * coordinateCount }

    /// The hash the suite pairs with the curve, for ECDSA and for the key
    /// derivation function: SHA-256 (suite 1) or SHA-384 (suite 2).
    public var digest: Digest {
        switch self {
        case .p256: .sha256
        case .p384: .sha384
        }
    }

    /// "P-256" or "P-384".
    public var description: String { rawValue }
}
