import DLMSCore

/// RLRQ, the A-RELEASE request (ACSE, tag 62, BER): the client ends the
/// association (Green Book, COSEM ACSE; spec-notes §3).
///
/// ```
/// RLRQ-apdu ::= [APPLICATION 2] IMPLICIT SEQUENCE {
///     reason           [0]  IMPLICIT Release-request-reason OPTIONAL,
///     user-information [30] EXPLICIT Association-information OPTIONAL }
/// ```
/// `62 03 80 01 00` is a release with reason normal [g21]; with a ciphered
/// context the client may add an InitiateRequest (plain or glo-/ded-) in
/// user-information to release securely. `62 00` (no reason) is valid.
public struct RLRQ: Sendable, Hashable {
    public static let tag: UInt8 = 0x62

    public var reason: ReleaseRequestReason?
    public var userInformation: UserInformation?
    /// Elements not listed above, or whose content is not what the standard says, as sent.
    public var otherElements: [BERElement]
    /// How the RLRQ was written, where that is not how dlmscope writes it.
    public var wireForm: ACSEWireForm

    public init(
        reason: ReleaseRequestReason? = ReleaseRequestReason(rawValue: 0), userInformation: UserInformation? = nil,
        otherElements: [BERElement] = [], wireForm: ACSEWireForm = .canonical
    ) {
        self.reason = reason
        self.userInformation = userInformation
        self.otherElements = otherElements
        self.wireForm = wireForm
    }

    /// Reads the whole RLRQ (tag 62 included) with the tolerant ACSE reader.
    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        let frame = try ACSEReader.read(&reader, tag: Self.tag, name: "RLRQ", notes: &notes)
        var assembly = ACSEAssembly(frame, name: "RLRQ")
        self.init(reason: nil)
        for element in frame.elements {
            switch element.header.tag {
            case [0x80]:
                var raw = reason?.rawValue  // a second reason is kept as an element of its own
                assembly.take(element, into: &raw, "reason", notes: &notes, parse: ACSEFieldCodec.enumerated)
                if let raw { reason = ReleaseRequestReason(rawValue: raw) }
            case [0xBE]: assembly.takeUserInformation(element, into: &userInformation, requester: true, notes: &notes)
            default: assembly.keep(element, notes: &notes, reason: "not an element of the RLRQ")
            }
        }
        otherElements = assembly.others
        wireForm = assembly.wireForm(canonicalOrder: ACSEWriter.canonicalOrder(elementNodes).map(\.tag))
    }

    var elementNodes: [BERNode] {
        var nodes: [BERNode] = []
        if let reason { nodes.append(ACSEFieldCodec.implicit(0x80, [reason.rawValue])) }
        if let userInformation {
            nodes.append(ACSEFieldCodec.userInformation(userInformation, padding: wireForm.userInformationPadding))
        }
        return nodes + otherElements.map { BERNode.primitive(tag: $0.tag, content: $0.content) }
    }

    /// The tags of the elements in the order `encode` writes them: ascending
    /// tag number, or the order received (`wireForm.elementOrder`).
    public var writtenElementTags: [[UInt8]] { ACSEWriter.ordered(elementNodes, wireForm: wireForm).map(\.tag) }

    /// Writes the whole RLRQ: elements in tag order (or as received), lengths
    /// from the content (or as received, see `wireForm`).
    public func encode(into bytes: inout [UInt8]) {
        ACSEWriter.write(tag: Self.tag, elements: elementNodes, wireForm: wireForm, into: &bytes)
    }

    /// The encoded APDU.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        encode(into: &bytes)
        return bytes
    }
}
