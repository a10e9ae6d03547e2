extension Direction {
    /// Hashes the case, not the raw value: `RawRepresentable`'s default hashes the
    /// `String`, which per-APDU dictionary lookups keyed by a direction paid for.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .clientToServer: hasher.combine(0 as UInt8)
        case .serverToClient: hasher.combine(1 as UInt8)
        case .unknown: hasher.combine(2 as UInt8)
        }
    }
}
