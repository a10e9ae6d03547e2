import DLMSAPDU

/// What a presenter knows beyond the APDU's own bytes, supplied by the
/// analysis of the capture around it.
public struct PresentationContext: Sendable {
    /// Show LLS passwords and other secrets instead of their length.
    public var showSecrets: Bool
    /// For a response: the attributes its request asked for (one per result of a with-list).
    public var requestedAttributes: [CosemAttributeDescriptor]
    /// Scaler and unit per logical name, learned from scaler_unit values earlier in the capture.
    public var scalerUnits: [OBISCode: ScalerUnit]
    /// The xDLMS APDU decrypted from a ciphered initiate in an ACSE user-information.
    public var decryptedUserInformation: APDU?
    /// Set by the JSON Lines renderer only: COSEM data values may then be
    /// given as encoded JSON (`Field.Value.json`), written without a tree.
    public var directJSON = false

    public init(
        showSecrets: Bool = false, requestedAttributes: [CosemAttributeDescriptor] = [],
        scalerUnits: [OBISCode: ScalerUnit] = [:], decryptedUserInformation: APDU? = nil
    ) {
        self.showSecrets = showSecrets
        self.requestedAttributes = requestedAttributes
        self.scalerUnits = scalerUnits
        self.decryptedUserInformation = decryptedUserInformation
    }

    /// How to annotate a value that is attribute `attribute` (when known).
    public func valueContext(for attribute: CosemAttributeDescriptor?) -> ValueContext {
        guard let attribute else { return ValueContext(directJSON: directJSON) }
        // Value attributes of registers (2) carry the scaler of attribute 3; demand registers use 4.
        let scaled = (attribute.classId == 3 || attribute.classId == 4) && attribute.attributeId == 2
            || attribute.classId == 5 && (attribute.attributeId == 2 || attribute.attributeId == 3)
        return ValueContext(
            attribute: attribute, scalerUnit: scaled ? scalerUnits[attribute.instance] : nil, directJSON: directJSON
        )
    }
}

/// What is known about one data value being presented.
public struct ValueContext: Sendable {
    /// The attribute the value belongs to.
    public var attribute: CosemAttributeDescriptor?
    /// The scaler and unit that apply to the value itself.
    public var scalerUnit: ScalerUnit?
    /// Give the value as encoded JSON (`Field.Value.json`) rather than a tree
    /// (see `PresentationContext.directJSON`).
    public var directJSON: Bool

    public init(attribute: CosemAttributeDescriptor? = nil, scalerUnit: ScalerUnit? = nil, directJSON: Bool = false) {
        self.attribute = attribute
        self.scalerUnit = scalerUnit
        self.directJSON = directJSON
    }
}
