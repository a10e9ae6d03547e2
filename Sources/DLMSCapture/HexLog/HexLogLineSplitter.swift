/// Cuts a byte stream into lines, whatever the chunking: LF, CRLF and a lone CR
/// each end a line. A line longer than `maxLineLength` is not buffered: it is
/// reported as overlong and its bytes are dropped up to the next line end.
struct HexLogLineSplitter {
    enum Piece {
        /// A line without its line end; `number` is 1-based.
        case line(ArraySlice<UInt8>, number: Int)
        case overlong(number: Int)
    }

    let maxLineLength: Int
    private var pending: [UInt8] = []
    private var overlong = false
    private var lineNumber = 0
    /// The previous chunk ended in CR: an LF at the start of the next one belongs to it.
    private var afterCR = false

    init(maxLineLength: Int) {
        self.maxLineLength = max(maxLineLength, 1)
    }

    mutating func push(_ chunk: ArraySlice<UInt8>, _ body: (Piece) -> Void) {
        var index = chunk.startIndex
        if afterCR, index < chunk.endIndex {
            if chunk[index] == 0x0A { index += 1 }
            afterCR = false
        }
        while index < chunk.endIndex {
            guard let end = chunk[index...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else {
                store(chunk[index...])
                return
            }
            if pending.isEmpty, !overlong, end - index <= maxLineLength {
                lineNumber += 1
                body(.line(chunk[index..<end], number: lineNumber))
            } else {
                store(chunk[index..<end])
                emit(body)
            }
            index = end + 1
            if chunk[end] == 0x0D {
                if index < chunk.endIndex {
                    if chunk[index] == 0x0A { index += 1 }
                } else {
                    afterCR = true
                }
            }
        }
    }

    /// Emits the last line when the input does not end with a line end.
    mutating func finish(_ body: (Piece) -> Void) {
        if !pending.isEmpty || overlong { emit(body) }
    }

    private mutating func store(_ bytes: ArraySlice<UInt8>) {
        guard !overlong else { return }
        if bytes.count > maxLineLength - pending.count {
            overlong = true
            pending = []
        } else {
            pending.append(contentsOf: bytes)
        }
    }

    private mutating func emit(_ body: (Piece) -> Void) {
        lineNumber += 1
        if overlong {
            body(.overlong(number: lineNumber))
        } else {
            body(.line(pending[...], number: lineNumber))
        }
        overlong = false
        pending.removeAll(keepingCapacity: pending.capacity <= 1 << 16)
    }
}
