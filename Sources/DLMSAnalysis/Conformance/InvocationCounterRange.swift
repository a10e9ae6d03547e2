import DLMSCore

/// The invocation counters one sender used under one key, as seen in a capture.
public struct InvocationCounterRange: Sendable, Hashable {
    public var systemTitle: [UInt8]?
    /// `global-unicast`, `global-broadcast`, `dedicated`.
    public var key: String
    public var direction: Direction
    public var first: UInt32
    public var last: UInt32
    public var lowest: UInt32
    public var highest: UInt32
    public var count: Int
    /// The records that carried `first` and `last` (not reported: they order the parts of a meter's traffic).
    var firstRecord: Int
    var lastRecord: Int

    init(systemTitle: [UInt8]?, key: String, direction: Direction, value: UInt32, record: Int) {
        self.systemTitle = systemTitle
        self.key = key
        self.direction = direction
        first = value
        last = value
        lowest = value
        highest = value
        count = 1
        firstRecord = record
        lastRecord = record
    }

    /// Whether it is the counter of this sender under this key.
    func counts(systemTitle: [UInt8]?, key: String, direction: Direction) -> Bool {
        self.systemTitle == systemTitle && self.key == key && self.direction == direction
    }

    /// Adds the value a later record carried.
    mutating func add(_ value: UInt32, record: Int) {
        last = value
        lastRecord = record
        lowest = min(lowest, value)
        highest = max(highest, value)
        count += 1
    }

    /// Adds another part of the same counter; `first` and `last` stay those of the earliest and latest record.
    mutating func absorb(_ other: InvocationCounterRange) {
        if other.firstRecord < firstRecord {
            first = other.first
            firstRecord = other.firstRecord
        }
        if other.lastRecord > lastRecord {
            last = other.last
            lastRecord = other.lastRecord
        }
        lowest = min(lowest, other.lowest)
        highest = max(highest, other.highest)
        count += other.count
    }

    /// Adds a record's counter to its sender's range in `ranges`, or starts one.
    static func add(
        _ value: UInt32, systemTitle: [UInt8]?, key: String, direction: Direction, record: Int, to ranges: inout [Self]
    ) {
        if let position = ranges.firstIndex(where: { $0.counts(systemTitle: systemTitle, key: key, direction: direction) }) {
            ranges[position].add(value, record: record)
        } else {
            ranges.append(Self(systemTitle: systemTitle, key: key, direction: direction, value: value, record: record))
        }
    }
}
