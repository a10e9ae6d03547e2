import CDLMSOpenSSL

/// Owns one OpenSSL `EC_GROUP` of a DLMS curve, for the point and scalar
/// checks the EVP layer does not expose: that a wire public key x ‖ y is a
/// point of the curve (SP 800-56A public-key validation, required before
/// ECDH and ECDSA verification; spec-notes §4.4), that a private scalar lies
/// in [1, n − 1], and the public point d·G of a scalar [c01, c02].
/// Noncopyable, so exactly one owner frees it.
struct ECGroup: ~Copyable {
    let pointer: OpaquePointer
    let curve: ECCurve

    init(curve: ECCurve) throws(SecurityError) {
        guard let group = EC_GROUP_new_by_curve_name(curve.nid) else {
            throw OpenSSLCall.failure("EC_GROUP_new_by_curve_name (\(curve))")
        }
        pointer = group
        self.curve = curve
    }

    deinit {
        EC_GROUP_free(pointer)
    }

    /// Throws unless `point` (x ‖ y, `curve.pointCount` bytes) is a finite
    /// point on the curve. OpenSSL decodes the SEC 1 uncompressed form
    /// 04 ‖ x ‖ y, which checks that the coordinates are field elements and
    /// satisfy the curve equation.
    func validate(point: [UInt8]) throws(SecurityError) {
        guard point.count == curve.pointCount else {
            throw SecurityError("a \(curve) public key is \(curve.pointCount) bytes x ‖ y, not \(point.count) bytes")
        }
        guard let decoded = EC_POINT_new(pointer) else { throw OpenSSLCall.failure("EC_POINT_new") }
        defer { EC_POINT_free(decoded) }
        let encoded = [0x04] + point
        let status = encoded.withUnsafeBufferPointer {
            EC_POINT_oct2point(pointer, decoded, $0.baseAddress, $0.count, nil)
        }
        guard status == 1, EC_POINT_is_at_infinity(pointer, decoded) == 0,
              EC_POINT_is_on_curve(pointer, decoded, nil) == 1
        else {
            OpenSSLCall.discardErrors()
            throw SecurityError("the \(curve) public key is not a point on the curve")
        }
    }

    /// Throws unless `scalar` (big-endian) is a valid private key: 1 ≤ d < n.
    func validate(scalar: borrowing BigNumber) throws(SecurityError) {
        guard let order = EC_GROUP_get0_order(pointer) else { throw OpenSSLCall.failure("EC_GROUP_get0_order") }
        guard !scalar.isZero, !scalar.isNegative, BN_cmp(scalar.pointer, order) < 0 else {
            throw SecurityError("a \(curve) private key must be between 1 and the group order − 1")
        }
    }

    /// The public point d·G of the private scalar `scalar`, as x ‖ y.
    func publicPoint(of scalar: borrowing BigNumber) throws(SecurityError) -> [UInt8] {
        try validate(scalar: scalar)
        guard let product = EC_POINT_new(pointer) else { throw OpenSSLCall.failure("EC_POINT_new") }
        defer { EC_POINT_clear_free(product) }
        try OpenSSLCall.check(EC_POINT_mul(pointer, product, scalar.pointer, nil, nil, nil), "EC_POINT_mul")
        var encoded = [UInt8](repeating: 0, count: curve.pointCount + 1)
        let written = encoded.withUnsafeMutableBufferPointer {
            EC_POINT_point2oct(pointer, product, POINT_CONVERSION_UNCOMPRESSED, $0.baseAddress, $0.count, nil)
        }
        guard written == encoded.count, encoded.first == 0x04 else { throw OpenSSLCall.failure("EC_POINT_point2oct") }
        return Array(encoded.dropFirst())
    }
}
