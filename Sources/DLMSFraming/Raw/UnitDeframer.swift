import DLMSCore

/// Framings whose unit boundaries come from the transport (a datagram, a hex-log
/// line): each unit is one APDU, bare (`raw`, an LLC header removed if there
/// is one) or behind the 3-byte IEC 61334-4-32 LLC header (`iec61334-4-32`).
public struct UnitDeframer: Deframer {
    public let kind: TransportKind
    private var buffer = StreamBuffer()

    /// `kind` is `.raw` or `.iec61334`.
    public init(kind: TransportKind) {
        self.kind = kind
    }

    public mutating func append(_ bytes: ArraySlice<UInt8>, from carrier: Carrier, into units: inout [FramedUnit]) {
        buffer.append(bytes, from: carrier)
    }

    public mutating func gap(byteCount: UInt64, at carrier: Carrier, into units: inout [FramedUnit]) {
        guard !buffer.isEmpty else { return }
        let count = buffer.count
        let carriers = buffer.removeAll(skipping: byteCount)
        units.append(.event(
            Finding(.frameGarbageSkipped, "\(count) bytes of a unit cut by a capture gap", packet: carriers.first?.packet),
            carriers: carriers
        ))
    }

    public mutating func endOfUnit(into units: inout [FramedUnit]) {
        guard !buffer.isEmpty else { return }
        let (bytes, carriers) = buffer.consume(buffer.count)
        units.append(kind == .iec61334 ? Self.iec61334(bytes, carriers) : Self.raw(bytes, carriers))
    }

    public mutating func finish(into units: inout [FramedUnit]) {
        endOfUnit(into: &units)
    }

    /// A bare APDU, with the LLC header some logs keep in front of it.
    static func raw(_ bytes: [UInt8], _ carriers: [Carrier]) -> FramedUnit {
        guard let llc = LLCHeader(bytes[...]) else {
            return FramedUnit(kind: .raw, apdu: bytes, carriers: carriers)
        }
        return FramedUnit(
            kind: .raw, fields: [.bytes("llc", llc.bytes)], apdu: Array(bytes.dropFirst(LLCHeader.length)),
            carriers: carriers, direction: llc == .command ? .clientToServer : .serverToClient
        )
    }

    /// IEC 61334-4-32 connectionless LLC as the S-FSK PLC profile carries DLMS:
    /// a control byte (0x90 for DL-Data) and the destination and source LSAPs,
    /// then the APDU.
    static func iec61334(_ bytes: [UInt8], _ carriers: [Carrier]) -> FramedUnit {
        guard bytes.count >= 3 else {
            return FramedUnit(
                kind: .iec61334, fields: [.bytes("header", bytes)], carriers: carriers,
                findings: [Finding(.apduMalformed, "IEC 61334-4-32 LLC header needs 3 bytes, the unit has \(bytes.count)",
                                   packet: carriers.first?.packet)]
            )
        }
        return FramedUnit(
            kind: .iec61334,
            fields: [
                .bytes("control", bytes.prefix(1)), .integer("destinationLSAP", bytes[1]),
                .integer("sourceLSAP", bytes[2]),
            ],
            apdu: Array(bytes.dropFirst(3)), carriers: carriers
        )
    }
}
