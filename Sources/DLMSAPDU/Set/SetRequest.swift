import DLMSCore

/// Set-Request (Green Book, tag C1): writing attributes by logical name.
///
/// - normal: one attribute and its value;
/// - with-first-datablock: one attribute, the value's first block;
/// - with-datablock: a further block of the value(s);
/// - with-list: several attributes and one value each;
/// - with-list-and-first-datablock: several attributes, the values' first block.
public enum SetRequest: Sendable, Hashable {
    case normal(Normal)
    case withFirstDataBlock(WithFirstDataBlock)
    case withDataBlock(WithDataBlock)
    case withList(WithList)
    case withListAndFirstDataBlock(WithListAndFirstDataBlock)

    public static let tag: UInt8 = 0xC1

    /// Set-Request-Normal.
    public struct Normal: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var attribute: CosemAttributeDescriptor
        public var accessSelection: SelectiveAccessDescriptor?
        public var value: DLMSData

        public init(
            invokeIdAndPriority: InvokeIdAndPriority, attribute: CosemAttributeDescriptor,
            accessSelection: SelectiveAccessDescriptor? = nil, value: DLMSData
        ) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.attribute = attribute
            self.accessSelection = accessSelection
            self.value = value
        }
    }

    /// Set-Request-With-First-Datablock.
    public struct WithFirstDataBlock: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var attribute: CosemAttributeDescriptor
        public var accessSelection: SelectiveAccessDescriptor?
        public var block: DataBlockSA

        public init(
            invokeIdAndPriority: InvokeIdAndPriority, attribute: CosemAttributeDescriptor,
            accessSelection: SelectiveAccessDescriptor? = nil, block: DataBlockSA
        ) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.attribute = attribute
            self.accessSelection = accessSelection
            self.block = block
        }
    }

    /// Set-Request-With-Datablock.
    public struct WithDataBlock: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var block: DataBlockSA

        public init(invokeIdAndPriority: InvokeIdAndPriority, block: DataBlockSA) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.block = block
        }
    }

    /// Set-Request-With-List.
    public struct WithList: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var attributes: [CosemAttributeDescriptorWithSelection]
        public var values: [DLMSData]
        /// The forms the attribute and value counts were written in.
        public var attributeCount: AXDRLengthForm
        public var valueCount: AXDRLengthForm

        public init(
            invokeIdAndPriority: InvokeIdAndPriority, attributes: [CosemAttributeDescriptorWithSelection],
            values: [DLMSData], attributeCount: AXDRLengthForm = .canonical, valueCount: AXDRLengthForm = .canonical
        ) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.attributes = attributes
            self.values = values
            self.attributeCount = attributeCount
            self.valueCount = valueCount
        }
    }

    /// Set-Request-With-List-And-First-Datablock.
    public struct WithListAndFirstDataBlock: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var attributes: [CosemAttributeDescriptorWithSelection]
        public var block: DataBlockSA
        /// The form the attribute count was written in.
        public var attributeCount: AXDRLengthForm

        public init(
            invokeIdAndPriority: InvokeIdAndPriority, attributes: [CosemAttributeDescriptorWithSelection],
            block: DataBlockSA, attributeCount: AXDRLengthForm = .canonical
        ) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.attributes = attributes
            self.block = block
            self.attributeCount = attributeCount
        }
    }

    /// The CHOICE number of the variant (1 normal ... 5 with-list-and-first-datablock).
    public var choice: UInt8 {
        switch self {
        case .normal: 1
        case .withFirstDataBlock: 2
        case .withDataBlock: 3
        case .withList: 4
        case .withListAndFirstDataBlock: 5
        }
    }

    public var invokeIdAndPriority: InvokeIdAndPriority {
        switch self {
        case let .normal(request): request.invokeIdAndPriority
        case let .withFirstDataBlock(request): request.invokeIdAndPriority
        case let .withDataBlock(request): request.invokeIdAndPriority
        case let .withList(request): request.invokeIdAndPriority
        case let .withListAndFirstDataBlock(request): request.invokeIdAndPriority
        }
    }
}
