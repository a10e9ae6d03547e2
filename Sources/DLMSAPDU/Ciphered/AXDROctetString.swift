import DLMSCore

/// An OCTET STRING field of an xDLMS APDU: an A-XDR length, then the bytes
/// (spec-notes §5). Envelopes are sequences of these (system titles,
/// transaction ids, ciphered contents, signatures, ...), and real encoders
/// sometimes write a length in the long form where the short one would do;
/// `lengthForm` keeps that so that encoding a decoded field gives back the
/// received bytes. Fields built in code encode canonically.
public struct AXDROctetString: Sendable, Hashable, ExpressibleByArrayLiteral {
    public var bytes: [UInt8]
    /// How the length before the bytes was written.
    public var lengthForm: AXDRLengthForm

    public init(_ bytes: [UInt8], lengthForm: AXDRLengthForm = .canonical) {
        self.bytes = bytes
        self.lengthForm = lengthForm
    }

    public init(arrayLiteral elements: UInt8...) {
        self.init(elements)
    }

    /// Reads a length and that many bytes; `what` names the field in error
    /// messages. A length claiming more bytes than are present is an error at
    /// the length's first byte, raised before anything is copied.
    public init(from reader: inout ByteReader, what: String) throws(DecodingError) {
        let slice = try Self.readSlice(from: &reader, what: what)
        self.init(Array(slice.bytes), lengthForm: slice.form)
    }

    /// Reads a length and returns the bytes it covers as a slice of the
    /// reader's buffer (keeping absolute offsets), with the length's form.
    public static func readSlice(
        from reader: inout ByteReader, what: @autoclosure () -> String
    ) throws(DecodingError) -> (bytes: ArraySlice<UInt8>, form: AXDRLengthForm) {
        let offset = reader.position
        let (length, form) = try AXDRLength.read(from: &reader, what: "\(what()) length")
        guard let bytes = reader.readBytes(length) else {
            throw DecodingError("\(what()) of \(length) bytes but only \(reader.remainingCount) follow", at: offset)
        }
        return (bytes, form)
    }

    /// Appends the length and the bytes.
    public func encode(into output: inout [UInt8]) {
        AXDRLength.append(bytes.count, form: lengthForm, to: &output)
        output += bytes
    }

    public var isEmpty: Bool { bytes.isEmpty }
}
