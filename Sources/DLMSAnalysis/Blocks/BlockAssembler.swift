import DLMSCore
import DLMSFraming

/// Joins numbered blocks into one whole (general-block-transfer, the
/// datablocks of get/set and the pblocks of action), Green Book §9.4.6.
///
/// Blocks are kept by number until the last one is in and every number from
/// the first to the last is present; then the data is joined in order.
/// Duplicates (`block-duplicate`) are dropped, blocks that arrive out of
/// order (`block-out-of-order`) are placed where they belong, and a transfer
/// that ends with holes, or is replaced by a new one, reports
/// `block-missing` and is never passed on as complete. Pending data is
/// bounded per transfer and in total.
struct BlockAssembler<Key: Hashable> {
    struct Block {
        var number: UInt32
        var data: [UInt8]
        var carriers: [Carrier]
        var findings: [Finding]
    }

    /// A finished transfer: complete (`data` set) or given up (`data` nil).
    struct Outcome {
        var data: [UInt8]?
        var blocks: Int
        var carriers: [Carrier]
        var findings: [Finding]
    }

    private struct Transfer {
        var blocks: [UInt32: Block] = [:]
        var last: UInt32?
        var bytes = 0
        var highest: UInt32 = 0
        var order: Int
    }

    static var maxBytesPerTransfer: Int { 16 << 20 }
    static var maxBytesInTotal: Int { 64 << 20 }
    static var maxTransfers: Int { 256 }

    private var transfers: [Key: Transfer] = [:]
    private var totalBytes = 0
    private var started = 0

    var pendingCount: Int { transfers.count }

    /// Adds a block; returns what finished: this transfer when it is complete, and transfers
    /// given up to make room or because a new transfer (a block numbered `first` again) started.
    mutating func add(_ block: Block, isLast: Bool, to key: Key, first: UInt32 = 1) -> [Outcome] {
        var outcomes: [Outcome] = []
        var block = block
        if let existing = transfers[key], block.number == first, let known = existing.blocks[first], known.data != block.data {
            // The first block again with other data: the old transfer will not complete.
            outcomes.append(giveUp(key, reason: "a new transfer started before it completed"))
        }
        var transfer = transfers.removeValue(forKey: key) ?? Transfer(order: nextOrder())
        if let known = transfer.blocks[block.number] {
            let same = known.data == block.data
            block.findings.append(Finding(
                .blockDuplicate,
                "block \(block.number) received again" + (same ? "" : " with different data; the first copy is kept"),
                severity: same ? .info : .warning, packet: block.carriers.last?.packet
            ))
            transfer.blocks[block.number]?.carriers += block.carriers
            transfer.blocks[block.number]?.findings += block.findings
            transfers[key] = transfer
            return outcomes
        }
        if block.number < transfer.highest {
            block.findings.append(Finding(
                .blockOutOfOrder, "block \(block.number) arrived after block \(transfer.highest)",
                packet: block.carriers.last?.packet
            ))
        }
        transfer.highest = max(transfer.highest, block.number)
        if isLast { transfer.last = block.number }
        transfer.bytes += block.data.count
        totalBytes += block.data.count
        transfer.blocks[block.number] = block
        transfers[key] = transfer

        if transfer.bytes > Self.maxBytesPerTransfer {
            outcomes.append(giveUp(key, reason: "more than \(Self.maxBytesPerTransfer >> 20) MiB", limit: true))
        } else if let last = transfer.last, let complete = join(transfer, first: first, last: last) {
            transfers[key] = nil
            totalBytes -= transfer.bytes
            outcomes.append(complete)
        }
        while totalBytes > Self.maxBytesInTotal || transfers.count > Self.maxTransfers, let oldest = oldestKey() {
            outcomes.append(giveUp(oldest, reason: "too many blocks pending", limit: true))
        }
        return outcomes
    }

    /// Gives up every transfer still pending (the stream or capture ended).
    mutating func finish(reason: String) -> [Outcome] {
        let keys = transfers.sorted { $0.value.order < $1.value.order }.map(\.key)
        return keys.map { giveUp($0, reason: reason) }
    }

