import DLMSAPDU
import DLMSCore
import Testing

/// Input crafted to make a decoder crash, hang or allocate: every case must
/// end in a `DecodingError` at the offending byte, quickly.
@Suite(.timeLimit(.minutes(1))) struct DataHostileInputTests {
    @Test func lengthOf4GiBIsRefusedBeforeAnyAllocation() {
        #expect(decodingError("09 84FFFFFFFF") == DecodingError("octet-string of 4294967295 bytes but only 0 follow", at: 1))
        #expect(decodingError("0A 84FFFFFFFF 41") == DecodingError("visible-string of 4294967295 bytes but only 1 follow", at: 1))
        #expect(decodingError("0C 84FFFFFFFF")?.offset == 1)
        #expect(decodingError("04 84FFFFFFFF")?.offset == 1)
        #expect(decodingError("01 84FFFFFFFF 00")
            == DecodingError("array of 4294967295 elements but only 1 bytes follow", at: 1))
        #expect(decodingError("02 84FFFFFFFF")?.offset == 1)
        #expect(decodingError("13 11 84FFFFFFFF")?.offset == 2)
    }

    @Test func arrayClaiming65535ElementsWithThreeBytesIsRefused() {
        #expect(decodingError("01 82FFFF 110111")
            == DecodingError("array of 65535 elements but only 3 bytes follow", at: 1))
        #expect(decodingError("02 82FFFF 000000")
            == DecodingError("structure of 65535 elements but only 3 bytes follow", at: 1))
    }

    @Test func countThatFitsTheBytesButRunsOutIsAnErrorAtTheEnd() {
        // 3 elements claimed, 3 bytes present, but the third is a long without its 2 bytes.
        #expect(decodingError("01 03 00 00 10") == DecodingError("long needs 2 bytes, 0 present", at: 5))
    }

    @Test func malformedLengthsAreErrors() {
        #expect(decodingError("09 80") == DecodingError(
            "octet-string length 80 has no length bytes (the indefinite form is not A-XDR)", at: 1
        ))
        #expect(decodingError("09 85 0000000001 00") == DecodingError(
            "octet-string length has 5 length bytes; at most 4 are accepted", at: 1
        ))
        #expect(decodingError("09 82 01") == DecodingError("octet-string length needs 2 length bytes, 1 present", at: 1))
        #expect(decodingError("09") == DecodingError("data ends where the octet-string length was expected", at: 1))
        #expect(decodingError("01") == DecodingError("data ends where the array element count was expected", at: 1))
    }

    @Test func emptyInputIsAnError() {
        #expect(decodingError([]) == DecodingError("data ends where a data type tag was expected", at: 0))
    }

    @Test(arguments: [7, 8, 11, 14] as [UInt8])
    func unusedTagsAreErrorsNamingTheTag(tag: UInt8) throws {
        let error = try #require(decodingError([tag, 0, 0, 0, 0]))
        #expect(error.offset == 0)
        #expect(error.message.contains("tag \(tag) "))
        #expect(error.message.contains("not use"))
    }

    @Test(arguments: [0x1C, 0x1D, 0x20, 0x7F, 0x80, 0xC4, 0xFE] as [UInt8])
    func unknownTagsAreErrorsNamingTheTag(tag: UInt8) throws {
        let error = try #require(decodingError([0x02, 0x02, 0x11, 0x05, tag]))
        #expect(error.offset == 4)
        #expect(error.message == "unknown data type tag \(tag) (0x\(Hex.encode([tag])))")
    }

    /// Every fixed-size type with one byte missing, and with none present.
    @Test(arguments: DLMSData.TypeTag.allCases.filter { ($0.fixedSize ?? 0) > 0 })
    func truncatedFixedSizeValuesAreErrors(tag: DLMSData.TypeTag) throws {
        let size = try #require(tag.fixedSize)
        let input = [0x00, tag.rawValue] + [UInt8](repeating: 0x11, count: size - 1)
        var reader = ByteReader(input[1...])
        #expect(throws: DecodingError("\(tag.name) needs \(size) bytes, \(size - 1) present", at: 2)) {
            try DLMSData.decode(from: &reader)
        }
        #expect(decodingError([tag.rawValue]) == DecodingError("\(tag.name) needs \(size) bytes, 0 present", at: 1))
        // Complete, it decodes and takes exactly its size.
        let (_, remaining) = try DLMSData.decode([tag.rawValue] + [UInt8](repeating: 0x01, count: size) + [0xEE])
        #expect(Array(remaining) == [0xEE])
    }

    @Test func truncatedVariableSizeValuesAreErrors() {
        #expect(decodingError("09 05 0102") == DecodingError("octet-string of 5 bytes but only 2 follow", at: 1))
        #expect(decodingError("0A 02 41") == DecodingError("visible-string of 2 bytes but only 1 follow", at: 1))
        #expect(decodingError("0C 03 41") == DecodingError("utf8-string of 3 bytes but only 1 follow", at: 1))
        #expect(decodingError("04 11 FFFF") == DecodingError("bit-string of 17 bits needs 3 bytes, 2 present", at: 1))
        #expect(decodingError("04 82FFFF 00") == DecodingError("bit-string of 65535 bits needs 8192 bytes, 1 present", at: 1))
    }

    @Test func tenThousandNestedStructuresFailAtTheDepthBound() {
        let depth = 10_000
        let input = Array([[UInt8]](repeating: [0x02, 0x01], count: depth).joined()) + [0x00]
        let clock = ContinuousClock()
        var error: DecodingError?
        let elapsed = clock.measure { error = decodingError(input) }
        // Containers at levels 1...64 are decoded; the 65th starts at byte 128.
        #expect(error == DecodingError("structure nested deeper than 64 levels", at: 2 * DLMSData.maximumDepth))
        #expect(elapsed < .seconds(1))
    }

    @Test func nestingUpToTheBoundDecodes() throws {
        let nested = [UInt8](repeating: 0x01, count: 2 * DLMSData.maximumDepth)
        var value = try DLMSData(decoding: nested + [0x11, 0x2A])
        for _ in 0..<DLMSData.maximumDepth {
            guard case .array(let elements, _) = value, elements.count == 1 else {
                Issue.record("expected an array of one element")
                return
            }
            value = elements[0]
        }
        #expect(value == .unsigned(42))
        #expect(decodingError([0x01, 0x01] + nested + [0x11, 0x2A])?.message == "array nested deeper than 64 levels")
    }

    @Test func deeplyNestedCompactArrayDescriptionFailsAtTheDepthBound() throws {
        // 13, then array descriptions 01 0001 nested 10,000 deep.
        let input = [0x13] + Array([[UInt8]](repeating: [0x01, 0x00, 0x01], count: 10_000).joined()) + [0x11, 0x01, 0x00]
        let error = try #require(decodingError(input))
        #expect(error.message.contains("nested deeper than 64 levels"))
        // The compact array is level 1; its element descriptions start at level 2.
        #expect(error.offset == 1 + 3 * (DLMSData.maximumDepth - 1))
        let structures = [0x13] + Array([[UInt8]](repeating: [0x02, 0x01], count: 10_000).joined()) + [0x11]
        #expect(decodingError(structures)?.message.contains("nested deeper than 64 levels") == true)
    }

    @Test func compactArraysNestedInStructuresCountTowardsTheDepth() {
        // 63 structures, then a compact array (level 64) whose elements are
        // structures (level 65): refused.
        let prefix = Array([[UInt8]](repeating: [0x02, 0x01], count: DLMSData.maximumDepth - 1).joined())
        #expect(decodingError(prefix + bytes("13 11 01 05"))?.message == nil)
        #expect(decodingError(prefix + bytes("13 02 01 11 01 05"))?.message
            == "compact-array contents-description nested deeper than 64 levels")
        #expect(decodingError(prefix + bytes("02 01 13 11 01 05"))?.message == "compact-array nested deeper than 64 levels")
    }

    @Test func everyPrefixOfAValidValueFailsCleanly() throws {
        let vectors = ["f08", "f11", "f19", "f22"]
        for id in vectors {
            let input = try DataVectors.input(of: try DataVectors.vector(id))
            for end in 0..<input.count {
                let error = decodingError(Array(input[..<end]))
                #expect(error != nil, "\(id) cut at \(end) decoded")
                if let error { #expect(error.offset <= end, "\(id) cut at \(end): offset \(error.offset)") }
            }
        }
    }

    /// Random and mutated input never crashes; whatever decodes re-encodes
    /// to exactly the bytes it was decoded from, and decodes to itself again.
    @Test func randomAndMutatedInputDecodesOrFailsAndRoundTripsExactly() throws {
        var random = SplitMix64(seed: 0x444C_4D53)
        let tags = DLMSData.TypeTag.allCases.map(\.rawValue) + [7, 0x81]
        var decoded = 0
        for _ in 0..<20_000 {
            let count = Int(random.next() % 40)
            // Mostly small bytes (short lengths and counts), a third of them tags.
            let input = (0..<count).map { _ in
                random.next() % 3 == 0
                    ? tags[Int(random.next() % UInt64(tags.count))] : UInt8(truncatingIfNeeded: random.next() % 8)
            }
            if check(input) { decoded += 1 }
        }
        for id in ["f08", "f09", "f11", "f19", "f22"] {
            let input = try DataVectors.input(of: try DataVectors.vector(id))
            for _ in 0..<2_000 {
                var mutated = input
                for _ in 0..<(1 + random.next() % 3) {
                    mutated[Int(random.next() % UInt64(mutated.count))] = UInt8(truncatingIfNeeded: random.next())
                }
                if check(mutated) { decoded += 1 }
            }
        }
        #expect(decoded > 1_000)
    }

    /// Decodes `input`; when it decodes, checks the exact round trip. Returns whether it decoded.
    private func check(_ input: [UInt8]) -> Bool {
        guard let (value, remaining) = try? DLMSData.decode(input) else { return false }
        let consumed = Array(input[..<remaining.startIndex])
        #expect(value.encoded == consumed, "\(Hex.encode(input))")
        #expect((try? DLMSData(decoding: value.encoded)) == value, "\(Hex.encode(input))")
        return true
    }
}

/// A small deterministic generator (SplitMix64) for reproducible fuzzing.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
