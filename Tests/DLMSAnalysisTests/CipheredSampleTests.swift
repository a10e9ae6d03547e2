import DLMSAPDU
import DLMSAnalysis
import DLMSCapture
import DLMSCore
import DLMSSecurity
import DLMSTestSupport
import Foundation
import Testing

/// The ciphered sample is what Samples/README.md says: every envelope opens with its keys file and
/// authenticates, both HLS replies verify, and the ded-get-request is the a13 vector's bytes.
@Suite struct CipheredSampleTests {
    @Test func theCipheredSampleOpensCleanly() throws {
        let keys = try KeyStore(contentsOfFile: Fixtures.project("Samples/ciphered-session.keys.toml"))
        let input = try InputFile(path: Fixtures.project("Samples/ciphered-session.pcap"))
        let records = Array(try TraceDecoder(input: input, options: .init(keys: keys)))
        #expect(records.count == 12)
        #expect(records.allSatisfy { $0.findings.isEmpty })
        let ciphered = records.compactMap(\.security)
        #expect(ciphered.count == 10 && ciphered.allSatisfy { $0.tag == .valid && $0.decrypted })
        #expect(records.compactMap(\.hls).map(\.result) == [.valid, .valid])
        // a13: the ded-get-request of the clock under the a01 dedicated key.
        let vectors = try JSONSerialization.jsonObject(
            with: try Data(contentsOf: URL(fileURLWithPath: Fixtures.shared("vectors/vectors.json")))
        ) as? [[String: Any]]
        let a13 = vectors?.first { ($0["id"] as? String) == "a13-ded-get-request-AE" }
        let expected = ((a13?["expected"] as? [String: Any])?["ciphered_apdu"] as? String).flatMap { Hex.decode($0) }
        let dedicated = records.first { $0.security?.envelope == "ded-get-request" }
        #expect(expected != nil && dedicated?.apdu?.envelope?.encoded == expected)
    }
}
