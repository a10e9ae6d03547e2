import DLMSTestSupport
import Foundation
import Testing

/// The committed Samples are exactly what the generator produces today.
@Suite struct SamplesTests {
    @Test(arguments: SampleCaptures.all.map(\.name))
    func sampleIsReproducible(name: String) throws {
        let sample = try #require(SampleCaptures.all.first { $0.name == name })
        let path = try Fixtures.temporaryDirectory().appendingPathComponent(name).path
        try sample.write(path)
        let fresh = try Data(contentsOf: URL(fileURLWithPath: path))
        let committed = try Data(contentsOf: URL(fileURLWithPath: Fixtures.project("Samples/\(name)")))
        #expect(fresh == committed, "Samples/\(name) is stale: run `swift run make-samples Samples`")
    }
}
