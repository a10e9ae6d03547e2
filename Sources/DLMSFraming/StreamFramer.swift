import DLMSCore

/// Chooses and drives the framing of one stream: one direction of a TCP
/// connection, a UDP flow, or a serial line.
///
/// - `stream` input (TCP, raw serial files, DLT_USER links): bytes are
///   buffered until a framing is recognised (a signature at the start, or
///   later the first complete frame whose check holds); bytes before it are
///   reported as garbage. A stream in which nothing is recognised within 4 KiB
///   is reported once and its further bytes are dropped.
/// - `datagrams` (UDP): each datagram is recognised on its own, since one flow
///   can mix framings (the PLC sample sends HDLC and IEC 61334-4-32 frames on
///   one port); each framing keeps its state (HDLC segments span datagrams).
/// - `lines` (hex logs): the first recognisable line decides. HDLC, M-Bus and
///   WRAPPER make the log one byte stream (a frame may span lines); a bare
///   APDU makes every line one APDU.
///
/// `forced` (`--transport`) skips recognition.
public struct StreamFramer {
    public enum Input: Sendable {
        case stream
        case datagrams
        case lines
    }

    private let input: Input
    private let forced: TransportKind?
    /// Whether a unit may be a bare APDU (lines, and datagrams on DLMS ports).
    private let allowsBare: Bool
    private var deframer: (any Deframer)?
    /// Whether `deframer` is a `UnitDeframer` (each input piece is one unit): kept beside it
    /// rather than asked of the existential for every piece of input.
    private var deframerIsUnit = false
    /// Per-framing deframers of a datagram flow.
    private var datagramDeframers: [TransportKind: any Deframer] = [:]
    /// Bytes waiting for recognition (stream input).
    private var probe = StreamBuffer()
    private var unrecognized = false
    private var skippedDatagrams = 0
    private var lastCarrier: Carrier?

    public init(input: Input, forced: TransportKind? = nil, allowsBareAPDUs: Bool) {
        self.input = input
        self.forced = forced
        allowsBare = allowsBareAPDUs
    }

    /// Takes the next bytes; for `datagrams` and `lines` each call is one whole unit.
    public mutating func append(_ bytes: ArraySlice<UInt8>, from carrier: Carrier, into units: inout [FramedUnit]) {
        lastCarrier = carrier
        switch input {
        case .datagrams: datagram(bytes, from: carrier, into: &units)
        case .lines: line(bytes, from: carrier, into: &units)
        case .stream: stream(bytes, from: carrier, into: &units)
        }
    }

    public mutating func gap(byteCount: UInt64, at carrier: Carrier, into units: inout [FramedUnit]) {
        if deframer != nil {
            deframer?.gap(byteCount: byteCount, at: carrier, into: &units)
        } else if !probe.isEmpty {
            // Recognition restarts after the gap; what came before it is reported.
            let count = probe.count
            let carriers = probe.removeAll(skipping: byteCount)
            units.append(.event(Finding(.frameGarbageSkipped,
                                        "\(count) bytes before a capture gap in which no framing was recognised",
                                        packet: carriers.first?.packet), carriers: carriers))
        }
    }

