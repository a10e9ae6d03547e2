import DLMSCore

/// Action-Request (Green Book, tag C3): invoking methods by logical name.
///
/// - normal: one method with OPTIONAL parameters;
/// - next-pblock: asks for the next block of the response (the number of the block received);
/// - with-list: several methods, one parameter each;
/// - with-first-pblock: one method, the first block of its parameters;
/// - with-list-and-first-pblock: several methods, the first block of their parameters;
/// - with-pblock: a further block of parameters.
public enum ActionRequest: Sendable, Hashable {
    case normal(Normal)
    case nextPBlock(NextPBlock)
    case withList(WithList)
    case withFirstPBlock(WithFirstPBlock)
    case withListAndFirstPBlock(WithListAndFirstPBlock)
    case withPBlock(WithPBlock)

    public static let tag: UInt8 = 0xC3

    /// Action-Request-Normal.
    public struct Normal: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var method: CosemMethodDescriptor
        public var parameters: DLMSData?

        public init(invokeIdAndPriority: InvokeIdAndPriority, method: CosemMethodDescriptor, parameters: DLMSData? = nil) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.method = method
            self.parameters = parameters
        }
    }

    /// Action-Request-Next-Pblock.
    public struct NextPBlock: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var blockNumber: UInt32

        public init(invokeIdAndPriority: InvokeIdAndPriority, blockNumber: UInt32) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.blockNumber = blockNumber
        }
    }

    /// Action-Request-With-List.
    public struct WithList: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var methods: [CosemMethodDescriptor]
        public var parameters: [DLMSData]
        /// The forms the method and parameter counts were written in.
        public var methodCount: AXDRLengthForm
        public var parameterCount: AXDRLengthForm

        public init(
            invokeIdAndPriority: InvokeIdAndPriority, methods: [CosemMethodDescriptor], parameters: [DLMSData],
            methodCount: AXDRLengthForm = .canonical, parameterCount: AXDRLengthForm = .canonical
        ) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.methods = methods
            self.parameters = parameters
            self.methodCount = methodCount
            self.parameterCount = parameterCount
        }
    }

    /// Action-Request-With-First-Pblock.
    public struct WithFirstPBlock: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var method: CosemMethodDescriptor
        public var block: DataBlockSA

        public init(invokeIdAndPriority: InvokeIdAndPriority, method: CosemMethodDescriptor, block: DataBlockSA) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.method = method
            self.block = block
        }
    }

    /// Action-Request-With-List-And-First-Pblock.
    public struct WithListAndFirstPBlock: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var methods: [CosemMethodDescriptor]
        public var block: DataBlockSA
        /// The form the method count was written in.
        public var methodCount: AXDRLengthForm

        public init(
            invokeIdAndPriority: InvokeIdAndPriority, methods: [CosemMethodDescriptor], block: DataBlockSA,
            methodCount: AXDRLengthForm = .canonical
        ) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.methods = methods
            self.block = block
            self.methodCount = methodCount
        }
    }

    /// Action-Request-With-Pblock.
    public struct WithPBlock: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var block: DataBlockSA

        public init(invokeIdAndPriority: InvokeIdAndPriority, block: DataBlockSA) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.block = block
        }
    }

    /// The CHOICE number of the variant (1 normal ... 6 with-pblock).
    public var choice: UInt8 {
        switch self {
        case .normal: 1
        case .nextPBlock: 2
        case .withList: 3
        case .withFirstPBlock: 4
        case .withListAndFirstPBlock: 5
        case .withPBlock: 6
        }
    }

    public var invokeIdAndPriority: InvokeIdAndPriority {
        switch self {
        case let .normal(request): request.invokeIdAndPriority
        case let .nextPBlock(request): request.invokeIdAndPriority
        case let .withList(request): request.invokeIdAndPriority
        case let .withFirstPBlock(request): request.invokeIdAndPriority
        case let .withListAndFirstPBlock(request): request.invokeIdAndPriority
        case let .withPBlock(request): request.invokeIdAndPriority
        }
    }
}
