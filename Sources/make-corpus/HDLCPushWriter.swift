import DLMSFraming
import DLMSTestSupport

/// HDLC-over-serial push as a HAN port delivers it (one DLT_USER0 packet per
/// frame): data-notifications from the meter (2-byte address 1/17) to the
/// client (SAP 16) in UI frames, every 10th one too long for one frame and
/// segmented into I frames of at most 64 information bytes.
struct HDLCPushWriter {
    let corpus: CorpusWriter
    private let meter = HDLCFrameBuilder.address(upper: 1, lower: 17)
    private let client = HDLCFrameBuilder.address(upper: 16)
    private(set) var notifications = 0

    init(corpus: CorpusWriter) { self.corpus = corpus }

    /// A data-notification: long-invoke-id, date-time, and a structure of the
    /// OBIS list version, the meter id and 12 double-long-unsigned readings
    /// (`long` adds 12 more).
    static func notification(_ number: Int, long: Bool) -> [UInt8] {
        let quarter = number % (28 * 96)
        let time = ProfileRows.dateTime(day: 1 + quarter / 96, hour: quarter % 96 / 4, minute: quarter % 4 * 15)
        let readings = long ? 24 : 12
        var bytes: [UInt8] = [0x0F] + ProfileRows.be32(number) + [0x0C] + time
        bytes += [0x02, UInt8(2 + readings), 0x0A, 0x0B] + Array("AIDON_V0001".utf8)
        bytes += [0x09, 0x08] + Array("73400012".utf8)
        for reading in 0..<readings {
            bytes += [0x06] + ProfileRows.be32(1_000 * reading + number % 997)
        }
        return bytes
    }

    mutating func writeNext() {
        notifications += 1
        let apdu = Self.notification(notifications, long: notifications % 10 == 0)
        corpus.count(apdu: apdu)
        if notifications % 10 == 0 {
            let frames = HDLCFrameBuilder.segmentedIFrames(
                apdu: apdu, destination: client, source: meter, maxInformation: 64,
                firstSendSequence: UInt8(truncatingIfNeeded: notifications / 10 % 8))
            frames.forEach(corpus.emit(frame:))
        } else {
            corpus.emit(frame: HDLCFrameBuilder.frame(
                destination: client, source: meter, control: 0x13, information: LLCHeader.response.bytes + apdu))
        }
    }
}
