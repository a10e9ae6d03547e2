extension DLMSData {
    /// The tag byte of each alternative of the COSEM `Data` CHOICE (Blue Book
    /// §4.1.5; spec-notes §5), with the kebab-case name the JSON contract uses.
    ///
    /// Tags 7, 8, 11 and 14 are not used by current editions and have no case:
    /// `TypeTag(rawValue:)` is nil for them as for every unknown byte.
    public enum TypeTag: UInt8, Sendable, Hashable, CaseIterable {
        case nullData = 0
        case array = 1
        case structure = 2
        case boolean = 3
        case bitString = 4
        case doubleLong = 5
        case doubleLongUnsigned = 6
        case octetString = 9
        case visibleString = 10
        case utf8String = 12
        case bcd = 13
        case integer = 15
        case long = 16
        case unsigned = 17
        case longUnsigned = 18
        case compactArray = 19
        case long64 = 20
        case long64Unsigned = 21
        case `enum` = 22
        case float32 = 23
        case float64 = 24
        case dateTime = 25
        case date = 26
        case time = 27
        case dontCare = 255

        /// The A-XDR type name in kebab case, as the JSON contract writes it.
        public var name: String {
            switch self {
            case .nullData: "null-data"
            case .array: "array"
            case .structure: "structure"
            case .boolean: "boolean"
            case .bitString: "bit-string"
            case .doubleLong: "double-long"
            case .doubleLongUnsigned: "double-long-unsigned"
            case .octetString: "octet-string"
            case .visibleString: "visible-string"
            case .utf8String: "utf8-string"
            case .bcd: "bcd"
            case .integer: "integer"
            case .long: "long"
            case .unsigned: "unsigned"
            case .longUnsigned: "long-unsigned"
            case .compactArray: "compact-array"
            case .long64: "long64"
            case .long64Unsigned: "long64-unsigned"
            case .enum: "enum"
            case .float32: "float32"
            case .float64: "float64"
            case .dateTime: "date-time"
            case .date: "date"
            case .time: "time"
            case .dontCare: "dont-care"
            }
        }

        /// The tag whose JSON name is `name`.
        public init?(name: String) {
            guard let tag = Self.allCases.first(where: { $0.name == name }) else { return nil }
            self = tag
        }

        /// The number of value bytes after the tag for types of fixed size
        /// (0 for null-data and dont-care); nil for types that carry a length
        /// or contain other values.
        public var fixedSize: Int? {
            switch self {
            case .nullData, .dontCare: 0
            case .boolean, .bcd, .integer, .unsigned, .enum: 1
            case .long, .longUnsigned: 2
            case .doubleLong, .doubleLongUnsigned, .float32: 4
            case .long64, .long64Unsigned, .float64: 8
            case .dateTime: COSEMDateTime.encodedCount
            case .date: COSEMDate.encodedCount
            case .time: COSEMTime.encodedCount
            case .array, .structure, .bitString, .octetString, .visibleString, .utf8String, .compactArray: nil
            }
        }

        /// Array, structure and compact-array: the types that contain other values.
        public var isContainer: Bool {
            self == .array || self == .structure || self == .compactArray
        }
    }
}
