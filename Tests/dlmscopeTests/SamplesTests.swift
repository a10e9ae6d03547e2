import DLMSTestSupport
import Foundation
import Testing

/// The committed Samples are exactly what the generator produces today. Samples that carry random
/// ECDSA signatures (suites 1 and 2) are not reproducible byte for byte: they only have to exist
/// here, and `SuiteSamplesTests` checks their structure and verdicts.
@Suite struct SamplesTests {
    @Test(arguments: SampleCaptures.all.filter(\.reproducible).map(\.name))
    func sampleIsReproducible(name: String) throws {
        let sample = try #require(SampleCaptures.all.first { $0.name == name })
        let path = try Fixtures.temporaryDirectory().appendingPathComponent(name).path
        try sample.write(path)
        let fresh = try Data(contentsOf: URL(fileURLWithPath: path))
        let committed = try Data(contentsOf: URL(fileURLWithPath: Fixtures.project("Samples/\(name)")))
        #expect(fresh == committed, "Samples/\(name) is stale: run `swift run make-samples Samples`")
    }

    @Test(arguments: SampleCaptures.all.filter { !$0.reproducible }.map(\.name))
    func unreproducibleSampleIsCommitted(name: String) throws {
        let committed = try Data(contentsOf: URL(fileURLWithPath: Fixtures.project("Samples/\(name)")))
        #expect(!committed.isEmpty, "Samples/\(name) is missing: run `swift run make-samples Samples`")
    }
}
