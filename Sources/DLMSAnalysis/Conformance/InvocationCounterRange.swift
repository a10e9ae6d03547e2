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

    init(systemTitle: [UInt8]?, key: String, direction: Direction, value: UInt32) {
        self.systemTitle = systemTitle
        self.key = key
        self.direction = direction
        first = value
        last = value
        lowest = value
        highest = value
        count = 1
    }

    mutating func add(_ value: UInt32) {
        last = value
        lowest = min(lowest, value)
        highest = max(highest, value)
        count += 1
    }

    /// Adds a later part of the same counter.
    mutating func absorb(_ later: InvocationCounterRange) {
        last = later.last
        lowest = min(lowest, later.lowest)
        highest = max(highest, later.highest)
        count += later.count
    }
}
