/// An OBIS code: the six value groups A.B.C.D.E.F that name every COSEM object
/// (the logical name, IEC 62056-6-1 / DLMS UA Blue Book part 1).
///
/// - A: medium (0 abstract, 1 electricity, 6 heat, 7 gas, 8 water ...)
/// - B: channel (0 none, 1...64)
/// - C: the physical quantity or abstract object group
/// - D: the processing of the quantity (instantaneous, time integral, ...)
/// - E: tariff, harmonic or instance number
/// - F: historical value / billing period, 255 when not used
///
/// On the wire a logical name is an octet-string of length 6; in text it is
/// printed with dots, `1.0.1.8.0.255`, as the Gurux translator does.
public struct OBISCode: Hashable, Sendable, CustomStringConvertible, LosslessStringConvertible {
    /// Value group A, the medium.
    public var a: UInt8
    /// Value group B, the channel.
    public var b: UInt8
    /// Value group C, the quantity or object group.
    public var c: UInt8
    /// Value group D, the processing.
    public var d: UInt8
    /// Value group E, tariff, harmonic or instance.
    public var e: UInt8
    /// Value group F, historical value; 255 when not used.
    public var f: UInt8

    /// The code A.B.C.D.E.F; F defaults to 255 (no historical value).
    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, _ e: UInt8, _ f: UInt8 = 255) {
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.e = e
        self.f = f
    }

    /// The code in a logical name octet-string; nil unless there are exactly 6 bytes.
    public init?<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        guard bytes.count == 6 else { return nil }
        var values = [UInt8]()
        values.reserveCapacity(6)
        values.append(contentsOf: bytes)
        self.init(values[0], values[1], values[2], values[3], values[4], values[5])
    }

    /// The six bytes of the logical name, A first.
    public var bytes: [UInt8] { [a, b, c, d, e, f] }

    /// `A.B.C.D.E.F` in decimal, e.g. `1.0.1.8.0.255`.
    public var description: String {
        // Written digit by digit into the string's storage: this runs for
        // every OBIS code rendered, and interpolation costs several times more.
        String(unsafeUninitializedCapacity: 23) { text in
            var count = 0
            func put(_ group: UInt8, dot: Bool = true) {
                if group >= 100 {
                    text[count] = UInt8(ascii: "0") &+ group / 100
                    count += 1
                }
                if group >= 10 {
                    text[count] = UInt8(ascii: "0") &+ group / 10 % 10
                    count += 1
                }
                text[count] = UInt8(ascii: "0") &+ group % 10
                count += 1
                if dot {
                    text[count] = UInt8(ascii: ".")
                    count += 1
                }
            }
            put(a)
            put(b)
            put(c)
            put(d)
            put(e)
            put(f, dot: false)
            return count
        }
    }

    /// Parses the dotted form `1.0.1.8.0.255`, and also the reduced notation of
    /// IEC 62056-6-1, `1-0:1.8.0.255` or `1-0:1.8.0*255` (F may be left out
    /// there, meaning 255). Every group must be a decimal number 0...255.
    public init?(_ description: String) {
        self.init(parsing: description)
    }

    /// See `init?(_ description: String)`.
    public init?<Text: StringProtocol>(parsing text: Text) {
        var groups = [UInt8]()
        var current: Int?
        var separators = [UInt8]()
        for character in text.utf8 {
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int(character &- UInt8(ascii: "0"))
                let value = (current ?? 0) * 10 + digit
                guard value <= 255 else { return nil }
                current = value
            case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "*"), UInt8(ascii: "&"):
                guard let value = current, groups.count < 6 else { return nil }
                groups.append(UInt8(truncatingIfNeeded: value))  // at most 255: checked above
                separators.append(character)
                current = nil
            default:
                return nil
            }
        }
        guard let last = current else { return nil }
        groups.append(UInt8(truncatingIfNeeded: last))
        let dotted = separators.allSatisfy { $0 == UInt8(ascii: ".") }
        if dotted {
            guard groups.count == 6 else { return nil }
        } else {
            // Reduced notation: A-B:C.D.E[*F] (F defaults to 255).
            let expected: [UInt8] = [UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: ".")]
            guard separators.count >= 4, Array(separators.prefix(4)) == expected else { return nil }
            if separators.count == 5 {
                guard separators[4] == UInt8(ascii: ".") || separators[4] == UInt8(ascii: "*")
                    || separators[4] == UInt8(ascii: "&")
                else { return nil }
            } else {
                guard separators.count == 4 else { return nil }
                groups.append(255)
            }
        }
        self.init(groups[0], groups[1], groups[2], groups[3], groups[4], groups[5])
    }
}
