import CDLMSOpenSSL

/// The two calling conventions of OpenSSL's DER codecs: `d2i_*` advances a
/// cursor through the input, `i2d_*` reports the length when given no
/// buffer and writes through an advancing cursor otherwise.
enum DER {
    /// The object a `d2i_*` function decodes from all of `bytes`; nil when
    /// the input is empty, is not the structure, or has bytes after it.
    static func decode(
        _ bytes: [UInt8],
        with decoder: (UnsafeMutablePointer<UnsafePointer<UInt8>?>, Int) -> OpaquePointer?,
        free: (OpaquePointer) -> Void
    ) -> OpaquePointer? {
        guard !bytes.isEmpty, bytes.count <= Int(Int32.max) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            guard let base = buffer.baseAddress else { return nil }
            var cursor: UnsafePointer<UInt8>? = base
            guard let object = decoder(&cursor, buffer.count) else { return nil }
            guard let end = cursor, end - base == buffer.count else {
                free(object)
                return nil
            }
            return object
        }
    }

    /// The DER bytes an `i2d_*` function writes.
    static func encode(
        _ call: String, with encoder: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?) -> Int32
    ) throws(SecurityError) -> [UInt8] {
        let length = encoder(nil)
        guard length > 0 else { throw OpenSSLCall.failure(call) }
        var output = [UInt8](repeating: 0, count: Int(length))
        let written = output.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor = buffer.baseAddress
            return encoder(&cursor)
        }
        guard written == length else { throw OpenSSLCall.failure(call) }
        return output
    }
}
