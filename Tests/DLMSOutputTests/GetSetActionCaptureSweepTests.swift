import DLMSAnalysis
import DLMSAPDU
import DLMSCapture
import DLMSCore
import DLMSOutput
import DLMSTestSupport
import Foundation
import Testing

/// Every LN service APDU (GET, SET, ACTION, notifications, ACCESS, general
/// block transfer) that the pipeline finds in ../shared/captures: it
/// decodes, gives its bytes back when encoded, and presents itself as
/// well-formed XML and valid JSON.
@Suite struct GetSetActionCaptureSweepTests {
    /// The capture files: pcaps and hex logs (the decrypted `*.plaintext.hex` files hold bare APDUs).
    static func captureFiles() throws -> [String] {
        let root = Fixtures.shared("captures")
        var files: [String] = []
        for directory in try FileManager.default.contentsOfDirectory(atPath: root).sorted() {
            for file in try FileManager.default.contentsOfDirectory(atPath: root + "/" + directory).sorted()
            where file.hasSuffix(".pcap") || file.hasSuffix(".hex") || file.hasSuffix(".log") {
                files.append(directory + "/" + file)
            }
        }
        return files
    }

    @Test func everyLNServiceAPDUInTheCapturesRoundTripsAndPresents() throws {
        var counts: [UInt8: Int] = [:]
        for file in try Self.captureFiles() {
            let input = try InputFile(path: Fixtures.shared("captures/" + file))
            for record in try TraceDecoder(input: input) {
                guard let apdu = record.apdu?.bytes, let tag = apdu.first, LNPresentation.tags.contains(tag) else { continue }
                let decoded: any APDUPresentable
                do {
                    decoded = try LNPresentation.decode(apdu)
                } catch {
                    Issue.record("\(file) record \(record.index): \(error) in \(Hex.encode(apdu))")
                    continue
                }
                counts[tag, default: 0] += 1
                let encoded = Self.encoded(decoded)
                #expect(Array(apdu.prefix(encoded.count)) == encoded, "\(file) record \(record.index)")
                #expect(GuruxReference.tree(decoded.guruxXML(PresentationContext()).xmlText) != nil, "\(file) record \(record.index)")
                _ = try LNPresentation.json(decoded)
            }
        }
        // Output.pcap: 129 GET requests and responses, one access request and response (RealCaptureFramingTests).
        #expect(counts[0xC0, default: 0] >= 129 && counts[0xC4, default: 0] >= 129)
        #expect(counts[0xD9, default: 0] >= 1 && counts[0xDA, default: 0] >= 1)
        // General-block-transfer blocks are joined by the pipeline, so their records carry the whole APDU.
        #expect(counts[0x0F, default: 0] >= 45)
        // andrebdo_sample.pcap: event-notification, set and action exchanges (SOURCE.md).
        #expect(counts[0xC2, default: 0] >= 1 && counts[0xC1, default: 0] >= 1 && counts[0xC5, default: 0] >= 1)
        #expect(counts[0xC3, default: 0] >= 1 && counts[0xC7, default: 0] >= 1)
    }

    static func encoded(_ apdu: any APDUPresentable) -> [UInt8] {
        var bytes: [UInt8] = []
        switch apdu {
        case let value as GetRequest: value.encode(into: &bytes)
        case let value as GetResponse: value.encode(into: &bytes)
        case let value as SetRequest: value.encode(into: &bytes)
        case let value as SetResponse: value.encode(into: &bytes)
        case let value as ActionRequest: value.encode(into: &bytes)
        case let value as ActionResponse: value.encode(into: &bytes)
        case let value as EventNotificationRequest: value.encode(into: &bytes)
        case let value as DataNotification: value.encode(into: &bytes)
        case let value as AccessRequest: value.encode(into: &bytes)
        case let value as AccessResponse: value.encode(into: &bytes)
        case let value as GeneralBlockTransfer: value.encode(into: &bytes)
        default: break
        }
        return bytes
    }
}
