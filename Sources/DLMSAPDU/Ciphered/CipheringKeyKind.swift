/// Which key family protects a glo-/ded- or general-glo/ded-ciphering APDU
/// (Green Book: glo- APDUs use a global key, ded- APDUs the dedicated key
/// transported in the InitiateRequest).
public enum CipheringKeyKind: String, Sendable, Hashable, CaseIterable {
    /// A global key: unicast, or broadcast when the security control byte says so.
    case global
    /// The dedicated key of the association.
    case dedicated
}
