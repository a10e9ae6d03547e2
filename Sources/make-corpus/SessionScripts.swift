import DLMSAPDU
import DLMSTestSupport

/// The exchanges of one session of each kind: association, 50 GETs
/// alternating the clock and profile rows by range (4 rows per read, the
/// values moving on with `row`), release.
enum SessionScripts {
    static let reads = 50
    static let rowsPerRead = 4

    static func plain(row: inout Int) -> [SessionWriter.Exchange] {
        var exchanges: [SessionWriter.Exchange] = [(APDUs.aarq, [APDUs.aare])]
        for index in 0..<reads {
            if index % 2 == 0 {
                exchanges.append((APDUs.getClock, [ProfileRows.clock(row: row)]))
            } else {
                exchanges.append((APDUs.getProfileByRange, [ProfileRows.response(first: row, count: rowsPerRead)]))
                row += rowsPerRead
            }
        }
        exchanges.append((APDUs.releaseRequest, [APDUs.releaseResponse]))
        return exchanges
    }

    /// The plain script with the association and every GET glo-ciphered for `meter`.
    static func ciphered(meter: Int, meters: inout CipheredMeters, row: inout Int) throws -> [SessionWriter.Exchange] {
        var exchanges: [SessionWriter.Exchange] = [(try meters.aarq(meter: meter), [try meters.aare(meter: meter)])]
        for (request, responses) in plain(row: &row).dropFirst().dropLast() {
            let sealedRequest = try meters.glo(request, meter: meter, fromClient: true)
            exchanges.append((sealedRequest, try responses.map { try meters.glo($0, meter: meter, fromClient: false) }))
        }
        exchanges.append((APDUs.releaseRequest, [APDUs.releaseResponse]))
        return exchanges
    }

    /// Profile reads of 48 rows answered in general-block-transfer blocks of
    /// at most 200 bytes (streaming, window 1, block numbers from 1, the
    /// last block flagged), with the clock read between them.
    static func gbt(row: inout Int) -> [SessionWriter.Exchange] {
        var exchanges: [SessionWriter.Exchange] = [(APDUs.aarq, [APDUs.aare])]
        for index in 0..<(reads / 5) {
            if index % 2 == 0 {
                exchanges.append((APDUs.getClock, [ProfileRows.clock(row: row)]))
                continue
            }
            let response = ProfileRows.response(first: row, count: 48)
            row += 48
            let starts = Array(stride(from: 0, to: response.count, by: 200))
            let blocks = starts.enumerated().map { number, start in
                GeneralBlockTransfer(
                    lastBlock: number == starts.count - 1, streaming: true, window: 1,
                    blockNumber: UInt16(number + 1), blockNumberAck: 0,
                    blockData: Array(response[start..<min(start + 200, response.count)])
                ).encoded
            }
            exchanges.append((APDUs.getProfileByRange, blocks))
        }
        exchanges.append((APDUs.releaseRequest, [APDUs.releaseResponse]))
        return exchanges
    }
}
