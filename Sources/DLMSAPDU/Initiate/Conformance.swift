import DLMSCore

/// The xDLMS conformance block (Green Book, `Conformance ::= [APPLICATION 31]
/// IMPLICIT BIT STRING (SIZE(24))`): the services a client proposes in its
/// InitiateRequest and the server grants in its InitiateResponse.
///
/// It is the one BER-encoded field of the A-XDR initiate APDUs:
/// `5F 1F 04 00 b0 b1 b2` (tag `5F 1F`, length 4, no unused bits, 24 bits;
/// bit 0 is the most significant bit of `b0`, see `ConformanceBit`). Some
/// older encoders write the tag as `5F` alone (`5F 04 00 b0 b1 b2`); the
/// block keeps that form and any non-zero unused-bits byte so that it is
/// written back as it came.
public struct Conformance: Sendable, Hashable {
    /// The 24 bits, bit 0 (`ConformanceBit` 0) being 0x800000.
    public var rawValue: UInt32
    /// Whether the tag was written as `5F 1F` (the BER form of [APPLICATION 31]) or as `5F` alone.
    public var tagForm: TagForm
    /// The unused-bits byte after the length: 00 for a 24-bit string.
    public var unusedBits: UInt8

    public enum TagForm: Sendable, Hashable {
        /// `5F 1F`, as the Green Book encodes [APPLICATION 31].
        case standard
        /// `5F` without the `1F` tag-number byte, as some older encoders write it.
        case withoutTagNumber
    }

    public init(rawValue: UInt32, tagForm: TagForm = .standard, unusedBits: UInt8 = 0) {
        self.rawValue = rawValue & 0xFF_FFFF
        self.tagForm = tagForm
        self.unusedBits = unusedBits
    }

    /// The block with these bits set.
    public init(_ bits: [ConformanceBit]) {
        self.init(rawValue: bits.reduce(0) { $0 | $1.mask })
    }

    /// The bits set, in bit order.
    public var bits: [ConformanceBit] { ConformanceBit.bits(in: rawValue) }

    /// The names of the bits set, in bit order.
    public var names: [String] { ConformanceBit.names(in: rawValue) }

    public func contains(_ bit: ConformanceBit) -> Bool { bit.isSet(in: rawValue) }

    /// The three bytes of the block, `b0 b1 b2`.
    public var bytes: [UInt8] {
        [UInt8(truncatingIfNeeded: rawValue >> 16), UInt8(truncatingIfNeeded: rawValue >> 8), UInt8(truncatingIfNeeded: rawValue)]
    }

    /// Reads the block (`5F 1F 04 00 b0 b1 b2`, or `5F 04 00 ...`); a
    /// non-zero unused-bits byte and the short tag become notes.
    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        let start = reader.position
        guard let tag = reader.readUInt8() else {
            throw DecodingError("data ends where the conformance block (5F 1F) was expected", at: start)
        }
        guard tag == 0x5F else {
            throw DecodingError("conformance block must start with 5F, found \(Hex.encode([tag]))", at: start)
        }
        if reader.peekUInt8() == 0x1F {
            reader.skip(1)
            tagForm = .standard
        } else {
            tagForm = .withoutTagNumber
            notes.note(.apduNonCanonical, "conformance block tag written as 5F without its tag number 1F (an older encoding)", at: start)
        }
        let lengthOffset = reader.position
        guard let length = reader.readUInt8() else {
            throw DecodingError("data ends where the conformance block length was expected", at: lengthOffset)
        }
        guard length == 4 else {
            throw DecodingError("conformance block length is \(length); it must be 4 (unused bits and 24 bits)", at: lengthOffset)
        }
        let unusedOffset = reader.position
        let present = reader.remainingCount
        guard let unused = reader.readUInt8(), let block = reader.readBytes(3) else {
            throw DecodingError("conformance block needs 4 bytes after its length, \(present) present", at: unusedOffset)
        }
        if unused != 0 {
            notes.warn(.apduMalformed, "conformance block declares \(unused) unused bits; a 24-bit block has none", at: unusedOffset)
        }
        unusedBits = unused
        let bytes = Array(block)
        rawValue = ConformanceBit.block(bytes[0], bytes[1], bytes[2])
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes += tagForm == .standard ? [0x5F, 0x1F] : [0x5F]
        bytes += [0x04, unusedBits]
        bytes += self.bytes
    }
}
