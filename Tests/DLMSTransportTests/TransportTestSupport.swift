import DLMSCore
import DLMSTestSupport
@testable import DLMSTransport

/// Runs the transport decoder over link-layer frames and keeps what it yields.
struct TransportRun {
    var events: [TransportEvent] = []

    init(
        _ frames: [[UInt8]], linkType: LinkType = .ethernet, directions: [Direction]? = nil,
        limits: TransportDecoder.Limits = .init()
    ) {
        var decoder = TransportDecoder(limits: limits)
        for (index, frame) in frames.enumerated() {
            let packet = CapturedPacket(
                number: index + 1, timestamp: Timestamp(seconds: 1_700_000_000 + Int64(index)),
                linkType: linkType, data: frame, direction: directions?[index] ?? .unknown
            )
            decoder.decode(packet, into: &events)
        }
        decoder.finish(into: &events)
    }

    var data: [TransportData] {
        events.compactMap { if case let .data(data) = $0 { data } else { nil } }
    }

    var gaps: [TransportGap] {
        events.compactMap { if case let .gap(gap) = $0 { gap } else { nil } }
    }

    var notices: [TransportNotice] {
        events.compactMap { if case let .notice(notice) = $0 { notice } else { nil } }
    }

    var ends: [StreamID] {
        events.compactMap { if case let .end(stream) = $0 { stream } else { nil } }
    }

    /// The bytes delivered per stream, concatenated.
    var streams: [StreamID: [UInt8]] {
        data.reduce(into: [:]) { $0[$1.stream, default: []] += $1.bytes }
    }

    func bytes(_ direction: Direction) -> [UInt8] {
        data.filter { $0.direction == direction }.flatMap(\.bytes)
    }

    func codes() -> [String] {
        events.flatMap { event -> [String] in
            switch event {
            case let .data(data): data.findings.map(\.code.rawValue)
            case let .gap(gap): [gap.finding.code.rawValue]
            case let .notice(notice): [notice.finding.code.rawValue]
            case .end: []
            }
        }
    }
}

enum Hosts {
    static let client: [UInt8] = [192, 168, 1, 20]
    static let server: [UInt8] = [192, 168, 1, 10]
    static let client6: [UInt8] = [0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x20]
    static let server6: [UInt8] = [0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10]

    static func ethernet(_ ip: [UInt8]) -> [UInt8] {
        PacketBuilder.ethernet(type: ip.first.map { $0 >> 4 == 6 ? 0x86DD : 0x0800 } ?? 0x0800, payload: ip)
    }
}
