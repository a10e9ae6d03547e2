import DLMSCore

/// Set-Response (Green Book, tag C5): the answer to a Set-Request.
///
/// - normal: the result of writing one attribute;
/// - datablock: acknowledges a block (its number) and asks for the next;
/// - last-datablock: the result once the last block arrived;
/// - last-datablock-with-list: one result per attribute once the last block arrived;
/// - with-list: one result per attribute of a Set-Request-With-List.
public enum SetResponse: Sendable, Hashable {
    case normal(Normal)
    case dataBlock(DataBlock)
    case lastDataBlock(LastDataBlock)
    case lastDataBlockWithList(LastDataBlockWithList)
    case withList(WithList)

    public static let tag: UInt8 = 0xC5

    /// Set-Response-Normal.
    public struct Normal: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var result: DataAccessResult

        public init(invokeIdAndPriority: InvokeIdAndPriority, result: DataAccessResult) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.result = result
        }
    }

    /// Set-Response-Datablock.
    public struct DataBlock: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var blockNumber: UInt32

        public init(invokeIdAndPriority: InvokeIdAndPriority, blockNumber: UInt32) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.blockNumber = blockNumber
        }
    }

    /// Set-Response-Last-Datablock.
    public struct LastDataBlock: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var result: DataAccessResult
        public var blockNumber: UInt32

        public init(invokeIdAndPriority: InvokeIdAndPriority, result: DataAccessResult, blockNumber: UInt32) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.result = result
            self.blockNumber = blockNumber
        }
    }

    /// Set-Response-Last-Datablock-With-List.
    public struct LastDataBlockWithList: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var results: [DataAccessResult]
        public var blockNumber: UInt32
        /// The form the result count was written in.
        public var resultCount: AXDRLengthForm

        public init(
            invokeIdAndPriority: InvokeIdAndPriority, results: [DataAccessResult], blockNumber: UInt32,
            resultCount: AXDRLengthForm = .canonical
        ) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.results = results
            self.blockNumber = blockNumber
            self.resultCount = resultCount
        }
    }

    /// Set-Response-With-List.
    public struct WithList: Sendable, Hashable {
        public var invokeIdAndPriority: InvokeIdAndPriority
        public var results: [DataAccessResult]
        /// The form the result count was written in.
        public var resultCount: AXDRLengthForm

        public init(
            invokeIdAndPriority: InvokeIdAndPriority, results: [DataAccessResult],
            resultCount: AXDRLengthForm = .canonical
        ) {
            self.invokeIdAndPriority = invokeIdAndPriority
            self.results = results
            self.resultCount = resultCount
        }
    }

    /// The CHOICE number of the variant (1 normal ... 5 with-list).
    public var choice: UInt8 {
        switch self {
        case .normal: 1
        case .dataBlock: 2
        case .lastDataBlock: 3
        case .lastDataBlockWithList: 4
        case .withList: 5
        }
    }

    public var invokeIdAndPriority: InvokeIdAndPriority {
        switch self {
        case let .normal(response): response.invokeIdAndPriority
        case let .dataBlock(response): response.invokeIdAndPriority
        case let .lastDataBlock(response): response.invokeIdAndPriority
        case let .lastDataBlockWithList(response): response.invokeIdAndPriority
        case let .withList(response): response.invokeIdAndPriority
        }
    }
}
