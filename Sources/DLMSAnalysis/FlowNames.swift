import DLMSTransport

/// Formats flows for records once per flow rather than once per record.
/// Bounded: the cache starts over when it holds too many flows.
struct FlowNames {
    private var names: [Flow: String] = [:]
    static let capacity = 4096

    mutating func name(_ flow: Flow?) -> String? {
        guard let flow else { return nil }
        if let name = names[flow] { return name }
        if names.count >= Self.capacity { names.removeAll(keepingCapacity: true) }
        let name = flow.description
        names[flow] = name
        return name
    }
}
