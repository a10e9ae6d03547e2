import DLMSCore

/// A fresh deframer for a framing; `datagrams` when the transport delimits units (UDP).
func makeDeframer(_ kind: TransportKind, datagrams: Bool) -> any Deframer {
    switch kind {
    case .wrapper: WrapperDeframer(datagrams: datagrams)
    case .hdlc: HDLCDeframer()
    case .mbus: MBusDeframer()
    case .iec61334: UnitDeframer(kind: .iec61334)
    case .raw, .none: UnitDeframer(kind: .raw)
    }
}
