import DLMSAPDU

/// How strongly an APDU is protected: which of authentication and
/// encryption its security control byte asks for (Green Book, security
/// policy: a policy names the protection every APDU must have).
struct Protection: Hashable {
    var authenticated: Bool
    var encrypted: Bool

    static let none = Protection(authenticated: false, encrypted: false)

    init(authenticated: Bool, encrypted: Bool) {
        self.authenticated = authenticated
        self.encrypted = encrypted
    }

    init(_ control: SecurityControl) {
        self.init(authenticated: control.authenticated, encrypted: control.encrypted)
    }

    /// Whether this lacks something `other` has.
    func isWeaker(than other: Protection) -> Bool {
        other.authenticated && !authenticated || other.encrypted && !encrypted
    }

    /// Everything either has.
    func union(_ other: Protection) -> Protection {
        Protection(authenticated: authenticated || other.authenticated, encrypted: encrypted || other.encrypted)
    }

    /// "authenticated and encrypted", "authenticated", "encrypted", "unprotected".
    var name: String {
        switch (authenticated, encrypted) {
        case (true, true): "authenticated and encrypted"
        case (true, false): "authenticated only"
        case (false, true): "encrypted only"
        case (false, false): "unprotected"
        }
    }
}
