import DLMSCore

extension AARQ {
    /// Reads the whole AARQ (tag 60 included) with the tolerant ACSE reader;
    /// the reader is left after it (after the bytes its elements really take
    /// when its length is too short).
    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        let frame = try ACSEReader.read(&reader, tag: Self.tag, name: "AARQ", notes: &notes)
        var assembly = ACSEAssembly(frame, name: "AARQ")
        self.init(applicationContextName: nil)
        for element in frame.elements {
            switch element.header.tag {
            case [0x80]: assembly.take(element, into: &protocolVersion, "protocol-version", notes: &notes, parse: ACSEFieldCodec.bitString)
            case [0xA1]:
                assembly.take(
                    element, into: &applicationContextName, "application-context-name", notes: &notes,
                    parse: ACSEFieldCodec.objectIdentifier)
            case [0xA2]: assembly.take(element, into: &calledAPTitle, "called-AP-title", notes: &notes, parse: ACSEFieldCodec.octetString)
            case [0xA3]:
                assembly.take(element, into: &calledAEQualifier, "called-AE-qualifier", notes: &notes, parse: ACSEFieldCodec.octetString)
            case [0xA4]:
                assembly.take(element, into: &calledAPInvocationId, "called-AP-invocation-id", notes: &notes, parse: ACSEFieldCodec.integer)
            case [0xA5]:
                assembly.take(element, into: &calledAEInvocationId, "called-AE-invocation-id", notes: &notes, parse: ACSEFieldCodec.integer)
            case [0xA6]: assembly.take(element, into: &callingAPTitle, "calling-AP-title", notes: &notes, parse: ACSEFieldCodec.octetString)
            case [0xA7]:
                assembly.take(element, into: &callingAEQualifier, "calling-AE-qualifier", notes: &notes, parse: ACSEFieldCodec.octetString)
            case [0xA8]:
                assembly.take(
                    element, into: &callingAPInvocationId, "calling-AP-invocation-id", notes: &notes, parse: ACSEFieldCodec.integer)
            case [0xA9]:
                assembly.take(
                    element, into: &callingAEInvocationId, "calling-AE-invocation-id", notes: &notes, parse: ACSEFieldCodec.integer)
            case [0x8A]:
                assembly.take(
                    element, into: &senderACSERequirements, "sender-acse-requirements", notes: &notes, parse: ACSEFieldCodec.bitString)
            case [0x8B]:
                assembly.take(element, into: &mechanismName, "mechanism-name", notes: &notes, parse: ACSEFieldCodec.implicitObjectIdentifier)
            case [0xAC]:
                assembly.take(
                    element, into: &callingAuthenticationValue, "calling-authentication-value", notes: &notes,
                    parse: ACSEFieldCodec.authenticationValue)
            case [0x9D]:
                assembly.take(
                    element, into: &implementationInformation, "implementation-information", notes: &notes, parse: ACSEFieldCodec.bytes)
            case [0xBE]: assembly.takeUserInformation(element, into: &userInformation, requester: true, notes: &notes)
            default: assembly.keep(element, notes: &notes, reason: "not an element of the AARQ")
            }
        }
        if applicationContextName == nil {
            notes.warn(.apduMalformed, "AARQ without application-context-name (A1), which is mandatory", at: reader.position)
        }
        otherElements = assembly.others
        wireForm = assembly.wireForm(canonicalOrder: ACSEWriter.canonicalOrder(elementNodes).map(\.tag))
    }

    /// The elements the AARQ writes, before ordering.
    var elementNodes: [BERNode] {
        var nodes: [BERNode] = []
        if let protocolVersion { nodes.append(ACSEFieldCodec.implicit(0x80, protocolVersion.contentOctets)) }
        if let applicationContextName { nodes.append(ACSEFieldCodec.explicit(0xA1, 0x06, applicationContextName.contentOctets)) }
        if let calledAPTitle { nodes.append(ACSEFieldCodec.explicit(0xA2, 0x04, calledAPTitle)) }
        if let calledAEQualifier { nodes.append(ACSEFieldCodec.explicit(0xA3, 0x04, calledAEQualifier)) }
        if let calledAPInvocationId { nodes.append(ACSEFieldCodec.explicit(0xA4, 0x02, calledAPInvocationId.contentOctets)) }
        if let calledAEInvocationId { nodes.append(ACSEFieldCodec.explicit(0xA5, 0x02, calledAEInvocationId.contentOctets)) }
        if let callingAPTitle { nodes.append(ACSEFieldCodec.explicit(0xA6, 0x04, callingAPTitle)) }
        if let callingAEQualifier { nodes.append(ACSEFieldCodec.explicit(0xA7, 0x04, callingAEQualifier)) }
        if let callingAPInvocationId { nodes.append(ACSEFieldCodec.explicit(0xA8, 0x02, callingAPInvocationId.contentOctets)) }
        if let callingAEInvocationId { nodes.append(ACSEFieldCodec.explicit(0xA9, 0x02, callingAEInvocationId.contentOctets)) }
        if let senderACSERequirements { nodes.append(ACSEFieldCodec.implicit(0x8A, senderACSERequirements.contentOctets)) }
        if let mechanismName { nodes.append(ACSEFieldCodec.implicit(0x8B, mechanismName.contentOctets)) }
        if let callingAuthenticationValue { nodes.append(ACSEFieldCodec.authenticationValue(0xAC, callingAuthenticationValue)) }
        if let implementationInformation { nodes.append(ACSEFieldCodec.implicit(0x9D, implementationInformation)) }
        if let userInformation {
            nodes.append(ACSEFieldCodec.userInformation(userInformation, padding: wireForm.userInformationPadding))
        }
        return nodes + otherElements.map { BERNode.primitive(tag: $0.tag, content: $0.content) }
    }

    /// The tags of the elements in the order `encode` writes them: ascending
    /// tag number, or the order received (`wireForm.elementOrder`).
    public var writtenElementTags: [[UInt8]] { ACSEWriter.ordered(elementNodes, wireForm: wireForm).map(\.tag) }

    /// Writes the whole AARQ: elements in tag order (or as received), lengths
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
