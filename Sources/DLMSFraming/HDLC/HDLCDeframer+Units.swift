import DLMSCore

extension HDLCDeframer {
    /// Takes the frame whose body ends before buffer index `end` and hands on
    /// its unit (after the report of any bytes skipped before it).
    mutating func deliverFrame(end: Int, closed: Bool, into units: inout [FramedUnit]) {
        let start = buffer.streamOffset
        let offset = Int(clamping: start)
        buffer.drop(1)
        let body = Array(buffer.slice(0..<(end - 1)))
        let carriers = buffer.drop(end - 1)
        guard var frame = HDLCFrame(body: body[...]) else {
            // Not reached: `decide` checked the format type and the size. Count the bytes as skipped.
            if garbage.count == 0 { garbage.offset = start }
            garbage.count += body.count
            HDLCSegmentAssembler.append(carriers, to: &garbage.carriers)
            return
        }
        if !closed {
            frame.findings.append(Finding(
                .hdlcLengthMismatch, "no closing flag after the \(frame.length) bytes the format field announces"))
        }
        for index in frame.findings.indices where frame.findings[index].offset == nil {
            frame.findings[index].offset = offset
        }
        // Bytes skipped before a frame are no frame, even if they looked like the start of one.
        garbage.cut = nil
        garbage.event.map { units.append($0) }
        garbage = HDLCGarbageRun()
        deliver(frame, carriers: carriers, into: &units)
    }

    private mutating func deliver(_ frame: HDLCFrame, carriers: [Carrier], into units: inout [FramedUnit]) {
        let link = HDLCLink(frame)
        let llc = frame.llc
        let direction = directions.direction(of: frame, llc: llc, link: link)
        guard frame.control?.type.carriesAPDU == true, let link else {
            units.append(FramedUnit(
                kind: .hdlc, fields: frame.fields(llc: nil, segments: 1, direction: direction),
                carriers: carriers, findings: frame.findings, direction: direction))
            return
        }
        guard let message = segments.take(frame, on: link, llc: llc, carriers: carriers, into: &units) else {
            return
        }
        let joined = message.segments > 1
        let messageDirection = joined ? directions.direction(of: frame, llc: message.llc, link: link) : direction
        let fields = frame.fields(llc: message.llc, segments: message.segments, direction: messageDirection)
        units.append(FramedUnit(
            kind: .hdlc, fields: fields,
            apdu: joined || !frame.information.isEmpty ? message.apdu : nil,
            carriers: message.carriers, findings: message.findings, direction: messageDirection))
    }
}
