import DLMSCore

/// What a captured packet carries once its link header is removed.
enum LinkPayload {
    case ipv4(ArraySlice<UInt8>)
    case ipv6(ArraySlice<UInt8>)
    /// Raw serial bytes (hex logs, raw files, DLT_USER captures).
    case serial(ArraySlice<UInt8>)
    /// Link traffic that is not IP (ARP, LLDP, ...): nothing for dlmscope, and no defect.
    case other
    /// The link header could not be read; `offset` is where it broke.
    case malformed(String, offset: Int)

    /// Strips the link header of `data` according to its link type.
    /// `.user` and `.unsupported` are handled by the caller.
    init(_ data: ArraySlice<UInt8>, linkType: LinkType) {
        switch linkType {
        case .ethernet: self = Self.ethernet(data)
        case .bsdLoopback: self = Self.loopback(data, networkOrderOnly: false)
        case .openBSDLoopback: self = Self.loopback(data, networkOrderOnly: true)
        case .rawIP, .ipv4, .ipv6: self = Self.ip(data)
        case .linuxSLL: self = Self.linuxSLL(data, headerLength: 16, protocolOffset: 14)
        case .linuxSLL2: self = Self.linuxSLL(data, headerLength: 20, protocolOffset: 0)
        case .user, .serial: self = .serial(data)
        case let .unsupported(_, name): self = .malformed("link type \(name) is not supported", offset: data.startIndex)
        }
    }

    /// IPv4 or IPv6, told apart by the version nibble.
    static func ip(_ data: ArraySlice<UInt8>) -> LinkPayload {
        switch data.first.map({ $0 >> 4 }) {
        case 4: .ipv4(data)
        case 6: .ipv6(data)
        case let version?: .malformed("IP version \(version) is neither 4 nor 6", offset: data.startIndex)
        case nil: .malformed("empty packet", offset: data.startIndex)
        }
    }

    /// Dispatches on an EtherType (also used by Linux cooked captures).
    static func etherType(_ type: UInt16, _ rest: ArraySlice<UInt8>) -> LinkPayload {
        switch type {
        case 0x0800: return .ipv4(rest)
        case 0x86DD: return .ipv6(rest)
        case 0x8864: return pppoeSession(rest)
        case 0x8847, 0x8848: return mpls(rest)
        default: return .other
        }
    }
}
