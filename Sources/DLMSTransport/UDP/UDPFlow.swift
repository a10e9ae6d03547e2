/// What is remembered about a UDP flow: its conversation number and roles.
struct UDPFlow {
    let conversation: Int
    let sideA: Endpoint
    let aIsClient: Bool?
    var lastPacket: Int
}
