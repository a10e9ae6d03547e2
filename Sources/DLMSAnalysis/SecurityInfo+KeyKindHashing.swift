extension SecurityInfo.KeyKind {
    /// Hashes the case, not the raw value (`RawRepresentable`'s default hashes the
    /// `String`): the attempts for an envelope are cached under a key holding it.
    public func hash(into hasher: inout Hasher) {
        let ordinal: UInt8 = switch self {
        case .globalUnicast: 0
        case .globalBroadcast: 1
        case .dedicated: 2
        case .agreed: 3
        case .transported: 4
        case .none: 5
        }
        hasher.combine(ordinal)
    }
}
