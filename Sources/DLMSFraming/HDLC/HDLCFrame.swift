import DLMSCore

/// One HDLC frame of frame format type 3 (IEC 62056-46; Green Book 8.4.1), decoded from its
/// body: the bytes between the opening and closing flags.
///
/// ```
/// format(2) | destination(1,2,4) | source(1,2,4) | control(1) | HCS(2)* | information | FCS(2)
/// ```
/// *The HCS is there exactly when an information field is. There is no octet
/// stuffing: 0x7E and 0x7D inside the body are data.
///
/// Decoding never drops a frame for a failed check: a wrong HCS, FCS or length
/// becomes a finding and the fields that could be read are kept.
public struct HDLCFrame: Sendable, Hashable {
    /// The format field: type (bits 15..12, 0xA), segmentation (bit 11), length (bits 10..0).
    public var format: UInt16
    /// The frame length the format field announces: bytes between the flags.
    public var length: Int { Int(format & 0x07FF) }
    /// The S bit: more segments of the same information follow.
    public var isSegmented: Bool { format & 0x0800 != 0 }
    /// The size of the body actually decoded.
    public var bodySize: Int
    public var destination: HDLCAddress?
    public var source: HDLCAddress?
    /// Nil when the addresses left no room for it.
    public var control: HDLCControl?
    /// Whether the header check sequence is right; nil when the frame has none.
    public var hcsValid: Bool?
    public var fcsValid: Bool
    /// The information field (empty when there is none), with offsets into the body's buffer.
    public var information: ArraySlice<UInt8>
    /// What is wrong with the frame (length, addresses, check sequences).
    public var findings: [Finding]

    /// The length of the format field plus the FCS: the least a body can hold.
    static let minimumBodySize = 4

    /// Decodes a frame body (format through FCS, without flags). Nil when it is
    /// shorter than a format field and an FCS, or when the format type is not 0xA.
    public init?(body: ArraySlice<UInt8>) {
        var reader = ByteReader(body)
        guard body.count >= Self.minimumBodySize, let format = reader.readUInt16(), format >> 12 == 0xA else {
            return nil
        }
        self.format = format
        bodySize = body.count
        findings = []
        fcsValid = FrameCheckSequence.isValid(body)
        information = body[body.endIndex...]
        if length != body.count {
            findings.append(Finding(
                .hdlcLengthMismatch, "format field says \(length) bytes, the frame has \(body.count)"))
        }
        if !fcsValid {
            findings.append(Finding(.hdlcFCSInvalid, "frame check sequence does not match the frame"))
        }

        // The header ends before the FCS at the latest.
        var header = ByteReader(reader.remaining.dropLast(2))
        destination = readAddress("destination", from: &header)
        guard destination?.isTerminated == true else { return }
        source = readAddress("source", from: &header)
        guard source?.isTerminated == true else { return }
        guard let controlByte = header.readUInt8() else {
            findings.append(Finding(.hdlcLengthMismatch, "frame ends before its control field"))
            return
        }
        control = HDLCControl(controlByte)

        // Anything between the control field and the FCS is HCS + information.
        let rest = header.readRemaining()
        guard !rest.isEmpty else { return }
        let hcsValid = rest.count >= 2 && FrameCheckSequence.isValid(body[body.startIndex..<(rest.startIndex + 2)])
        self.hcsValid = hcsValid
        information = rest.dropFirst(2)
        if !hcsValid {
            findings.append(Finding(
                .hdlcHCSInvalid,
                rest.count < 2 ? "one byte between control field and FCS, too short for an HCS"
                    : "header check sequence does not match the header"))
        }
    }

    /// Reads an address and reports what is wrong with it; after an
    /// unterminated one, nothing further can be located.
    private mutating func readAddress(_ name: String, from reader: inout ByteReader) -> HDLCAddress? {
        guard let address = HDLCAddress.read(from: &reader) else {
            findings.append(Finding(.hdlcLengthMismatch, "frame ends before its \(name) address"))
            return nil
        }
        let bytes = Hex.encode(address.bytes)
        if !address.isTerminated {
            findings.append(Finding(
                .hdlcAddressInvalid, "\(name) address \(bytes) has no end bit (bit 0) within 4 bytes"))
        } else if !address.isValid {
            findings.append(Finding(
                .hdlcAddressInvalid, "\(name) address \(bytes) has \(address.bytes.count) bytes (1, 2 or 4 allowed)"))
        }
        return address
    }
}
