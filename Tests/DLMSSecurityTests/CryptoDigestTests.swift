import DLMSCore
import DLMSSecurity
import Testing

/// The digests through OpenSSL, against the published test values: RFC 1321
/// appendix A.5 (MD5) and the FIPS 180 examples "abc" and "" (SHA-1,
/// SHA-256, SHA-384).
@Suite struct CryptoDigestTests {
    static let published: [(Digest, String, String)] = [
        (.md5, "", "D41D8CD98F00B204E9800998ECF8427E"),
        (.md5, "abc", "900150983CD24FB0D6963F7D28E17F72"),
        (.sha1, "", "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709"),
        (.sha1, "abc", "A9993E364706816ABA3E25717850C26C9CD0D89D"),
        (.sha256, "", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"),
        (.sha256, "abc", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"),
        (.sha384, "", "38B060A751AC96384CD9327EB1B1E36A21FDB71114BE07434C0CC7BF63F6E1DA274EDEBFE76F65FBD51AD2F14898B95B"),
        (.sha384, "abc", "CB00753F45A35E8BB5A03D699AC65007272C32AB0EDED1631A8B605A43FF5BED8086072BA1E7CC2358BAECA134C825A7"),
    ]

    @Test(arguments: 0..<published.count)
    func publishedDigests(index: Int) throws {
        let (digest, message, expected) = Self.published[index]
        let output = try digest.hash(Array(message.utf8))
        #expect(Hex.encode(output) == expected)
        #expect(output.count == digest.outputCount)
    }

    @Test(arguments: Digest.allCases)
    func concatenationIsHashedAsOneMessage(digest: Digest) throws {
        let whole = try digest.hash(Array("abc".utf8))
        #expect(try digest.hash(concatenating: [[0x61], [], [0x62, 0x63]]) == whole)
    }
}
