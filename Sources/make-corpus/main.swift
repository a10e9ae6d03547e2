// make-corpus: writes a large, realistic capture for benchmarks, streaming it
// to disk with the project's pcap writer and encoders (nothing is held in memory).
//
//     swift run -c release make-corpus [--kind plain|ciphered|hdlc|gbt|mixed] [--sample FILE] OUTPUT.pcap [megabytes]
//
// megabytes defaults to 300. The kinds (CorpusKind): wrapper/TCP sessions on
// port 4059 in the clear (SessionScripts.plain), glo-ciphered (suite 0, keys
// in OUTPUT's name with `.keys.toml` for `.pcap`), with general-block-transfer
// responses, both plain and ciphered alternating (mixed), or HDLC push on a
// serial link (DLT_USER0). `--sample FILE` writes the first 100 APDUs in hex,
// one per line (the Gurux benchmark's input). The summary line ends with the
// number of APDUs written, for APDUs/s figures.
import DLMSCore
import Foundation

@MainActor func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("make-corpus: \(message)\n".utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())

/// Removes `--name VALUE` or `--name=VALUE` from the arguments and returns the value.
@MainActor func takeOption(_ name: String) -> String? {
    guard let index = arguments.firstIndex(where: { $0 == name || $0.hasPrefix(name + "=") }) else { return nil }
    if arguments[index] == name {
        guard index + 1 < arguments.count else { fail("\(name) needs a value") }
        let value = arguments[index + 1]
        arguments.removeSubrange(index...(index + 1))
        return value
    }
    let value = String(arguments[index].dropFirst(name.count + 1))
    arguments.remove(at: index)
    return value
}

let samplePath = takeOption("--sample")
let kindName = takeOption("--kind") ?? CorpusKind.plain.rawValue
guard let kind = CorpusKind(rawValue: kindName) else { fail("unknown kind '\(kindName)'") }
guard let output = arguments.first, !output.hasPrefix("-") else {
    let kinds = CorpusKind.allCases.map(\.rawValue).joined(separator: "|")
    fail("usage: make-corpus [--kind \(kinds)] [--sample FILE] OUTPUT.pcap [megabytes]")
}
let targetBytes = (arguments.dropFirst().first.flatMap(Int.init) ?? 300) * 1_000_000

do {
    let corpus = try CorpusWriter(path: output, linkType: kind == .hdlc ? .user(0) : .ethernet, targetBytes: targetBytes)
    if let samplePath { try corpus.sampleAPDUs(to: samplePath, limit: 100) }
    var summary: String
    if kind == .hdlc {
        var push = HDLCPushWriter(corpus: corpus)
        while !corpus.full { push.writeNext() }
        summary = "\(push.notifications) data-notifications"
    } else {
        var sessions = SessionWriter(corpus: corpus)
        var meters = try CipheredMeters()
        var row = 0
        while !corpus.full {
            let index = sessions.sessions
            switch kind {
            case .plain, .hdlc: sessions.write(SessionScripts.plain(row: &row))
            case .gbt: sessions.write(SessionScripts.gbt(row: &row))
            case .ciphered:
                sessions.write(try SessionScripts.ciphered(meter: index % CipheredMeters.count, meters: &meters, row: &row))
            case .mixed:
                if index % 2 == 0 {
                    sessions.write(SessionScripts.plain(row: &row))
                } else {
                    let meter = index / 2 % CipheredMeters.count
                    sessions.write(try SessionScripts.ciphered(meter: meter, meters: &meters, row: &row))
                }
            }
        }
        summary = "\(sessions.sessions) sessions"
    }
    corpus.close()
    if kind.ciphered {
        let keys = (output.hasSuffix(".pcap") ? String(output.dropLast(5)) : output) + ".keys.toml"
        try Data(CipheredMeters.keysFile.utf8).write(to: URL(fileURLWithPath: keys))
        summary += ", keys in \(keys)"
    }
    print("wrote \(output) (\(kind.rawValue)): \(summary), \(corpus.written / 1_000_000) MB, \(corpus.apdus) APDUs")
} catch {
    FileHandle.standardError.write(Data("make-corpus: \(error)\n".utf8))
    exit(1)
}
