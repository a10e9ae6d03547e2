import DLMSSecurity

/// What a part of a capture (an association, a meter, the whole input) held,
/// as `dlmscope verify` counts it.
public struct ConformanceCounts: Sendable, Hashable {
    /// Records that carry an APDU (after reassembly).
    public var apdus = 0
    /// Of those, how many came in a ciphered envelope.
    public var ciphered = 0
    /// Of those, how many were opened.
    public var decrypted = 0
    /// Tag verdicts of the ciphered APDUs.
    public var tags: [TagVerdict: Int] = [:]
    /// HLS and LLS verdicts.
    public var authentication: [HLSVerdict: Int] = [:]
    /// ECDSA signature verdicts (general-signing, ephemeral keys of key agreement).
    public var signatures: [SecurityInfo.SignatureVerdict: Int] = [:]

    public init() {}

    /// The share of APDUs that were ciphered, 0...1 (0 when there were none).
    public var cipheredShare: Double { apdus == 0 ? 0 : Double(ciphered) / Double(apdus) }

    public mutating func add(_ record: Record) {
        guard record.apdu != nil else { return }
        apdus += 1
        if let security = record.security {
            ciphered += 1
            if security.decrypted { decrypted += 1 }
            tags[security.tag, default: 0] += 1
            if let signature = security.signature { signatures[signature, default: 0] += 1 }
        }
        if let hls = record.hls { authentication[hls.result, default: 0] += 1 }
    }

    mutating func absorb(_ other: ConformanceCounts) {
        apdus += other.apdus
        ciphered += other.ciphered
        decrypted += other.decrypted
        tags.merge(other.tags, uniquingKeysWith: +)
        authentication.merge(other.authentication, uniquingKeysWith: +)
        signatures.merge(other.signatures, uniquingKeysWith: +)
    }
}
