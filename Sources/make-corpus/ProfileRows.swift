/// Load-profile content that changes from read to read, so every response
/// (and every ciphertext) is different, as in a real head-end capture.
enum ProfileRows {
    /// A COSEM date-time, 2024-03-`day` `hour`:`minute`:00, deviation +60, DST.
    static func dateTime(day: Int, hour: Int, minute: Int) -> [UInt8] {
        [0x07, 0xE8, 0x03, UInt8(truncatingIfNeeded: day), 0xFF, UInt8(truncatingIfNeeded: hour),
         UInt8(truncatingIfNeeded: minute), 0x00, 0x00, 0xFF, 0xC4, 0x00]
    }

    static func be32(_ value: Int) -> [UInt8] {
        let value = UInt32(truncatingIfNeeded: value)
        return [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8),
                UInt8(truncatingIfNeeded: value)]
    }

    /// The encoded array of `count` rows {date-time, status, +A, -A} starting at row `first`.
    static func array(first: Int, count: Int) -> [UInt8] {
        var bytes: [UInt8] = [0x01, UInt8(truncatingIfNeeded: count)]
        for row in first..<(first + count) {
            let quarter = row % (28 * 96)
            bytes += [0x02, 0x04, 0x09, 0x0C]
            bytes += dateTime(day: 1 + quarter / 96, hour: quarter % 96 / 4, minute: quarter % 4 * 15)
            bytes += [0x11, UInt8(truncatingIfNeeded: row % 3 == 0 ? 0x08 : 0x00)]
            bytes += [0x06] + be32(123_400 + row * 17) + [0x06] + be32(800 + row % 50)
        }
        return bytes
    }

    /// GetResponse-Normal (invoke-id 1, high priority) carrying `array(first:count:)`.
    static func response(first: Int, count: Int) -> [UInt8] {
        [0xC4, 0x01, 0xC1, 0x00] + array(first: first, count: count)
    }

    /// GetResponse-Normal of the clock at a row's time.
    static func clock(row: Int) -> [UInt8] {
        let quarter = row % (28 * 96)
        return [0xC4, 0x01, 0xC1, 0x00, 0x09, 0x0C]
            + dateTime(day: 1 + quarter / 96, hour: quarter % 96 / 4, minute: quarter % 4 * 15)
    }
}
