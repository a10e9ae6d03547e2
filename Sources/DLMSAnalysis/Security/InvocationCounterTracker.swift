import DLMSCore

/// Invocation counters per sender, key and direction (Green Book: the IC is
/// incremented with every protected APDU, and a receiver rejects a value that
/// is not greater than the last one it accepted; spec-notes §4.2).
struct InvocationCounterTracker {
    /// One counter: a sender's title (nil when unknown, then per conversation), the key it
    /// protects with, and the direction.
    struct Counter: Hashable {
        var systemTitle: [UInt8]?
        var key: Key
        var direction: Direction
        var conversation: Int?

        func hash(into hasher: inout Hasher) {
            hasher.combine(contentsOf: systemTitle)
            hasher.combine(key)
            hasher.combine(direction)
            hasher.combine(conversation)
        }
    }

    /// The key a counter runs under: kept as values, not as its name, since the tracker
    /// looks a counter up for every protected APDU (the name is built only for a finding).
    enum Key: Hashable, CustomStringConvertible {
        /// A global key (or another kind without its own sequence).
        case kind(SecurityInfo.KeyKind)
        /// The dedicated key of one association: each starts its counters afresh.
        case dedicated(association: Int, conversation: Int)
        /// The HLS GMAC reply's own counter, beside its envelope's.
        case hlsReply(SecurityInfo.KeyKind)

        var description: String {
            switch self {
            case let .kind(kind): kind.rawValue
            case let .dedicated(association, conversation):
                SecurityInfo.KeyKind.dedicated.rawValue + " (association \(association) of conversation \(conversation))"
            case let .hlsReply(kind): kind.rawValue + " (HLS reply)"
            }
        }
    }

    /// An increase larger than this is reported as a jump.
    static let largeJump: UInt32 = 1 << 16
    static let maxCounters = 65_536

    private var highest: [Counter: UInt32] = [:]

    /// Notes `value` for `counter`; returns a finding when it is not greater than the highest
    /// seen (a replay, or a counter that was reset) or jumps far ahead.
    mutating func check(_ value: UInt32, for counter: Counter, packet: Int?) -> Finding? {
        // Looked up once: the counter's value is then read and updated in place.
        guard let index = highest.index(forKey: counter) else {
            if highest.count >= Self.maxCounters { highest.removeAll() }
            highest[counter] = value
            return nil
        }
        let last = highest.values[index]
        if value <= last {
            let what = value == last ? "equal to the last one" : "lower than \(last), seen before"
            return Finding(
                .icReplay,
                "invocation counter \(value) is \(what) for \(describe(counter)): a receiver must reject it "
                    + "(a replayed APDU, or a counter that was reset)",
                packet: packet
            )
        }
        highest.values[index] = value
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
