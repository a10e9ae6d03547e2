extension COSEMTime: CustomStringConvertible {
    /// The time as RFC 3339 `partial-time` ("08:30:15.23") when `isComplete`;
    /// hundredths become a two-digit fraction unless 0 or not specified.
    public var rfc3339: String? {
        guard isComplete else { return nil }
        return timeText
    }

    /// A readable form keeping every field visible: `08:30:15.23`,
    /// `*:*:*` (nothing specified), `23:59:*`; out-of-range values in decimal.
    /// Hundredths of 0 or not specified are left out.
    public var description: String { timeText }

    /// `timeText` of a complete time (every field in range), into a writer.
    func write(to writer: inout ASCIIWriter) {
        writer.put(Int(hour), width: 2)
        writer.put(UInt8(ascii: ":"))
        writer.put(Int(minute), width: 2)
        writer.put(UInt8(ascii: ":"))
        writer.put(Int(second), width: 2)
        if hundredths != 0, hundredths != Self.unspecified {
            writer.put(UInt8(ascii: "."))
            writer.put(Int(hundredths), width: 2)
        }
    }

    var timeText: String {
        func field(_ value: UInt8) -> String {
            value == Self.unspecified ? "*" : COSEMText.padded(Int(value), width: 2)
        }
        var text = "\(field(hour)):\(field(minute)):\(field(second))"
        if hundredths != 0, hundredths != Self.unspecified {
            text += "." + COSEMText.padded(Int(hundredths), width: 2)
        }
        return text
    }
}