    public mutating func finish(into units: inout [FramedUnit]) {
        if input == .stream, deframer == nil, !unrecognized, !probe.isEmpty {
            recognize(complete: true, into: &units)
        }
        deframer?.finish(into: &units)
        for kind in datagramDeframers.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            datagramDeframers[kind]?.finish(into: &units)
        }
        if skippedDatagrams > 1, let lastCarrier {
            units.append(.event(Finding(.framingUnrecognized,
                                        "\(skippedDatagrams) datagrams of this flow carried no recognisable DLMS framing",
                                        packet: lastCarrier.packet), carriers: [lastCarrier]))
        }
    }

    // MARK: Inputs

    private mutating func datagram(_ bytes: ArraySlice<UInt8>, from carrier: Carrier, into units: inout [FramedUnit]) {
        let kind = forced ?? FramingDetector.signatureAtStart(Array(bytes.prefix(16)), bare: allowsBare)
        guard let kind else {
            skippedDatagrams += 1
            if skippedDatagrams == 1 {
                units.append(.event(Finding(.framingUnrecognized,
                                            "no DLMS framing recognised in this datagram; the flow's others are counted at its end",
                                            packet: carrier.packet), carriers: [carrier]))
            }
            return
        }
        var framer = datagramDeframers.removeValue(forKey: kind) ?? makeDeframer(kind, datagrams: true)
        framer.append(bytes, from: carrier, into: &units)
        framer.endOfUnit(into: &units)
        datagramDeframers[kind] = framer
    }

    private mutating func line(_ bytes: ArraySlice<UInt8>, from carrier: Carrier, into units: inout [FramedUnit]) {
        if deframer == nil {
            guard let kind = forced ?? FramingDetector.signatureAtStart(Array(bytes.prefix(16)), bare: true) else {
                units.append(.event(Finding(.framingUnrecognized, "no DLMS framing recognised in this line",
                                            packet: carrier.packet), carriers: [carrier]))
                return
            }
            use(makeDeframer(kind, datagrams: true))
        }
        guard let framer = deframer else { return }
        if let unitFramer = framer as? UnitDeframer, forced == nil {
            // Each line is one APDU; bare and IEC 61334-4-32 lines may alternate.
            let kind = FramingDetector.signatureAtStart(Array(bytes.prefix(16)), bare: true)
            if kind == .iec61334, unitFramer.kind != .iec61334 { use(UnitDeframer(kind: .iec61334)) }
            if kind == .raw, unitFramer.kind != .raw { use(UnitDeframer(kind: .raw)) }
        }
        deframer?.append(bytes, from: carrier, into: &units)
        if deframerIsUnit { deframer?.endOfUnit(into: &units) }
    }

    private mutating func stream(_ bytes: ArraySlice<UInt8>, from carrier: Carrier, into units: inout [FramedUnit]) {
        if deframer != nil {
            deframer?.append(bytes, from: carrier, into: &units)
            if deframerIsUnit { deframer?.endOfUnit(into: &units) }
            return
        }
        guard !unrecognized else { return }
        if let forced {
            use(makeDeframer(forced, datagrams: false))
            stream(bytes, from: carrier, into: &units)
            return
        }
        probe.append(bytes, from: carrier)
        recognize(complete: false, into: &units)
    }

    /// Makes `framer` the stream's deframer.
    private mutating func use(_ framer: any Deframer) {
        deframer = framer
        deframerIsUnit = framer is UnitDeframer
    }

    /// Runs recognition over the probe buffer and, once decided, hands its bytes on.
    private mutating func recognize(complete: Bool, into units: inout [FramedUnit]) {
        switch FramingDetector.detect(probe.bytes, bare: false, complete: complete) {
        case .needMore:
            return
        case .unrecognized:
            unrecognized = true
            let count = probe.count
            let carriers = probe.drop(count)
            units.append(.event(Finding(.framingUnrecognized,
                                        "no DLMS framing recognised in the first \(count) bytes; the stream is skipped",
                                        packet: carriers.first?.packet), carriers: carriers))
        case let .found(kind, index):
            if index > 0 {
                let offset = probe.streamOffset
                let carriers = probe.drop(index)
                units.append(.event(Finding(.frameGarbageSkipped, "\(index) bytes skipped before the first frame",
                                            packet: carriers.first?.packet, offset: Int(clamping: offset)),
                                    carriers: carriers))
            }
            var framer = makeDeframer(kind, datagrams: false)
            // Stream offsets in the deframer's findings count from the stream's start.
            if probe.streamOffset > 0, let first = probe.carrier(at: 0) {
                framer.gap(byteCount: probe.streamOffset, at: first, into: &units)
            }
            for chunk in probe.takeChunks() {
                framer.append(chunk.bytes[...], from: chunk.carrier, into: &units)
            }
            use(framer)
        }
    }
}
