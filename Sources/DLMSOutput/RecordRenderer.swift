import DLMSAnalysis

/// Turns records into bytes of one output format. A renderer is told where
/// each input begins and ends, so that formats with a document structure
/// (XML) can open and close it.
public protocol RecordRenderer {
    mutating func beginInput(_ name: String, into out: inout [UInt8])
    mutating func render(_ record: Record, input name: String, into out: inout [UInt8])
    mutating func endInput(_ name: String, into out: inout [UInt8])
    /// After the last input.
    mutating func finish(into out: inout [UInt8])
}
