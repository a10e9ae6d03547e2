import DLMSCapture
import DLMSCore
import DLMSTestSupport
import Foundation

/// Reads every event of a capture file.
func readAll(_ path: String, options: CaptureOpener.Options = .init()) throws -> (format: CaptureFormat, events: [CaptureEvent]) {
    var (format, reader) = try CaptureOpener.open(try InputFile(path: path), options: options)
    var events: [CaptureEvent] = []
    while let event = reader.next() { events.append(event) }
    return (format, events)
}

extension [CaptureEvent] {
    var packets: [CapturedPacket] { compactMap { if case let .packet(packet) = $0 { packet } else { nil } } }
    var findings: [Finding] { compactMap { if case let .finding(finding) = $0 { finding } else { nil } } }
}

/// Writes `bytes` to a new temporary file and returns its path.
func temporaryFile(_ bytes: [UInt8], name: String = "input") throws -> String {
    let url = try Fixtures.temporaryDirectory().appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}
