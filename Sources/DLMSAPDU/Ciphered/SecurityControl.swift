/// The security control byte (SC) that starts every security header
/// (Green Book, security header; spec-notes §4.1): bits 3..0 the security
/// suite id, bit 4 authentication (A), bit 5 encryption (E), bit 6 the key
/// set (0 unicast, 1 broadcast key), bit 7 compression.
public struct SecurityControl: Sendable, Hashable, RawRepresentable {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public init(
        suite: UInt8 = 0, authenticated: Bool, encrypted: Bool, broadcastKey: Bool = false, compressed: Bool = false
    ) {
        rawValue = suite & 0x0F
            | (authenticated ? 0x10 : 0) | (encrypted ? 0x20 : 0)
            | (broadcastKey ? 0x40 : 0) | (compressed ? 0x80 : 0)
    }

    /// The security suite id (bits 3..0); 0, 1 and 2 are defined.
    public var suiteID: UInt8 { rawValue & 0x0F }
    /// The security suite, named when the Green Book defines it.
    public var suite: SecuritySuite { SecuritySuite(rawValue: suiteID) }
    /// Bit 4: the APDU carries an authentication tag.
    public var authenticated: Bool { rawValue & 0x10 != 0 }
    /// Bit 5: the APDU is encrypted.
    public var encrypted: Bool { rawValue & 0x20 != 0 }
    /// Bit 6: the broadcast key protects the APDU (glo- and general-glo- only; else the unicast key).
    public var broadcastKey: Bool { rawValue & 0x40 != 0 }
    /// Bit 7: the plaintext was compressed before it was protected.
    public var compressed: Bool { rawValue & 0x80 != 0 }
}
