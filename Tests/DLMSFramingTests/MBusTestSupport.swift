import DLMSCore
import DLMSFraming
import DLMSTestSupport
import Foundation

/// Inputs shared by the M-Bus tests.
enum MBusSamples {
    /// The two long frames of the TINETZ Kaifa MA309 push (../shared/captures/austria-mbus-encrypted),
    /// one frame per hex line, `#` lines skipped.
    static let austrianFrames: [[UInt8]] = {
        let path = Fixtures.shared("captures/austria-mbus-encrypted/tinetz_kaifa_ma309_example.mbus.hex")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .compactMap { Hex.decode($0) }
    }()

    /// The APDU as SOURCE.md says to reassemble it: each frame's bytes after
    /// `68 L L 68` and the 5-byte `C A CI STSAP DTSAP` header, before `CS 16`.
    static let austrianAPDU: [UInt8] = austrianFrames.flatMap { $0.dropFirst(4 + 5).dropLast(2) }

    /// A synthetic APDU of `count` bytes that starts like a general-glo-ciphering push.
    static func apdu(_ count: Int, seed: UInt64 = 7) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        return Array(([0xDB, 0x08] + (0..<max(0, count - 2)).map { _ in UInt8.random(in: 0...255, using: &generator) })
            .prefix(count))
    }

    /// Bytes drawn mostly from the values that start, delimit or length M-Bus frames, to reach every path.
    static func frameLikeNoise(_ count: Int, seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        let alphabet: [UInt8] = [0x68, 0x68, 0x16, 0x10, 0xE5, 0x00, 0x01, 0x03, 0x04, 0x11, 0x53, 0xFF, 0x67]
        return (0..<count).map { _ in
            generator.next() % 3 == 0 ? UInt8.random(in: 0...255, using: &generator)
                : alphabet[Int(generator.next() % UInt64(alphabet.count))]
        }
    }
}

extension FramedUnit {
    var packets: [Int] { carriers.map(\.packet) }
}
