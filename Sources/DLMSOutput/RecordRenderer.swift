import DLMSAnalysis

/// Turns records into bytes of one output format. A renderer is told where
/// each input begins and ends, so that formats with a document structure
/// (XML) can open and close it.
public protocol RecordRenderer {
    /// Before the first input: a document's prologue (the XML declaration and root). Written
    /// by the first `beginInput` when not called; a batch that renders inputs apart calls it
    /// on each renderer so that only its frame renderer's prologue reaches the output.
    mutating func start(into out: inout [UInt8])
    mutating func beginInput(_ name: String, into out: inout [UInt8])
    mutating func render(_ record: Record, input name: String, into out: inout [UInt8])
    mutating func endInput(_ name: String, into out: inout [UInt8])
    /// After the last input.
    mutating func finish(into out: inout [UInt8])
}

extension RecordRenderer {
    /// Formats without a document structure have no prologue.
    public mutating func start(into out: inout [UInt8]) {}
}
