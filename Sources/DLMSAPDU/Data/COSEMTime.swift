/// A COSEM time (Blue Book §4.1.6.1; spec-notes §6): 4 bytes, bytes 5 to 8
/// of a date-time, sent alone as data type `time` (tag 27). 0xFF in any
/// field means "not specified". Fields are kept as sent.
public struct COSEMTime: Sendable, Hashable {
    /// The size of a time on the wire.
    public static let encodedCount = 4
    /// 0xFF in a field: not specified.
    public static let unspecified: UInt8 = 0xFF

    /// 0...23, 0xFF not specified.
    public var hour: UInt8
    /// 0...59, 0xFF not specified.
    public var minute: UInt8
    /// 0...59, 0xFF not specified.
    public var second: UInt8
    /// Hundredths of a second 0...99, 0xFF not specified.
    public var hundredths: UInt8

    /// A time; every field not given is "not specified".
    public init(
        hour: UInt8 = COSEMTime.unspecified,
        minute: UInt8 = COSEMTime.unspecified,
        second: UInt8 = COSEMTime.unspecified,
        hundredths: UInt8 = COSEMTime.unspecified
    ) {
        self.hour = hour
        self.minute = minute
        self.second = second
        self.hundredths = hundredths
    }

    /// The time in exactly 4 bytes; nil for any other count.
    public init?<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        let bytes = Array(bytes)
        guard bytes.count == Self.encodedCount else { return nil }
        self.init(hour: bytes[0], minute: bytes[1], second: bytes[2], hundredths: bytes[3])
    }

    /// Appends the 4 bytes.
    public func encode(into bytes: inout [UInt8]) {
        bytes += [hour, minute, second, hundredths]
    }

    /// The 4 bytes.
    public var encoded: [UInt8] {
        var bytes = [UInt8]()
        encode(into: &bytes)
        return bytes
    }

    /// What is wrong with the fields, one phrase each (empty when nothing is).
    public var problems: [String] {
        var problems = [String]()
        func check(_ name: String, _ value: UInt8, _ maximum: UInt8) {
            if value > maximum, value != Self.unspecified { problems.append("\(name) \(value) is out of range") }
        }
        check("hour", hour, 23)
        check("minute", minute, 59)
        check("second", second, 59)
        check("hundredths", hundredths, 99)
        return problems
    }

    /// True when hour, minute and second are specified and in range and the
    /// hundredths are in range or not specified.
    public var isComplete: Bool {
        hour <= 23 && minute <= 59 && second <= 59 && (hundredths <= 99 || hundredths == Self.unspecified)
    }
}
