import DLMSAPDU
import DLMSCore
import DLMSTestSupport
import Testing

/// Selective access: range and entry descriptors read into named fields
/// (vector f11, reference case 10), other selectors and shapes kept as Data.
@Suite struct SelectiveAccessTests {
    @Test func vectorF11RangeDescriptor() throws {
        let vector = try DataVectors.vector("f11")
        let parameters = try DLMSData(decoding: try DataVectors.input(of: vector))
        let descriptor = SelectiveAccessDescriptor(accessSelector: 1, accessParameters: parameters)
        guard case let .range(range) = descriptor.parameters else {
            Issue.record("not a range: \(descriptor.parameters)")
            return
        }
        // f11: restricting object {class 8, 0.0.1.0.0.255, attr 2, data-index 0}, from, to, selected values empty.
        #expect(range.restrictingObject == CaptureObjectDefinition(classId: 8, logicalName: OBISCode(0, 0, 1, 0, 0), attributeIndex: 2, dataIndex: 0))
        #expect(range.from == .octetString(try LNTest.hex("07E40101FF00030000FF8800")))
        #expect(range.to == .octetString(try LNTest.hex("07E40106FF00030000FFC400")))
        #expect(range.selectedValues.isEmpty)
        // Built back from its fields it is the same Data, so the same bytes.
        #expect(range.data == parameters)
        #expect(SelectiveAccessDescriptor(range: range) == descriptor)
    }

    @Test func guruxCase10RangeAndEntryDescriptors() throws {
        let request = try LNTest.decode(GetRequest.self, try GuruxCase.apdu("10_get_request_selective_range")).value
        guard case let .normal(normal) = request, case .range? = normal.accessSelection?.parameters else {
            Issue.record("no range")
            return
        }
        let entry = EntryDescriptor(fromEntry: 1, toEntry: 5, fromSelectedValue: 1, toSelectedValue: 0)
        let descriptor = SelectiveAccessDescriptor(entry: entry)
        #expect(descriptor.accessSelector == 2)
        #expect(descriptor.parameters == .entry(entry))
        var bytes = [UInt8]()
        descriptor.encode(into: &bytes)
        #expect(bytes == (try LNTest.hex("020204060000000106000000051200011200 00")))
    }

    @Test func otherSelectorsAndShapesKeepTheirData() throws {
        let objectList = SelectiveAccessDescriptor(accessSelector: 3, accessParameters: .array([.longUnsigned(8)]))
        #expect(objectList.parameters == .other(.array([.longUnsigned(8)])))
        // Selector 1 whose parameters are not a range_descriptor (e.g. Association LN object_list by class).
        let notARange = SelectiveAccessDescriptor(accessSelector: 1, accessParameters: .structure([.longUnsigned(8)]))
        #expect(notARange.parameters == .other(.structure([.longUnsigned(8)])))
        let badColumn = RangeDescriptor(.structure([
            CaptureObjectDefinition(classId: 8, logicalName: OBISCode(0, 0, 1, 0, 0), attributeIndex: 2).data,
            .doubleLongUnsigned(1), .doubleLongUnsigned(2), .array([.nullData]),
        ]))
        #expect(badColumn == nil)
        #expect(EntryDescriptor(.structure([.doubleLongUnsigned(1), .doubleLongUnsigned(2), .longUnsigned(1)])) == nil)
        // Numbers of other integer types are read when they fit.
        #expect(EntryDescriptor(.structure([.unsigned(1), .longUnsigned(2), .unsigned(1), .unsigned(0)]))
            == EntryDescriptor(fromEntry: 1, toEntry: 2, fromSelectedValue: 1, toSelectedValue: 0))
        #expect(EntryDescriptor(.structure([.integer(-1), .longUnsigned(2), .unsigned(1), .unsigned(0)])) == nil)
    }

    @Test func descriptorsCutShortFail() throws {
        var reader = ByteReader(try LNTest.hex("01"))
        #expect(throws: DecodingError.self) { try SelectiveAccessDescriptor(from: &reader) }
        var empty = ByteReader([])
        #expect(throws: DecodingError.self) { try SelectiveAccessDescriptor(from: &empty) }
    }
}
