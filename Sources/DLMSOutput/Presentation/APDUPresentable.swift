import DLMSCore

/// An APDU type that can show itself in every output format.
///
/// The JSON `apdu` object is `{"type": apduType, "variant": variant?, ...jsonFields}`;
/// the XML is the element the Gurux translator prints for the APDU (its
/// simple-XML vocabulary), with dlmscope's decoded meaning as comments.
public protocol APDUPresentable {
    /// The Green Book ASN.1 alternative name in kebab case (`get-request`).
    var apduType: String { get }
    /// The inner choice in kebab case (`normal`, `with-list`, ...), when there is one.
    var variant: String? { get }
    /// The JSON members after `type` and `variant`, in a stable order.
    func jsonFields(_ context: PresentationContext) -> [Field]
    /// The APDU's element in the Gurux simple-XML vocabulary.
    func guruxXML(_ context: PresentationContext) -> XMLNode
}
