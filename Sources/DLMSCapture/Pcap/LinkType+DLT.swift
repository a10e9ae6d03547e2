import CDLMSPcap
import DLMSCore

// The mapping between libpcap's DLT values and the link types the transport
// stage decodes. libpcap already turned the file's LINKTYPE_ value into the
// platform's DLT_ value (DLT_RAW differs between systems), so only its macros
// are used here.
extension LinkType {
    public init(dlt: Int32) {
        switch dlt {
        case DLT_EN10MB: self = .ethernet
        case DLT_NULL: self = .bsdLoopback
        case DLT_LOOP: self = .openBSDLoopback
        case DLT_RAW: self = .rawIP
        case DLT_IPV4: self = .ipv4
        case DLT_IPV6: self = .ipv6
        case DLT_LINUX_SLL: self = .linuxSLL
        case DLT_LINUX_SLL2: self = .linuxSLL2
        case DLT_USER0...DLT_USER15: self = .user(Int(dlt - DLT_USER0))
        default:
            let name = pcap_datalink_val_to_name(dlt).map { String(cString: $0) } ?? "DLT \(dlt)"
            self = .unsupported(dlt: Int(dlt), name: name)
        }
    }

    /// The DLT value to write this link type into a pcap file; nil for `.serial`.
    public var dlt: Int32? {
        switch self {
        case .ethernet: DLT_EN10MB
        case .bsdLoopback: DLT_NULL
        case .openBSDLoopback: DLT_LOOP
        case .rawIP: DLT_RAW
        case .ipv4: DLT_IPV4
        case .ipv6: DLT_IPV6
        case .linuxSLL: DLT_LINUX_SLL
        case .linuxSLL2: DLT_LINUX_SLL2
        case let .user(index): (0...15).contains(index) ? DLT_USER0 + Int32(truncatingIfNeeded: index) : nil
        case .serial: nil
        case let .unsupported(dlt, _): Int32(truncatingIfNeeded: dlt)
        }
    }
}
