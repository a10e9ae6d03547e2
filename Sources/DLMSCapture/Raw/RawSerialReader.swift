import DLMSCore

/// Reads a file of raw serial bytes (`--raw`) as one byte stream, in chunks
/// numbered from 1; the framing stage finds the frames in it.
public final class RawSerialReader: CaptureReader {
    public static let chunkSize = 1 << 16
    private let input: InputFile
    private var number = 0
    private var done = false

    public init(input: InputFile) {
        self.input = input
    }

    public func next() -> CaptureEvent? {
        guard !done else { return nil }
        var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        var count = 0
        var block = [UInt8](repeating: 0, count: Self.chunkSize)
        while count < chunk.count {
            let got = input.read(into: &block, count: chunk.count - count)
            guard got > 0 else { break }
            chunk.replaceSubrange(count..<(count + got), with: block[..<got])
            count += got
        }
        guard count > 0 else {
            done = true
            guard let error = input.readError else { return nil }
            return .finding(Finding(.inputReadError, "reading stopped early: \(error)", packet: number + 1))
        }
        number += 1
        chunk.removeSubrange(count...)
        return .packet(CapturedPacket(number: number, timestamp: nil, linkType: .serial, data: chunk))
    }
}
