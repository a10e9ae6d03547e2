import DLMSCore

/// Reads a hex log (see `HexLogParser` for the formats) from an input, in
/// 64 KiB blocks, line by line: memory stays bounded by the longest unit.
public final class HexLogReader: CaptureReader {
    /// How many bytes are read from the input at a time.
    public static let blockSize = 1 << 16

    private let input: InputFile
    private var splitter = HexLogLineSplitter(maxLineLength: HexLogParser.maxLineLength)
    private var parser = HexLogParser()
    private var block = [UInt8](repeating: 0, count: HexLogReader.blockSize)
    private var queue: [CaptureEvent] = []
    private var queueHead = 0
    private var linesSeen = 0
    private var atEnd = false

    public init(input: InputFile) {
        self.input = input
    }

    public func next() -> CaptureEvent? {
        while queueHead >= queue.count {
            queue.removeAll(keepingCapacity: true)
            queueHead = 0
            guard !atEnd else { return nil }
            readBlock()
        }
        defer { queueHead += 1 }
        return queue[queueHead]
    }

    private func readBlock() {
        let count = input.read(into: &block, count: block.count)
        guard count > 0 else {
            atEnd = true
            splitter.finish(handle)
            queue.append(contentsOf: parser.finish())
            if let error = input.readError {
                queue.append(.finding(Finding(
                    .inputReadError, "reading stopped early: \(error)", packet: linesSeen + 1
                )))
            }
            return
        }
        splitter.push(block[..<count], handle)
    }

    private func handle(_ piece: HexLogLineSplitter.Piece) {
        switch piece {
        case let .line(line, number):
            linesSeen = number
            queue.append(contentsOf: parser.consume(line: line, number: number))
        case let .overlong(number):
            linesSeen = number
            queue.append(contentsOf: parser.skipOverlongLine(number: number))
        }
    }
}
