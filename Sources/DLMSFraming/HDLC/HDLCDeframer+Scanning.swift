import DLMSCore

extension HDLCDeframer {
    /// What the bytes at an opening flag (buffer index 0) turn out to be.
    enum Decision {
        /// Undecided until the buffer holds this many bytes.
        case wait(Int)
        /// A frame whose body ends before buffer index `end`; `closed` when a flag is there.
        case frame(end: Int, closed: Bool)
        /// No more bytes will come and the frame cannot complete.
        case incomplete
        /// The flag opens no frame.
        case none
    }

    /// Frames and skips as far as the buffered bytes allow. With `cut` set no
    /// more bytes will come, and every frame is decided with what is there.
    mutating func scan(cut: HDLCGarbageRun.Cut?, into units: inout [FramedUnit]) {
        needed = 1
        while !buffer.isEmpty {
            let flag = buffer.firstIndex(of: Self.flag) ?? buffer.count
            if flag > 0 {
                skipGarbage(flag, into: &units)
                continue
            }
            // Idle fill: only the last flag of a run can open a frame.
            var next = 1
            while buffer[next] == Self.flag { next += 1 }
            if next > 1 {
                buffer.drop(next - 1)
                continue
            }
            guard buffer.count > 1 else {
                needed = 2
                return
            }
            switch decide(final: cut != nil) {
            case let .wait(count):
                needed = count
                return
            case let .frame(end, closed):
                deliverFrame(end: end, closed: closed, into: &units)
            case .incomplete:
                garbage.cut = cut
                buffer.drop(1)
            case .none:
                buffer.drop(1)
            }
        }
    }

    /// Decides what the flag at index 0 opens, reading at most
    /// 1 + 2047 + `endSearchWindow` + 1 bytes.
    func decide(final: Bool) -> Decision {
        guard let first = buffer[1], first >> 4 == 0xA else { return .none }
        guard let second = buffer[2] else { return final ? .incomplete : .wait(3) }
        let length = Int(first & 0x07) << 8 | Int(second)
        let end = 1 + length
        let closes = length >= Self.minimumBodySize && buffer[end] == Self.flag
        if closes && checks(end: end) { return .frame(end: end, closed: true) }

        // The closing flag is not where the length says, or the FCS is wrong there.
        let window = Self.endSearchWindow
        if !final && buffer.count <= end + window { return .wait(end + window + 1) }
        // Only a credible header is worth more: one whose HCS is right, or a
        // frame with no information (which has no HCS). This keeps the search cheap.
        let header = headerSize()
        let hcsValid = header.map { checks(end: 1 + $0 + 2) } ?? false
        if let header {
            // A flag close by where the FCS is right is the frame's real end.
            for distance in 1...window {
                for candidate in [end - distance, end + distance] {
                    let size = candidate - 1
                    guard size == header + 2 || (size >= header + 4 && hcsValid) else { continue }
                    if buffer[candidate] == Self.flag && checks(end: candidate) {
                        return .frame(end: candidate, closed: true)
                    }
                }
            }
        }
        if closes { return .frame(end: end, closed: true) }
        guard buffer[end] != nil else { return .incomplete }
        // No flag follows, but a right HCS shows the header is a real frame's.
        guard let header, hcsValid, length >= header + 4 else { return .none }
        return .frame(end: end, closed: false)
    }

    /// Whether the bytes after the opening flag up to `end` end with a right check sequence.
    private func checks(end: Int) -> Bool {
        FrameCheckSequence.isValid(buffer.slice(1..<end))
    }

    /// The size of the frame header (format, addresses, control) after the
    /// flag, when each address ends within 4 bytes and the control byte is there.
    private func headerSize() -> Int? {
        var index = 3
        for _ in 0..<2 {
            var size = 0
            while size < 4, let byte = buffer[index] {
                index += 1
                size += 1
                if byte & 0x01 != 0 { break }
            }
            guard size > 0, buffer[index - 1].map({ $0 & 0x01 != 0 }) == true else { return nil }
        }
        return buffer[index] == nil ? nil : index
    }

    /// Skips `count` bytes that belong to no frame, reporting a run when it reaches the bound.
    mutating func skipGarbage(_ count: Int, into units: inout [FramedUnit]) {
        var left = count
        while left > 0 {
            if garbage.count == 0 { garbage.offset = buffer.streamOffset }
            let taken = min(left, Self.maxGarbageRun - garbage.count)
            HDLCSegmentAssembler.append(buffer.drop(taken), to: &garbage.carriers)
            garbage.count += taken
            left -= taken
            if garbage.count >= Self.maxGarbageRun {
                garbage.event.map { units.append($0) }
                garbage = HDLCGarbageRun()
            }
        }
    }
}
