import DLMSCore

/// Selective-Access-Descriptor (Green Book, xDLMS ASN.1): which part of an
/// attribute a GET or SET addresses, as an access-selector and its
/// access-parameters (a Data value whose shape the selector and the
/// object's class define, Blue Book).
///
/// The parameters are kept as received, so that the bytes survive a round
/// trip whatever their shape; `parameters` reads them as the Profile generic
/// `range_descriptor` (selector 1) or `entry_descriptor` (selector 2) when
/// they have that shape, which is what selectors 1 and 2 mean for the
/// buffers that are read selectively in practice (profiles, compact data).
public struct SelectiveAccessDescriptor: Sendable, Hashable {
    public var accessSelector: UInt8
    public var accessParameters: DLMSData

    public init(accessSelector: UInt8, accessParameters: DLMSData) {
        self.accessSelector = accessSelector
        self.accessParameters = accessParameters
    }

    /// Selector 1 with a range_descriptor.
    public init(range: RangeDescriptor) {
        self.init(accessSelector: 1, accessParameters: range.data)
    }

    /// Selector 2 with an entry_descriptor.
    public init(entry: EntryDescriptor) {
        self.init(accessSelector: 2, accessParameters: entry.data)
    }

    /// Reads the access-selector and the access-parameters (no presence flag).
    public init(from reader: inout ByteReader) throws(DecodingError) {
        accessSelector = try LNServiceFields.uint8("access-selector", from: &reader)
        accessParameters = try LNServiceFields.data("access-parameters", from: &reader)
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes.append(accessSelector)
        accessParameters.encode(into: &bytes)
    }

    /// The access-parameters read by their selector.
    public enum Parameters: Sendable, Hashable {
        /// Selector 1 holding a range_descriptor.
        case range(RangeDescriptor)
        /// Selector 2 holding an entry_descriptor.
        case entry(EntryDescriptor)
        /// Any other selector, or parameters of another shape.
        case other(DLMSData)
    }

    /// The parameters as a range or entry descriptor when the selector is 1
    /// or 2 and they have that shape; else the Data value as it is.
    public var parameters: Parameters {
        switch accessSelector {
        case 1: RangeDescriptor(accessParameters).map(Parameters.range) ?? .other(accessParameters)
        case 2: EntryDescriptor(accessParameters).map(Parameters.entry) ?? .other(accessParameters)
        default: .other(accessParameters)
        }
    }
}
