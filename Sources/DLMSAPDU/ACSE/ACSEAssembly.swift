import DLMSCore

/// Bookkeeping while an ACSE APDU is decoded into its model: which elements
/// were kept as they came, the order they were in, and every length, so that
/// the decoded APDU carries the `ACSEWireForm` that gives its bytes back.
struct ACSEAssembly {
    let name: String
    private(set) var others: [BERElement] = []
    private var lengths: [BERLengthRecord]
    private var padding: [UInt8] = []
    private let wireOrder: [[UInt8]]

    init(_ frame: ACSEFrame, name: String) {
        self.name = name
        lengths = [frame.length]
        wireOrder = frame.elements.map(\.header.tag)
    }

    /// Reads `element` into `field` with `parse`; a second element with the
    /// same tag, or content that is not what the standard says, is kept as
    /// an element of its own (with a note).
    mutating func take<Value>(
        _ element: ACSEReadElement, into field: inout Value?, _ what: String, notes: inout DecodingNotes,
        parse: (ArraySlice<UInt8>) -> ACSEFieldCodec.Parsed<Value>?
    ) {
        guard field == nil else {
            keep(element, notes: &notes, reason: "a second \(what)")
            return
        }
        guard let (value, inner) = parse(element.content) else {
            keep(element, notes: &notes, reason: "\(what) whose content is not what the standard says")
            return
        }
        field = value
        lengths.append(element.length)
        lengths += inner
    }

    /// Reads the user-information element into `field`.
    mutating func takeUserInformation(
        _ element: ACSEReadElement, into field: inout UserInformation?, requester: Bool, notes: inout DecodingNotes
    ) {
        guard field == nil, let (value, length, padding) = element.userInformation else {
            // Without an OCTET STRING the reader has said why already.
            keep(element, notes: &notes, reason: field == nil ? nil : "a second user-information")
            return
        }
        if let isRequest = value.isRequestContent, isRequest != requester {
            notes.warn(
                .apduMalformed,
                "\(name) user-information carries \(requester ? "a response" : "a request"), not "
                    + (requester ? "an InitiateRequest" : "an InitiateResponse or confirmed-service-error"),
                at: element.header.contentStart)
        }
        field = value
        self.padding = padding
        lengths += [element.length, length]
    }

    /// Keeps `element` as it came; `reason` says why in a note (none when nil).
    mutating func keep(_ element: ACSEReadElement, notes: inout DecodingNotes, reason: String?) {
        if let reason {
            notes.warn(
                .apduMalformed, "\(name) element \(Hex.encode(element.header.tag)): \(reason); kept as sent",
                at: element.header.offset)
        }
        others.append(BERElement(tag: element.header.tag, content: Array(element.content)))
        lengths.append(element.length)
    }

    /// The wire form, given the elements the model writes in canonical order.
    func wireForm(canonicalOrder: [[UInt8]]) -> ACSEWireForm {
        ACSEWireForm(
            lengths: lengths.allSatisfy(\.isCanonical) ? nil : lengths.map(\.form),
            elementOrder: canonicalOrder == wireOrder ? nil : wireOrder,
            userInformationPadding: padding)
    }
}
