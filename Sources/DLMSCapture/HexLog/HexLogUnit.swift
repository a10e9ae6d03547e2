import DLMSCore

/// The bytes of a multi-line unit (a dump or logger block) while its lines arrive.
///
/// A unit never holds more than `HexLogParser.maxUnitLength` bytes: when a line
/// would take it past that, the bytes so far are emitted as a packet and the
/// unit goes on as a new packet numbered by that line. Findings about the unit
/// wait and follow its packet.
struct HexLogUnit {
    var number: Int
    var timestamp: Timestamp?
    var direction: Direction
    private(set) var data: [UInt8] = []
    /// Bytes gathered so far, including those already emitted.
    private(set) var total = 0
    var findings: [Finding] = []

    init(number: Int, timestamp: Timestamp? = nil, direction: Direction = .unknown) {
        self.number = number
        self.timestamp = timestamp
        self.direction = direction
    }

    /// Room left before the unit reaches its bound.
    var room: Int { max(0, HexLogParser.maxUnitLength - data.count) }

    mutating func append(_ bytes: some Collection<UInt8>, line: Int, into events: inout [CaptureEvent]) {
        if !data.isEmpty, bytes.count > room {
            emit(into: &events)
            number = line
        }
        data.append(contentsOf: bytes)
        total &+= bytes.count
    }

    /// Appends `count` bytes repeating `pattern` (the caller keeps `count` within `room`).
    mutating func appendRepeating(_ pattern: [UInt8], count: Int) {
        guard !pattern.isEmpty, count > 0 else { return }
        // Copies of the pattern, up to 64 KiB, appended as many times as needed.
        var chunk = pattern
        while chunk.count < min(count, 1 << 16) { chunk += chunk }
        data.reserveCapacity(data.count + count)
        var left = count
        while left > 0 {
            let piece = chunk.prefix(left)
            data.append(contentsOf: piece)
            left -= piece.count
        }
        total &+= count
    }

    mutating func removeLastByte() {
        guard !data.isEmpty else { return }
        data.removeLast()
        total &-= 1
    }

    /// Emits the bytes gathered (if any) as a packet, then the waiting findings.
    mutating func emit(into events: inout [CaptureEvent]) {
        if !data.isEmpty {
            events.append(.packet(CapturedPacket(
                number: number, timestamp: timestamp, linkType: .serial, data: data, direction: direction
            )))
            data = []
        }
        events.append(contentsOf: findings.map(CaptureEvent.finding))
        findings = []
    }
}
