import DLMSCore
import DLMSFraming
import FuzzSupport
import Glibc

/// The deframers in streaming mode, with the chunking chosen by the input.
///
/// Input: a mode byte (mod 9: 0 WRAPPER stream, 1 WRAPPER datagrams, 2 HDLC,
/// 3 M-Bus, 4 IEC 61334-4-32, 5 bare APDUs, 6 StreamFramer recognising a
/// stream, 7 datagrams, 8 hex-log lines); a count byte (1 + n mod 4 chunk
/// sizes follow); the chunk sizes (bits 0-6: size - 1; bit 7: a capture gap of
/// 5 bytes follows the chunk, in stream modes); then the bytes, cut into
/// chunks of those sizes in turn. In datagram and line modes each chunk is one
/// unit.
///
/// With DLMSCOPE_FUZZ_CHUNKING=1 set, the stream deframers (modes 0, 2, 3)
/// must also give the same units (kind, fields, APDU, finding codes; garbage
/// events included) as when the bytes come in one chunk, when the input has no gaps.
let checksChunking = getenv("DLMSCOPE_FUZZ_CHUNKING").map { String(cString: $0) == "1" } ?? false

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    var input = FuzzInput(start, count)
    let mode = input.byte() % 9
    let sizes = (0...(input.byte() % 4)).map { _ in input.byte() }
    let bytes = Array(input.rest())
    switch mode {
    case 0: compare(run(WrapperDeframer(), bytes, sizes, units: false), bytes, sizes) { WrapperDeframer() }
    case 1: _ = run(WrapperDeframer(datagrams: true), bytes, sizes, units: true)
    case 2: compare(run(HDLCDeframer(), bytes, sizes, units: false), bytes, sizes) { HDLCDeframer() }
    case 3: compare(run(MBusDeframer(), bytes, sizes, units: false), bytes, sizes) { MBusDeframer() }
    case 4: _ = run(UnitDeframer(kind: .iec61334), bytes, sizes, units: true)
    case 5: _ = run(UnitDeframer(kind: .raw), bytes, sizes, units: true)
    case 6: framer(.stream, bytes, sizes)
    case 7: framer(.datagrams, bytes, sizes)
    default: framer(.lines, bytes, sizes)
    }
    return 0
}

/// Runs a deframer over `bytes` cut by `sizes`; `units`: each chunk is a datagram.
func run<D: Deframer>(_ deframer: D, _ bytes: [UInt8], _ sizes: [UInt8], units isDatagrams: Bool) -> [FramedUnit] {
    var deframer = deframer
    var units: [FramedUnit] = []
    forEachChunk(bytes, sizes) { chunk, carrier, gap in
        deframer.append(chunk, from: carrier, into: &units)
        if isDatagrams { deframer.endOfUnit(into: &units) }
        if gap, !isDatagrams { deframer.gap(byteCount: 5, at: carrier, into: &units) }
    }
    deframer.finish(into: &units)
    return units
}

func framer(_ kind: StreamFramer.Input, _ bytes: [UInt8], _ sizes: [UInt8]) {
    var framer = StreamFramer(input: kind, allowsBareAPDUs: kind != .stream)
    var units: [FramedUnit] = []
    forEachChunk(bytes, sizes) { chunk, carrier, gap in
        framer.append(chunk, from: carrier, into: &units)
        if gap, kind == .stream { framer.gap(byteCount: 5, at: carrier, into: &units) }
    }
    framer.finish(into: &units)
}

func forEachChunk(_ bytes: [UInt8], _ sizes: [UInt8], _ body: (ArraySlice<UInt8>, Carrier, Bool) -> Void) {
    var offset = 0
    var chunk = 0
    while offset < bytes.count {
        let size = sizes[chunk % sizes.count]
        let end = min(bytes.count, offset + Int(size & 0x7F) + 1)
        body(bytes[offset..<end], Carrier(packet: chunk + 1, time: nil), size & 0x80 != 0)
        offset = end
        chunk += 1
    }
}

/// Chunking independence (opt-in): the same units as with one chunk.
func compare<D: Deframer>(_ units: [FramedUnit], _ bytes: [UInt8], _ sizes: [UInt8], _ make: () -> D) {
    guard checksChunking, !sizes.contains(where: { $0 & 0x80 != 0 }) else { return }
    var deframer = make()
    var reference: [FramedUnit] = []
    deframer.append(bytes[...], from: Carrier(packet: 1, time: nil), into: &reference)
    deframer.finish(into: &reference)
    // Frames and the events between them (garbage runs, cut frames) must match.
    guard units.map(Outcome.init) != reference.map(Outcome.init) else { return }
    fuzzFailure("""
        chunking \(sizes) changes the units:
          chunked: \(units.map(Outcome.init))
          whole:   \(reference.map(Outcome.init))
        """)
}

struct Outcome: Equatable, CustomStringConvertible {
    var kind: TransportKind
    var fields: [Field]
    var apdu: [UInt8]?
    var findings: [String]

    init(_ unit: FramedUnit) {
        kind = unit.kind
        fields = unit.fields
        apdu = unit.apdu
        findings = unit.findings.map { "\($0.severity.rawValue) \($0.code.rawValue)" }
    }

    var description: String { "\(kind.rawValue) apdu=\(apdu.map { Hex.encode($0) } ?? "nil") \(findings)" }
}
