/// The endpoints of a unit, from its sender to its receiver.
public struct Flow: Sendable, Hashable {
    public var source: Endpoint
    public var destination: Endpoint

    public init(source: Endpoint, destination: Endpoint) {
        self.source = source
        self.destination = destination
    }

    public var reversed: Flow { Flow(source: destination, destination: source) }
}

extension Flow: CustomStringConvertible {
    /// `10.0.0.2:50000 -> 10.0.0.1:4059`, as records print it.
    public var description: String { "\(source) -> \(destination)" }
}
