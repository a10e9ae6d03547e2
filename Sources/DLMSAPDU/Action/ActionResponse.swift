import DLMSCore

/// Action-Response (Green Book, tag C7): the answer to an Action-Request.
///
/// - normal: the result of one method and its OPTIONAL return parameters;
/// - with-pblock: one block of the return parameters;
/// - with-list: one response per method of an Action-Request-With-List;
/// - next-pblock: acknowledges a block of parameters (its number) and asks for the next.
public enum ActionResponse: Sendable, Hashable {
    case normal(Normal)
    case withPBlock(WithPBlock)
    case withList(WithList)
    case nextPBlock(NextPBlock)

    public static let tag: UInt8 = 0xC7

    /// Action-Response-Normal.
    public struct Normal: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var response: ActionResponseWithOptionalData

        public init(invokeIdAndPriority: InvokeIdAndPriority, response: ActionResponseWithOptionalData) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.response = response
        }
    }

    /// Action-Response-With-Pblock.
    public struct WithPBlock: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var block: DataBlockSA

        public init(invokeIdAndPriority: InvokeIdAndPriority, block: DataBlockSA) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.block = block
        }
    }

    /// Action-Response-With-List.
    public struct WithList: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var responses: [ActionResponseWithOptionalData]
        /// The form the response count was written in.
        public var responseCount: AXDRLengthForm

        public init(
            invokeIdAndPriority: InvokeIdAndPriority, responses: [ActionResponseWithOptionalData],
            responseCount: AXDRLengthForm = .canonical
        ) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.responses = responses
            self.responseCount = responseCount
        }
    }

    /// Action-Response-Next-Pblock.
    public struct NextPBlock: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var blockNumber: UInt32

        public init(invokeIdAndPriority: InvokeIdAndPriority, blockNumber: UInt32) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.blockNumber = blockNumber
        }
    }

    /// The CHOICE number of the variant (1 normal ... 4 next-pblock).
    public var choice: UInt8 {
        switch self {
        case .normal: 1
        case .withPBlock: 2
        case .withList: 3
        case .nextPBlock: 4
        }
    }

    public var invokeIdAndPriority: InvokeIdAndPriority {
        switch self {
        case let .normal(response): response.invokeIdAndPriority
        case let .withPBlock(response): response.invokeIdAndPriority
        case let .withList(response): response.invokeIdAndPriority
        case let .nextPBlock(response): response.invokeIdAndPriority
        }
    }
}
