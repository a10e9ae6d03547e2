import DLMSCore

/// Access-Request-Specification (Green Book, ACCESS service): one request of
/// an Access-Request, naming its attribute or method by logical name. Its
/// value (SET), parameters (ACTION) or a null-data placeholder (GET) is the
/// element at the same index of the request's list of data.
public enum AccessRequestSpecification: Sendable, Hashable {
    /// `access-request-get [1]`.
    case get(CosemAttributeDescriptor)
    /// `access-request-set [2]`.
    case set(CosemAttributeDescriptor)
    /// `access-request-action [3]`.
    case action(CosemMethodDescriptor)
    /// `access-request-get-with-selection [4]`.
    case getWithSelection(CosemAttributeDescriptor, SelectiveAccessDescriptor)
    /// `access-request-set-with-selection [5]`.
    case setWithSelection(CosemAttributeDescriptor, SelectiveAccessDescriptor)

    /// Encoded size of the smallest specification: choice and descriptor.
    static let minimumSize = 10

    /// The CHOICE number (1 get ... 5 set-with-selection).
    public var choice: UInt8 {
        switch self {
        case .get: 1
        case .set: 2
        case .action: 3
        case .getWithSelection: 4
        case .setWithSelection: 5
        }
    }

    /// The attribute of a get or set, nil for an action.
    public var attribute: CosemAttributeDescriptor? {
        switch self {
        case let .get(attribute), let .set(attribute), let .getWithSelection(attribute, _),
             let .setWithSelection(attribute, _):
            attribute
        case .action:
            nil
        }
    }

    public init(from reader: inout ByteReader) throws(DecodingError) {
        let choice = try LNServiceFields.choice(
            "Access-Request-Specification", in: 1...5,
            alternatives: "1 get, 2 set, 3 action, 4 get-with-selection, 5 set-with-selection", from: &reader
        )
        switch choice {
        case 1: self = .get(try CosemAttributeDescriptor(from: &reader))
        case 2: self = .set(try CosemAttributeDescriptor(from: &reader))
        case 3: self = .action(try CosemMethodDescriptor(from: &reader))
        case 4:
            let attribute = try CosemAttributeDescriptor(from: &reader)
            self = .getWithSelection(attribute, try SelectiveAccessDescriptor(from: &reader))
        default:
            let attribute = try CosemAttributeDescriptor(from: &reader)
            self = .setWithSelection(attribute, try SelectiveAccessDescriptor(from: &reader))
        }
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes.append(choice)
        switch self {
        case let .get(attribute), let .set(attribute):
            attribute.encode(into: &bytes)
        case let .action(method):
            method.encode(into: &bytes)
        case let .getWithSelection(attribute, selection), let .setWithSelection(attribute, selection):
            attribute.encode(into: &bytes)
            selection.encode(into: &bytes)
        }
    }
}
