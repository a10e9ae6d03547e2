import DLMSAPDU

extension APDU {
    /// An envelope's element with `children` (the opened APDU) inside; other APDUs as they are.
    func guruxXML(_ context: PresentationContext, children: [XMLNode]) -> XMLNode {
        switch self {
        case let .ciphered(envelope): envelope.guruxXML(context, children: children)
        case let .generalGloDedCiphering(envelope): envelope.guruxXML(context, children: children)
        case let .generalCiphering(envelope): envelope.guruxXML(context, children: children)
        case let .generalSigning(envelope): envelope.guruxXML(context, children: children)
        default: guruxXML(context)
        }
    }
}
