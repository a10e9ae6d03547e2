/// A suite 1 or 2 private key (ECDSA signing, ECDH): a scalar d on P-256 or
/// P-384 with its public key d·G (Green Book, key agreement and signing;
/// spec-notes §4.4) [c01, c02, c06].
///
/// The scalar is never printed: `description` and the reflection mirror
/// show the curve and the public key only, as `PrivateKeyReference` does.
public struct ECPrivateKey: Sendable, CustomStringConvertible, CustomReflectable {
    /// The curve, which fixes the suite (P-256: 1, P-384: 2).
    public let curve: ECCurve
    /// The public key d·G.
    public let publicKey: ECPublicKey
    /// d, big-endian, left-padded to `curve.scalarCount` bytes.
    let secretScalar: [UInt8]

    /// The key with scalar `scalar` (big-endian, at most `curve.scalarCount`
    /// bytes; shorter values are left-padded). Throws unless 1 ≤ d < n.
    public init(curve: ECCurve, scalar: [UInt8]) throws(SecurityError) {
        guard !scalar.isEmpty, scalar.count <= curve.scalarCount else {
            throw SecurityError("a \(curve) private key is at most \(curve.scalarCount) bytes, not \(scalar.count) bytes")
        }
        let number = try BigNumber(bytes: scalar, secret: true)
        let group = try ECGroup(curve: curve)
        let point = try group.publicPoint(of: number)
        self.curve = curve
        self.publicKey = try ECPublicKey(curve: curve, point: point)
        self.secretScalar = try number.bytes(paddedTo: curve.scalarCount)
    }

    /// The key with scalar `scalar` on the curve its length implies: 32
    /// bytes P-256, 48 bytes P-384.
    public init(scalar: [UInt8]) throws(SecurityError) {
        guard let curve = ECCurve(scalarCount: scalar.count) else {
            throw SecurityError("a private key is 32 (P-256) or 48 (P-384) bytes, not \(scalar.count) bytes")
        }
        try self.init(curve: curve, scalar: scalar)
    }

    /// A new random key pair on `curve` from OpenSSL's DRBG.
    public static func generate(curve: ECCurve) throws(SecurityError) -> ECPrivateKey {
        let context = try EVPKeyContext()
        let key = try context.generate(curve: curve)
        return try ECPrivateKey(evpKey: key)
    }

    /// The scalar d, left-padded to `curve.scalarCount` bytes (for writing
    /// key files: handle the result as a secret).
    public func scalar() throws(SecurityError) -> [UInt8] {
        secretScalar
    }

    /// The curve and the public key; never the scalar.
    public var description: String { "\(curve) private key (public \(publicKey.description))" }

    /// A mirror with the description only, so that `dump` cannot print the scalar.
    public var customMirror: Mirror {
        Mirror(self, children: ["summary": description], displayStyle: .struct)
    }
}
