extension TransportProtocol {
    /// Hashes the case, not the raw value (`RawRepresentable`'s default hashes the
    /// `String`): conversations are looked up by a key holding it for every packet.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .tcp: hasher.combine(0 as UInt8)
        case .udp: hasher.combine(1 as UInt8)
        case .serial: hasher.combine(2 as UInt8)
        }
    }
}
