/// How the transport stage tells the DLMS server from the client before the
/// framing stage looks at addresses: the side that answered a SYN, else the
/// side on a DLMS port (4059 is IANA's; Gurux and others use 4060-4069).
public enum ServerRole {
    public static let dlmsPorts: ClosedRange<UInt16> = 4059...4069

    /// Whether `flow.source` is the server, from ports alone; nil when they do not tell.
    public static func sourceIsServer(byPort flow: Flow) -> Bool? {
        let sourceListens = dlmsPorts.contains(flow.source.port)
        let destinationListens = dlmsPorts.contains(flow.destination.port)
        guard sourceListens != destinationListens else { return nil }
        return sourceListens
    }
}
