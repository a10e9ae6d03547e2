/// An ACSE Authentication-value (calling- and responding-authentication-value):
///
/// ```
/// Authentication-value ::= CHOICE {
///     charstring [0] IMPLICIT GraphicString,   -- 80: the LLS password or an HLS challenge
///     bitstring  [1] IMPLICIT BIT STRING,      -- 81
///     external   [2] IMPLICIT EXTERNAL,        -- A2
///     other      [3] IMPLICIT SEQUENCE {...} } -- A3
/// ```
/// DLMS uses charstring: `AC 0A 80 08 3132333435363738` is the LLS password
/// "12345678" [g16], `AA 0A 80 08 503677524A323146` the server's HLS challenge [g19].
/// The alternative's tag and its content are kept as sent.
public struct AuthenticationValue: Sendable, Hashable {
    /// The alternative's tag byte: 80 charstring, 81 bitstring, A2 external, A3 other.
    public var tag: UInt8
    /// The alternative's content octets (for charstring, the characters).
    public var value: [UInt8]

    public init(tag: UInt8 = 0x80, value: [UInt8]) {
        self.tag = tag
        self.value = value
    }

    /// A charstring value: what DLMS clients and servers send.
    public static func charstring(_ value: [UInt8]) -> AuthenticationValue {
        AuthenticationValue(tag: 0x80, value: value)
    }

    /// The alternative's name (`charstring`, `bitstring`, `external`, `other`).
    public var alternativeName: String {
        switch tag & 0x1F {
        case 0: "charstring"
        case 1: "bitstring"
        case 2: "external"
        default: "other"
        }
    }

    /// Whether `tag` is one of the four alternatives ([0]...[3], context-specific).
    static func isAlternative(_ tag: UInt8) -> Bool {
        tag & 0xC0 == 0x80 && tag & 0x1F <= 3
    }
}
