import DLMSCore

extension AARE {
    /// Reads the whole AARE (tag 61 included) with the tolerant ACSE reader;
    /// the reader is left after it (after the bytes its elements really take
    /// when its lengths are too short, as in [g23]).
    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        let frame = try ACSEReader.read(&reader, tag: Self.tag, name: "AARE", notes: &notes)
        var assembly = ACSEAssembly(frame, name: "AARE")
        self.init(applicationContextName: nil, result: nil, resultSourceDiagnostic: nil)
        for element in frame.elements {
            switch element.header.tag {
            case [0x80]: assembly.take(element, into: &protocolVersion, "protocol-version", notes: &notes, parse: ACSEFieldCodec.bitString)
            case [0xA1]:
                assembly.take(
                    element, into: &applicationContextName, "application-context-name", notes: &notes,
                    parse: ACSEFieldCodec.objectIdentifier)
            case [0xA2]:
                var raw = result?.rawValue  // a second result is kept as an element of its own
                assembly.take(element, into: &raw, "result", notes: &notes, parse: ACSEFieldCodec.smallInteger)
                if let raw { result = AssociationResult(rawValue: raw) }
            case [0xA3]:
                assembly.take(
                    element, into: &resultSourceDiagnostic, "result-source-diagnostic", notes: &notes,
                    parse: ACSEFieldCodec.diagnostic)
            case [0xA4]:
                assembly.take(element, into: &respondingAPTitle, "responding-AP-title", notes: &notes, parse: ACSEFieldCodec.octetString)
            case [0xA5]:
                assembly.take(
                    element, into: &respondingAEQualifier, "responding-AE-qualifier", notes: &notes, parse: ACSEFieldCodec.octetString)
            case [0xA6]:
                assembly.take(
                    element, into: &respondingAPInvocationId, "responding-AP-invocation-id", notes: &notes,
                    parse: ACSEFieldCodec.integer)
            case [0xA7]:
                assembly.take(
                    element, into: &respondingAEInvocationId, "responding-AE-invocation-id", notes: &notes,
                    parse: ACSEFieldCodec.integer)
            case [0x88]:
                assembly.take(
                    element, into: &responderACSERequirements, "responder-acse-requirements", notes: &notes,
                    parse: ACSEFieldCodec.bitString)
            case [0x89]:
                assembly.take(element, into: &mechanismName, "mechanism-name", notes: &notes, parse: ACSEFieldCodec.implicitObjectIdentifier)
            case [0xAA]:
                assembly.take(
                    element, into: &respondingAuthenticationValue, "responding-authentication-value", notes: &notes,
                    parse: ACSEFieldCodec.authenticationValue)
            case [0x9D]:
                assembly.take(
                    element, into: &implementationInformation, "implementation-information", notes: &notes, parse: ACSEFieldCodec.bytes)
            case [0xBE]: assembly.takeUserInformation(element, into: &userInformation, requester: false, notes: &notes)
            default: assembly.keep(element, notes: &notes, reason: "not an element of the AARE")
            }
        }
        for (value, what) in [(applicationContextName != nil, "application-context-name (A1)"), (result != nil, "result (A2)"),
                              (resultSourceDiagnostic != nil, "result-source-diagnostic (A3)")] where !value {
            notes.warn(.apduMalformed, "AARE without \(what), which is mandatory", at: reader.position)
        }
        otherElements = assembly.others
        wireForm = assembly.wireForm(canonicalOrder: ACSEWriter.canonicalOrder(elementNodes).map(\.tag))
    }

    /// The elements the AARE writes, before ordering.
    var elementNodes: [BERNode] {
        var nodes: [BERNode] = []
        if let protocolVersion { nodes.append(ACSEFieldCodec.implicit(0x80, protocolVersion.contentOctets)) }
        if let applicationContextName { nodes.append(ACSEFieldCodec.explicit(0xA1, 0x06, applicationContextName.contentOctets)) }
        if let result { nodes.append(ACSEFieldCodec.explicit(0xA2, 0x02, BERInteger(Int64(result.rawValue)).contentOctets)) }
        if let resultSourceDiagnostic { nodes.append(ACSEFieldCodec.diagnostic(0xA3, resultSourceDiagnostic)) }
        if let respondingAPTitle { nodes.append(ACSEFieldCodec.explicit(0xA4, 0x04, respondingAPTitle)) }
        if let respondingAEQualifier { nodes.append(ACSEFieldCodec.explicit(0xA5, 0x04, respondingAEQualifier)) }
        if let respondingAPInvocationId { nodes.append(ACSEFieldCodec.explicit(0xA6, 0x02, respondingAPInvocationId.contentOctets)) }
        if let respondingAEInvocationId { nodes.append(ACSEFieldCodec.explicit(0xA7, 0x02, respondingAEInvocationId.contentOctets)) }
        if let responderACSERequirements { nodes.append(ACSEFieldCodec.implicit(0x88, responderACSERequirements.contentOctets)) }
        if let mechanismName { nodes.append(ACSEFieldCodec.implicit(0x89, mechanismName.contentOctets)) }
        if let respondingAuthenticationValue { nodes.append(ACSEFieldCodec.authenticationValue(0xAA, respondingAuthenticationValue)) }
        if let implementationInformation { nodes.append(ACSEFieldCodec.implicit(0x9D, implementationInformation)) }
        if let userInformation {
            nodes.append(ACSEFieldCodec.userInformation(userInformation, padding: wireForm.userInformationPadding))
        }
        return nodes + otherElements.map { BERNode.primitive(tag: $0.tag, content: $0.content) }
    }

    /// The tags of the elements in the order `encode` writes them: ascending
    /// tag number, or the order received (`wireForm.elementOrder`).
    public var writtenElementTags: [[UInt8]] { ACSEWriter.ordered(elementNodes, wireForm: wireForm).map(\.tag) }

    /// Writes the whole AARE: elements in tag order (or as received), lengths
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
