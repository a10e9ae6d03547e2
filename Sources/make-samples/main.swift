// make-samples: writes the captures in Samples/ with the project's own pcap
// writer. Every sample is reproducible byte for byte except those of security
// suites 1 and 2, whose ECDSA signatures (OpenSSL, random k) differ on each run.
//
//     swift run make-samples [directory]     (default: Samples)
//
// Samples/README.md says what each file holds; a test regenerates the
// reproducible ones and compares, another checks the suite samples' verdicts.
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
