import DLMSCapture
import DLMSCore
import Foundation

/// Expands the command line's inputs into the files of a batch: files as given (whatever they
/// hold: a file named explicitly is always decoded, and a problem with it reported), and
/// directories recursively, taking the files whose content is a pcap, a pcapng or a hex log
/// (never judged by name), in a stable order: sorted by path within each directory.
struct InputCollector {
    /// Problems met while looking (an unreadable directory), reported as input errors.
    private(set) var problems: [String] = []

    static let maxFiles = 1_000_000

    mutating func collect(_ arguments: [String]) -> [BatchInput] {
        var inputs: [BatchInput] = []
        let manager = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if argument != "-", manager.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
                collectDirectory(argument, into: &inputs)
            } else {
                let name = argument == "-" ? "stdin" : Self.mirrored(argument)
                inputs.append(BatchInput(path: argument, relativePath: name, size: Self.size(of: argument)))
            }
        }
        return inputs
    }

    private mutating func collectDirectory(_ root: String, into inputs: inout [BatchInput]) {
        let manager = FileManager.default
        let unreadable = UnreadablePaths()
        defer { problems += unreadable.paths.map { "\($0): cannot be read; skipped" } }
        guard let enumerator = manager.enumerator(
            at: URL(fileURLWithPath: root), includingPropertiesForKeys: [.isRegularFileKey], options: [],
            errorHandler: { url, _ in
                unreadable.paths.append(url.path)
                return true
            }
        ) else {
            problems.append("\(root): cannot list the directory")
            return
        }
        var found: [String] = []
        let rootPath = URL(fileURLWithPath: root).standardizedFileURL.path
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(rootPath + "/") else { continue }
            found.append(String(path.dropFirst(rootPath.count + 1)))
            if found.count >= Self.maxFiles { break }
        }
        for relative in found.sorted() {
            let path = (root as NSString).appendingPathComponent(relative)
            guard Self.isCapture(path) else { continue }
            inputs.append(BatchInput(path: path, relativePath: Self.mirrored(path), size: Self.size(of: path)))
        }
    }

    /// Whether the file's first bytes are a pcap or pcapng header, or text holding hex data.
    static func isCapture(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let probe = [UInt8]((try? handle.read(upToCount: CaptureFormat.probeLength)) ?? Data())
        switch CaptureFormat.detect(probe) {
        case .pcap, .pcapng: return true
        case .hexLog: return holdsHexData(probe)
        case .unknownBinary, .empty: return false
        }
    }

    /// Whether the text is mostly hex digits and white space (logs measure 0.8 and more, notes
    /// and READMEs that quote a few frames 0.6 and less) and the hex-log parser finds a packet
    /// in its first lines.
    static func holdsHexData(_ probe: [UInt8]) -> Bool {
        let hexLike = probe.reduce(0) { count, byte in
            count + (Hex.nibble(byte) != nil || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D ? 1 : 0)
        }
        guard hexLike * 4 >= probe.count * 3 else { return false }
        var parser = HexLogParser()
        var events: [CaptureEvent] = []
        let lines = probe.split(separator: 0x0A, omittingEmptySubsequences: false)
        // The last line may be cut by the probe's end.
        for (number, line) in lines.dropLast(lines.count > 1 ? 1 : 0).enumerated() {
            let trimmed = line.last == 0x0D ? line.dropLast() : line
            events += parser.consume(line: trimmed, number: number + 1)
        }
        events += parser.finish()
        return events.contains { if case .packet = $0 { true } else { false } }
    }

    /// `path` as a path inside the output directory: its components without the root, `.` and
    /// `..` (`/data/corpus/../a.pcap` → `data/corpus/a.pcap`), so that outputs mirror the inputs'
    /// tree and never land outside the directory.
    static func mirrored(_ path: String) -> String {
        let parts = path.split(separator: "/").filter { $0 != "." && $0 != ".." && !$0.isEmpty }
        return parts.isEmpty ? "input" : parts.joined(separator: "/")
    }

    static func size(of path: String) -> Int {
        guard path != "-", let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return 0 }
        return (attributes[.size] as? NSNumber)?.intValue ?? 0
    }
}

/// Paths a directory walk could not read (collected from the enumerator's error handler).
private final class UnreadablePaths {
    var paths: [String] = []
}