    /// Gives up the transfer for `key`, if any.
    mutating func abandon(_ key: Key, reason: String) -> Outcome? {
        transfers[key] == nil ? nil : giveUp(key, reason: reason)
    }

    private mutating func nextOrder() -> Int {
        started += 1
        return started
    }

    private func oldestKey() -> Key? {
        transfers.min { $0.value.order < $1.value.order }?.key
    }

    /// The joined data when every block from `first` to `last` is present.
    private func join(_ transfer: Transfer, first: UInt32, last: UInt32) -> Outcome? {
        guard last >= first, transfer.blocks.count == Int(last - first) + 1 else { return nil }
        var data: [UInt8] = []
        data.reserveCapacity(transfer.bytes)
        var carriers: [Carrier] = []
        var findings: [Finding] = []
        for number in first...last {
            guard let block = transfer.blocks[number] else { return nil }
            data += block.data
            carriers += block.carriers
            findings += block.findings
        }
        return Outcome(data: data, blocks: transfer.blocks.count, carriers: carriers, findings: findings)
    }

    private mutating func giveUp(_ key: Key, reason: String, limit: Bool = false) -> Outcome {
        let transfer = transfers.removeValue(forKey: key) ?? Transfer(order: 0)
        totalBytes -= transfer.bytes
        let numbers = transfer.blocks.keys.sorted()
        let carriers = numbers.flatMap { transfer.blocks[$0]?.carriers ?? [] }
        var findings = numbers.flatMap { transfer.blocks[$0]?.findings ?? [] }
        let lowest = numbers.first ?? 1
        let last = transfer.last ?? numbers.last ?? lowest
        let missing = Self.gaps(in: numbers, from: lowest, through: last)
        var what = "\(numbers.count) block\(numbers.count == 1 ? "" : "s") received"
        if !missing.isEmpty { what += ", missing " + Self.describe(missing) }
        if transfer.last == nil { what += ", the last block never came" }
        findings.append(Finding(
            limit ? .resourceLimit : .blockMissing, "incomplete transfer (\(what)): \(reason)",
            packet: carriers.last?.packet
        ))
        return Outcome(data: nil, blocks: numbers.count, carriers: carriers, findings: findings)
    }

    /// How many ranges a finding lists at most.
    static var maxListedRanges: Int { 32 }

    /// The numbers from `lowest` through `last` that are not in `numbers` (sorted), as ranges:
    /// work in proportion to the blocks received, whatever numbers they carry.
    static func gaps(in numbers: [UInt32], from lowest: UInt32, through last: UInt32) -> [ClosedRange<UInt32>] {
        guard last >= lowest else { return [] }
        var gaps: [ClosedRange<UInt32>] = []
        var next = lowest  // the lowest number not accounted for yet
        for number in numbers where number >= next {
            guard number <= last else { break }
            if number > next { gaps.append(next...(number - 1)) }
            guard number < last else { return gaps }
            next = number + 1
        }
        gaps.append(next...last)
        return gaps
    }

    /// `1-3, 5, 7-8`, listing at most `maxListedRanges` ranges.
    static func describe(_ ranges: [ClosedRange<UInt32>]) -> String {
        var parts = ranges.prefix(maxListedRanges).map { range in
            range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)-\(range.upperBound)"
        }
        if ranges.count > maxListedRanges { parts.append("and \(ranges.count - maxListedRanges) more ranges") }
        return parts.joined(separator: ", ")
    }

    /// `1-3, 5` for a sorted list of numbers.
    static func ranges(_ numbers: [UInt32]) -> String {
        var ranges: [ClosedRange<UInt32>] = []
        for number in numbers {
            if let previous = ranges.last, previous.upperBound < UInt32.max, previous.upperBound + 1 == number {
                ranges[ranges.count - 1] = previous.lowerBound...number
            } else {
                ranges.append(number...number)
            }
        }
        return describe(ranges)
    }
}
