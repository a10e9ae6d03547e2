import DLMSCore

/// Invocation counters per sender, key and direction (Green Book: the IC is
/// incremented with every protected APDU, and a receiver rejects a value that
/// is not greater than the last one it accepted; spec-notes §4.2).
struct InvocationCounterTracker {
    /// One counter: a sender's title (nil when unknown, then per conversation), the key it
    /// protects with, and the direction.
    struct Counter: Hashable {
        var systemTitle: [UInt8]?
        var key: String
        var direction: Direction
        var conversation: Int?
    }

    /// An increase larger than this is reported as a jump.
    static let largeJump: UInt32 = 1 << 16
    static let maxCounters = 65_536

    private var highest: [Counter: UInt32] = [:]

    /// Notes `value` for `counter`; returns a finding when it is not greater than the highest
    /// seen (a replay, or a counter that was reset) or jumps far ahead.
    mutating func check(_ value: UInt32, for counter: Counter, packet: Int?) -> Finding? {
        guard let last = highest[counter] else {
            if highest.count >= Self.maxCounters { highest.removeAll() }
            highest[counter] = value
            return nil
        }
        if value <= last {
            let what = value == last ? "equal to the last one" : "lower than \(last), seen before"
            return Finding(
                .icReplay,
                "invocation counter \(value) is \(what) for \(describe(counter)): a receiver must reject it "
                    + "(a replayed APDU, or a counter that was reset)",
                packet: packet
            )
        }
        highest[counter] = value
        let step = value - last
        guard step > Self.largeJump else { return nil }
        return Finding(
            .icNotIncreasing,
            "invocation counter jumped by \(step) (from \(last) to \(value)) for \(describe(counter))",
            packet: packet
        )
    }

    private func describe(_ counter: Counter) -> String {
        let title = counter.systemTitle.map { "system title \(Hex.encode($0))" } ?? "an unknown sender"
        return "\(title), \(counter.key) key"
    }
}
