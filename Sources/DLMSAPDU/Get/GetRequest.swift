import DLMSCore

/// Get-Request (Green Book, tag C0): reading attributes by logical name.
///
/// - normal: one attribute, optionally with selective access;
/// - next: the next block of a GET answered in blocks (the number of the block just received);
/// - with-list: several attributes at once.
public enum GetRequest: Sendable, Hashable {
    case normal(Normal)
    case next(Next)
    case withList(WithList)

    public static let tag: UInt8 = 0xC0

    /// Get-Request-Normal.
    public struct Normal: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var attribute: CosemAttributeDescriptor
        public var accessSelection: SelectiveAccessDescriptor?

        public init(
            invokeIdAndPriority: InvokeIdAndPriority, attribute: CosemAttributeDescriptor,
            accessSelection: SelectiveAccessDescriptor? = nil
        ) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.attribute = attribute
            self.accessSelection = accessSelection
        }
    }

    /// Get-Request-Next.
    public struct Next: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        /// The number of the block received last.
        public var blockNumber: UInt32

        public init(invokeIdAndPriority: InvokeIdAndPriority, blockNumber: UInt32) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.blockNumber = blockNumber
        }
    }

    /// Get-Request-With-List.
    public struct WithList: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var attributes: [CosemAttributeDescriptorWithSelection]
        /// The form the attribute count was written in.
        public var attributeCount: AXDRLengthForm

        public init(
            invokeIdAndPriority: InvokeIdAndPriority, attributes: [CosemAttributeDescriptorWithSelection],
            attributeCount: AXDRLengthForm = .canonical
        ) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.attributes = attributes
            self.attributeCount = attributeCount
        }
    }

    /// The CHOICE number of the variant (1 normal, 2 next, 3 with-list).
    public var choice: UInt8 {
        switch self {
        case .normal: 1
        case .next: 2
        case .withList: 3
        }
    }

    public var invokeIdAndPriority: InvokeIdAndPriority {
        switch self {
        case let .normal(request): request.invokeIdAndPriority
        case let .next(request): request.invokeIdAndPriority
        case let .withList(request): request.invokeIdAndPriority
        }
    }
}
