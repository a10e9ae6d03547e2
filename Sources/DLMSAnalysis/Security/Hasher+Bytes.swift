extension Hasher {
    /// Feeds `bytes` (or that there are none) in one call: the synthesised `Hashable` of a
    /// `[UInt8]` feeds its elements one by one, which per-APDU lookups keyed by system titles
    /// and keys paid for. Equal arrays feed equal input, so this agrees with `==`.
    mutating func combine(contentsOf bytes: [UInt8]?) {
        guard let bytes else {
            combine(0 as UInt8)
            return
        }
        combine(1 as UInt8)
        combine(bytes.count)
        bytes.withUnsafeBytes { combine(bytes: $0) }
    }
}
