import DLMSAPDU

// The ServiceError alternatives and values as the Gurux translator's simple
// XML names them (`<Initiate Value="DlmsVersionTooLow" />`).
//
// Gurux numbers the alternatives 0-7 as the Green Book does but then has
// task as 8 and no change-scope; by the Green Book 8 is change-scope, 9 task
// and 10 other, which is what dlmscope prints (`ChangeScope`, `Task`,
// `Other`). Values keep Gurux's spelling where it has one (including its
// `ObjectAccessInvalid` for object-access-violated and `tiStopped`);
// values neither defines are printed as two hex digits.
extension ServiceErrorGroup {
    /// The element name of the alternative, nil when the standard defines none.
    var guruxElementName: String? {
        switch rawValue {
        case 0: "ApplicationReference"
        case 1: "HardwareResource"
        case 2: "VdeStateError"
        case 3: "Service"
        case 4: "Definition"
        case 5: "Access"
        case 6: "Initiate"
        case 7: "LoadDataSet"
        case 8: "ChangeScope"
        case 9: "Task"
        case 10: "Other"
        default: nil
        }
    }

    /// The Value text of error `value` in this group.
    func guruxValueName(_ value: UInt8) -> String {
        Self.guruxValueNames[rawValue]?[value] ?? ACSEPresentation.hex(value)
    }

    private static let guruxValueNames: [UInt8: [UInt8: String]] = [
        0: [
            0: "Other", 1: "TimeElapsed", 2: "ApplicationUnreachable", 3: "ApplicationReferenceInvalid",
            4: "ApplicationContextUnsupported", 5: "ProviderCommunicationError", 6: "DecipheringError",
        ],
        1: [
            0: "Other", 1: "MemoryUnavailable", 2: "ProcessorResourceUnavailable", 3: "MassStorageUnavailable",
            4: "OtherResourceUnavailable",
        ],
        2: [0: "Other", 1: "NoDlmsContext", 2: "LoadingDataSet", 3: "StatusNochange", 4: "StatusInoperable"],
        3: [0: "Other", 1: "PduSize", 2: "ServiceUnsupported"],
        4: [0: "Other", 1: "ObjectUndefined", 2: "ObjectClassInconsistent", 3: "ObjectAttributeInconsistent"],
        5: [0: "Other", 1: "ScopeOfAccessViolated", 2: "ObjectAccessInvalid", 3: "HardwareFault", 4: "ObjectUnavailable"],
        6: [0: "Other", 1: "DlmsVersionTooLow", 2: "IncompatibleConformance", 3: "PduSizeTooShort", 4: "RefusedByTheVDEHandler"],
        7: [
            0: "Other", 1: "PrimitiveOutOfSequence", 2: "NotLoadable", 3: "DatasetSizeTooLarge", 4: "NotAwaitedSegment",
            5: "InterpretationFailure", 6: "StorageFailure", 7: "DataSetNotReady",
        ],
        8: [0: "Other"],
        9: [0: "Other", 1: "NoRemoteControl", 2: "tiStopped", 3: "tiRunning", 4: "tiUnusable"],
        10: [0: "Other"],
    ]
}
