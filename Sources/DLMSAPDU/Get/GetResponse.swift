import DLMSCore

/// Get-Response (Green Book, tag C4): the answer to a Get-Request.
///
/// - normal: the value of one attribute, or why it could not be read;
/// - with-datablock: one block of a value sent in blocks (DataBlock-G);
/// - with-list: one result per attribute of a Get-Request-With-List.
public enum GetResponse: Sendable, Hashable {
    case normal(Normal)
    case withDataBlock(WithDataBlock)
    case withList(WithList)

    public static let tag: UInt8 = 0xC4

    /// Get-Response-Normal.
    public struct Normal: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var result: GetDataResult

        public init(invokeIdAndPriority: InvokeIdAndPriority, result: GetDataResult) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.result = result
        }
    }

    /// Get-Response-With-Datablock.
    public struct WithDataBlock: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var block: DataBlockG

        public init(invokeIdAndPriority: InvokeIdAndPriority, block: DataBlockG) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.block = block
        }
    }

    /// Get-Response-With-List.
    public struct WithList: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var results: [GetDataResult]
        /// The form the result count was written in.
        public var resultCount: AXDRLengthForm

        public init(
            invokeIdAndPriority: InvokeIdAndPriority, results: [GetDataResult], resultCount: AXDRLengthForm = .canonical
        ) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.results = results
            self.resultCount = resultCount
        }
    }

    /// The CHOICE number of the variant (1 normal, 2 with-datablock, 3 with-list).
    public var choice: UInt8 {
        switch self {
        case .normal: 1
        case .withDataBlock: 2
        case .withList: 3
        }
    }

    public var invokeIdAndPriority: InvokeIdAndPriority {
        switch self {
        case let .normal(response): response.invokeIdAndPriority
        case let .withDataBlock(response): response.invokeIdAndPriority
        case let .withList(response): response.invokeIdAndPriority
        }
    }
}
