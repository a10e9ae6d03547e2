import CDLMSOpenSSL

/// Owns one OpenSSL `BIO` (a memory buffer or a file) and frees it with the
/// value; noncopyable, so exactly one owner frees it. The PEM readers and
/// writers, the distinguished-name printer and the file reader work on BIOs.
struct OpenSSLBIO: ~Copyable {
    /// The largest key, certificate or request file read (such files are a
    /// few kilobytes; the limit keeps a wrong path from reading a disk image).
    static let fileLimit = 1 << 20

    let pointer: OpaquePointer

    /// An empty, writable memory BIO. A `secure` one uses OpenSSL's secure
    /// memory and clears its buffer when freed (for private-key PEM text).
    init(memorySecure secure: Bool = false) throws(SecurityError) {
        guard let bio = BIO_new(secure ? BIO_s_secmem() : BIO_s_mem()) else { throw OpenSSLCall.failure("BIO_new") }
        pointer = bio
    }

    /// A memory BIO holding a copy of `bytes`, to be read.
    init(reading bytes: [UInt8], secure: Bool = false) throws(SecurityError) {
        let length = try OpenSSLCall.length(bytes.count, of: "input")
        guard let bio = BIO_new(secure ? BIO_s_secmem() : BIO_s_mem()) else { throw OpenSSLCall.failure("BIO_new") }
        if length > 0 {
            let written = bytes.withUnsafeBytes { BIO_write(bio, $0.baseAddress, length) }
            guard written == length else {
                let error = OpenSSLCall.failure("BIO_write")
                BIO_free(bio)
                throw error
            }
        }
        pointer = bio
    }

    /// A BIO reading the file at `path`.
    init(readingFile path: String) throws(SecurityError) {
        guard let bio = BIO_new_file(path, "rb") else {
            OpenSSLCall.discardErrors()
            throw SecurityError("cannot open \(path) for reading")
        }
        pointer = bio
    }

    deinit {
        BIO_free(pointer)
    }

    /// Everything a memory BIO holds (what was written and not yet read).
    func memoryContents() -> [UInt8] {
        var data: UnsafeMutablePointer<CChar>?
        let count = dlms_bio_mem_data(pointer, &data)
        guard count > 0, let data else { return [] }
        return UnsafeRawBufferPointer(start: data, count: count).map { $0 }
    }

    /// Reads to the end (of a file BIO), at most `limit` bytes; throws when
    /// there is more, or when the read fails. A read of 0 bytes is the end of
    /// the file; a negative one is an error unless the BIO only asks to retry
    /// (a memory BIO with nothing left).
    func readAll(limit: Int = OpenSSLBIO.fileLimit, what: String) throws(SecurityError) -> [UInt8] {
        var output = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let read = chunk.withUnsafeMutableBytes { BIO_read(pointer, $0.baseAddress, Int32(clamping: $0.count)) }
            if read > 0 {
                output += chunk.prefix(Int(read))
                guard output.count <= limit else { throw SecurityError("\(what) is larger than \(limit) bytes") }
                continue
            }
            if read == 0 || BIO_test_flags(pointer, BIO_FLAGS_SHOULD_RETRY) != 0 { break }
            throw OpenSSLCall.failure("BIO_read (\(what))")
        }
        return output
    }

    /// The contents of the file at `path` (a key, certificate or request
    /// file), at most `fileLimit` bytes.
    static func contents(ofFile path: String, what: String) throws(SecurityError) -> [UInt8] {
        let bio = try OpenSSLBIO(readingFile: path)
        return try bio.readAll(what: "\(what) \(path)")
    }

    /// Whether `bytes` look like PEM text (a `-----BEGIN ` line) rather than DER.
    static func isPEM(_ bytes: [UInt8]) -> Bool {
        let marker = Array("-----BEGIN ".utf8)
        guard bytes.count >= marker.count else { return false }
        for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
            if bytes[start..<(start + marker.count)].elementsEqual(marker) { return true }
        }
        return false
    }
}
