/// A BER element to be written: a tag and either content octets or child
/// elements. ACSE encoders build these and write them with `BERNodeWriter`,
/// which sets every length from the content (or from a recorded wire form).
indirect enum BERNode {
    case primitive(tag: [UInt8], content: [UInt8])
    case constructed(tag: [UInt8], children: [BERNode])

    var tag: [UInt8] {
        switch self {
        case let .primitive(tag, _), let .constructed(tag, _): tag
        }
    }

    /// The number of headers (lengths) the node writes.
    var headerCount: Int {
        switch self {
        case .primitive: 1
        case let .constructed(_, children): 1 + children.reduce(0) { $0 + $1.headerCount }
        }
    }
}
