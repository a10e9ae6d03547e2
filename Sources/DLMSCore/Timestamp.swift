/// A point in time, UTC, with nanosecond resolution, as captures record it.
public struct Timestamp: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int64
    /// Nanoseconds within the second, 0..<1_000_000_000.
    public var nanoseconds: Int32

    /// Creates a timestamp, carrying whole seconds out of `nanoseconds`.
    public init(seconds: Int64, nanoseconds: Int64 = 0) {
        let (carry, rest) = nanoseconds.quotientAndRemainder(dividingBy: 1_000_000_000)
        let (sum, overflow) = seconds.addingReportingOverflow(carry)
        if rest < 0 {
            self.seconds = overflow ? seconds : sum &- 1
            self.nanoseconds = Int32(truncatingIfNeeded: rest + 1_000_000_000)
        } else {
            self.seconds = overflow ? seconds : sum
            self.nanoseconds = Int32(truncatingIfNeeded: rest)
        }
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }
}
