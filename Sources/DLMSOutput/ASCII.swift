import DLMSCore

/// Writes numbers and times as ASCII straight into an output buffer, without
/// building intermediate strings (these run once or more per record).
enum ASCII {
    static func appendInteger<T: BinaryInteger>(_ value: T, to out: inout [UInt8]) {
        if let small = Int64(exactly: value) {
            if small < 0 {
                out.append(UInt8(ascii: "-"))
                appendUnsigned(small.magnitude, to: &out)
            } else {
                appendUnsigned(UInt64(small), to: &out)
            }
        } else {
            appendUnsigned(UInt64(truncatingIfNeeded: value), to: &out)
        }
    }

    static func appendUnsigned(_ value: UInt64, to out: inout [UInt8], width: Int = 1) {
        // One digit (ids, selectors, small values) is most numbers of a record: one append.
        if value < 10, width <= 1 {
            out.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
            return
        }
        var count = 1
        var limit: UInt64 = 10
        while count < 20, value >= limit {
            count += 1
            limit = limit &* 10
        }
        count = max(count, width)
        let start = out.count
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        out.withUnsafeMutableBufferPointer { buffer in
            var rest = value
            var index = start + count - 1
            while rest > 0 {
                buffer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                index -= 1
            }
        }
    }

    /// RFC 3339, UTC, with microseconds (`2023-04-13T17:00:19.611972Z`).
    static func appendRFC3339(_ time: Timestamp, to out: inout [UInt8]) {
        let civil = time.civil
        appendUnsigned(UInt64(clamping: civil.year), to: &out, width: 4)
        out.append(UInt8(ascii: "-"))
        appendUnsigned(UInt64(clamping: civil.month), to: &out, width: 2)
        out.append(UInt8(ascii: "-"))
        appendUnsigned(UInt64(clamping: civil.day), to: &out, width: 2)
        out.append(UInt8(ascii: "T"))
        appendUnsigned(UInt64(clamping: civil.hour), to: &out, width: 2)
        out.append(UInt8(ascii: ":"))
        appendUnsigned(UInt64(clamping: civil.minute), to: &out, width: 2)
        out.append(UInt8(ascii: ":"))
        appendUnsigned(UInt64(clamping: civil.second), to: &out, width: 2)
        out.append(UInt8(ascii: "."))
        appendUnsigned(UInt64(clamping: civil.nanosecond / 1000), to: &out, width: 6)
        out.append(UInt8(ascii: "Z"))
    }
}
