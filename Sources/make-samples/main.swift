// make-samples: writes the captures in Samples/ with the project's own pcap
// writer, so that every sample is reproducible byte for byte.
//
//     swift run make-samples [directory]     (default: Samples)
//
// Samples/README.md says what each file holds; a test regenerates them and
// compares.
import DLMSTestSupport
import Foundation

let directory = CommandLine.arguments.dropFirst().first ?? "Samples"
do {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for sample in SampleCaptures.all {
        let path = (directory as NSString).appendingPathComponent(sample.name)
        try sample.write(path)
        print("wrote \(path)")
    }
} catch {
    FileHandle.standardError.write(Data("make-samples: \(error)\n".utf8))
    exit(1)
}
