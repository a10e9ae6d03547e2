import DLMSCore

/// A suite 1 or 2 public key (ECDSA verification, ECDH): a point on P-256
/// or P-384, kept as DLMS carries it on the wire, x ‖ y without the SEC 1
/// `04` prefix, each coordinate left-padded to the field size (Green Book,
/// key agreement and signing; spec-notes §4.4) [c01–c06].
///
/// Every initializer checks that the point lies on the curve (SP 800-56A
/// public-key validation), so a value of this type is always a usable key.
public struct ECPublicKey: Sendable, Hashable, CustomStringConvertible {
    /// The curve, which fixes the suite (P-256: 1, P-384: 2).
    public let curve: ECCurve
    /// x ‖ y: 64 bytes (P-256) or 96 bytes (P-384), no `04` prefix.
    public let point: [UInt8]

    /// The key `point` on `curve`: x ‖ y, or the SEC 1 uncompressed form
    /// 04 ‖ x ‖ y. Throws for another length or a point not on the curve.
    public init(curve: ECCurve, point: [UInt8]) throws(SecurityError) {
        var coordinates = point
        if point.count == curve.pointCount + 1 {
            guard point.first == 0x04 else {
                throw SecurityError("a \(point.count)-byte \(curve) public key must start with 04 (uncompressed)")
            }
            coordinates.removeFirst()
        }
        let group = try ECGroup(curve: curve)
        try group.validate(point: coordinates)
        self.curve = curve
        self.point = coordinates
    }

    /// The key `point` on the curve its length implies: 64 or 65 bytes
    /// P-256, 96 or 97 bytes P-384.
    public init(point: [UInt8]) throws(SecurityError) {
        guard let curve = ECCurve(pointCount: point.count) else {
            throw SecurityError("a public key is 64 or 96 bytes x ‖ y (65 or 97 with 04), not \(point.count) bytes")
        }
        try self.init(curve: curve, point: point)
    }

    /// The x coordinate.
    public var x: [UInt8] { Array(point.prefix(curve.coordinateCount)) }

    /// The y coordinate.
    public var y: [UInt8] { Array(point.suffix(curve.coordinateCount)) }

    /// The SEC 1 uncompressed encoding 04 ‖ x ‖ y.
    public var uncompressedPoint: [UInt8] { [0x04] + point }

    /// "P-256 public key" and the hex x ‖ y (public keys are not secret).
    public var description: String { "\(curve) public key \(Hex.encode(point))" }
}
