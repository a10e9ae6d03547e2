import DLMSCore
import DLMSTestSupport
import Foundation
import Testing

/// `dlmscope verify`: the conformance report of the ciphered sample in text and JSON, the exit
/// status (0 pass, 1 an error-severity finding, 2 usage errors, unreadable inputs, bad keys).
@Suite struct VerifyCommandTests {
    static let sample = "Samples/ciphered-session.pcap"
    static let keys = "Samples/ciphered-session.keys.toml"

    /// The sample with one bit of the glo-get-response's tag (record 8, packet 11) flipped.
    static func damagedSample() throws -> String {
        var bytes = [UInt8](try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent(sample)))
        let response = try CipheredSession.apdus()[7]
        #expect(!response.fromClient)
        let range = try #require(Data(bytes).range(of: Data(response.apdu)))
        bytes[range.upperBound - 1] ^= 0x01
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("damaged.pcap").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func writeKeys(_ text: String, name: String = "keys.toml") throws -> String {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The JSON report objects, one per line.
    static func reports(_ result: CommandRunner.Result) throws -> [[String: Any]] {
        try result.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    // MARK: The clean sample

    @Test func theCleanSamplePassesInText() throws {
        let result = try CommandRunner.run(["verify", "-k", Self.keys, Self.sample])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let counts = "12 APDUs, 10 ciphered (83.3 %), 10 decrypted; tags: 10 valid; authentication: 2 valid"
        #expect(result.lines == [
            "== Samples/ciphered-session.pcap",
            "  12 records; \(counts)",
            "Associations",
            "  #1  192.168.10.21:50200 -> 192.168.10.51:4059  records 1-12  AARQ, accepted, released  LN-ciphered  HLS-GMAC",
            "      client 4D4D4D0000000001  server 4D4D4D0000BC614E",
            "      \(counts)",
            "      HLS f(StoC) by the client, mechanism 5: valid",
            "      HLS f(CtoS) by the server, mechanism 5: valid",
            "Meters",
            "  4D4D4D0000BC614E (MMM): 1 association; \(counts)",
            "      IC 4D4D4D0000000001 global-unicast C->S: 0 … 4 (4 APDUs)",
            "      IC 4D4D4D0000BC614E global-unicast S->C: 19088742 … 19088746 (4 APDUs)",
            "      IC 4D4D4D0000000001 dedicated C->S: 2 … 2 (1 APDU)",
            "      IC 4D4D4D0000BC614E dedicated S->C: 1 … 1 (1 APDU)",
            "Result: PASS (no error-severity finding)",
        ])
        // Text is the default format, and -T text says the same.
        #expect(try CommandRunner.run(["verify", "-T", "text", "-k", Self.keys, Self.sample]).stdout == result.stdout)
    }

    @Test func theCleanSamplePassesInJSON() throws {
        let result = try CommandRunner.run(["verify", "-T", "json", "-k", Self.keys, Self.sample])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.lines.count == 1)
        #expect(result.stdout.contains(#""result":"pass""#))
        let report = try #require(try Self.reports(result).first)
        #expect(Set(report.keys) == ["file", "result", "records", "totals", "associations", "meters", "invocationCounters", "findings"])
        #expect(report["file"] as? String == Self.sample)
        #expect(report["result"] as? String == "pass")
        #expect(report["records"] as? Int == 12)
        Self.expectCleanCounts(report["totals"])

        let associations = try #require(report["associations"] as? [[String: Any]])
        #expect(associations.count == 1)
        let association = try #require(associations.first)
        #expect(association["number"] as? Int == 1)
        #expect(association["flow"] as? String == "192.168.10.21:50200 -> 192.168.10.51:4059")
        #expect(association["aarq"] as? Bool == true)
        #expect(association["accepted"] as? Bool == true)
        #expect(association["released"] as? Bool == true)
        #expect(association["records"] as? [Int] == [1, 12])
        #expect(association["clientSystemTitle"] as? String == "4D4D4D0000000001")
        #expect(association["serverSystemTitle"] as? String == "4D4D4D0000BC614E")
        #expect(association["context"] as? String == "logical-name-referencing-with-ciphering")
        #expect(association["mechanism"] as? String == "high-level-security-gmac")
        Self.expectCleanCounts(association["counts"])
        let authentication = try #require(association["authentication"] as? [[String: Any]])
        #expect(authentication.map { $0["mechanism"] as? Int } == [5, 5])
        #expect(authentication.map { $0["result"] as? String } == ["valid", "valid"])
        #expect(authentication.map { $0["responder"] as? String } == ["client", "server"])
        #expect((association["findings"] as? [Any])?.isEmpty == true)

        let meters = try #require(report["meters"] as? [[String: Any]])
        #expect(meters.count == 1)
        #expect(meters.first?["systemTitle"] as? String == "4D4D4D0000BC614E")
        #expect(meters.first?["associations"] as? Int == 1)
        Self.expectCleanCounts(meters.first?["counts"])
        #expect((meters.first?["findings"] as? [Any])?.isEmpty == true)

        // Each sender's counter per key: first … last, lowest, highest, how many.
        let expected: [[String: AnyHashable]] = [
            ["systemTitle": "4D4D4D0000000001", "key": "global-unicast", "direction": "client-to-server",
             "first": 0, "last": 4, "lowest": 0, "highest": 4, "count": 4],
            ["systemTitle": "4D4D4D0000BC614E", "key": "global-unicast", "direction": "server-to-client",
             "first": 0x0123_4566, "last": 0x0123_456A, "lowest": 0x0123_4566, "highest": 0x0123_456A, "count": 4],
            ["systemTitle": "4D4D4D0000000001", "key": "dedicated", "direction": "client-to-server",
             "first": 2, "last": 2, "lowest": 2, "highest": 2, "count": 1],
            ["systemTitle": "4D4D4D0000BC614E", "key": "dedicated", "direction": "server-to-client",
             "first": 1, "last": 1, "lowest": 1, "highest": 1, "count": 1],
        ]
        for ranges in [report["invocationCounters"], meters.first?["invocationCounters"]] {
            let ranges = try #require(ranges as? [[String: Any]])
            #expect(ranges.map(Self.hashable) == expected)
        }
        #expect((report["findings"] as? [Any])?.isEmpty == true)
    }

    static func expectCleanCounts(_ value: Any?, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let counts = value as? [String: Any] else {
            Issue.record("no counts: \(String(describing: value))", sourceLocation: sourceLocation)
            return
        }
        #expect(counts["apdus"] as? Int == 12, sourceLocation: sourceLocation)
        #expect(counts["ciphered"] as? Int == 10, sourceLocation: sourceLocation)
        #expect(counts["decrypted"] as? Int == 10, sourceLocation: sourceLocation)
        #expect(counts["cipheredShare"] as? Double == 0.8333, sourceLocation: sourceLocation)
        #expect((counts["tags"] as? [String: Any]).map(hashable) == ["valid": 10, "invalid": 0, "unchecked": 0, "absent": 0],
                sourceLocation: sourceLocation)
        #expect((counts["authentication"] as? [String: Any]).map(hashable) == ["valid": 2, "invalid": 0, "unchecked": 0],
                sourceLocation: sourceLocation)
    }

    /// A JSON object of strings and integers, comparable.
    static func hashable(_ object: [String: Any]) -> [String: AnyHashable] {
        object.mapValues { value in
            if let text = value as? String { return text }
            if let number = value as? Int { return number }
            return "\(value)"
        }
    }

    /// Without keys nothing opens: info findings only, so the sample still passes.
    @Test func withoutKeysTheSamplePassesWithInfoFindings() throws {
        let result = try CommandRunner.run(["verify", "-T", "json", Self.sample])
        #expect(result.status == 0)
        let report = try #require(try Self.reports(result).first)
        #expect(report["result"] as? String == "pass")
        let totals = try #require(report["totals"] as? [String: Any])
        #expect(totals["decrypted"] as? Int == 0)
        #expect((totals["tags"] as? [String: Any])?["unchecked"] as? Int == 10)
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.map { $0["code"] as? String } == ["key-missing"])
        #expect(findings.first?["severity"] as? String == "info")
        #expect(findings.first?["count"] as? Int == 10)
        // The first few locations are kept: records 1-5, packets 4-8.
        let locations = try #require(findings.first?["locations"] as? [[String: Any]])
        #expect(locations.map { $0["record"] as? Int } == [1, 2, 3, 4, 5])
        #expect(locations.map { $0["packet"] as? Int } == [4, 5, 6, 7, 8])
        let text = try CommandRunner.run(["verify", Self.sample])
        #expect(text.status == 0)
        #expect(text.lines.contains("  info key-missing ×10 at #1 [4], #2 [5], #3 [6], #4 [7], #5 [8], …"))
        #expect(text.lines.last == "Result: PASS (no error-severity finding)")
    }

    // MARK: Failures

    @Test func aDamagedTagFailsWithExitOne() throws {
        let damaged = try Self.damagedSample()
        let text = try CommandRunner.run(["verify", "-k", Self.keys, damaged])
        #expect(text.status == 1)
        #expect(text.stderr.isEmpty)
        #expect(text.lines.contains("  12 records; 12 APDUs, 10 ciphered (83.3 %), 10 decrypted; tags: 9 valid, 1 invalid; authentication: 2 valid"))
        #expect(text.lines.filter { $0.hasSuffix("error gcm-tag-invalid ×1 at #8 [11]") }.count == 3)
        #expect(text.lines.last == "Result: FAIL (gcm-tag-invalid ×1)")

        let json = try CommandRunner.run(["verify", "-T", "json", "-k", Self.keys, damaged])
        #expect(json.status == 1)
        let report = try #require(try Self.reports(json).first)
        #expect(report["result"] as? String == "fail")
        #expect((report["totals"] as? [String: Any]).flatMap { $0["tags"] as? [String: Any] }.map(Self.hashable)
            == ["valid": 9, "invalid": 1, "unchecked": 0, "absent": 0])
        let association = try #require((report["associations"] as? [[String: Any]])?.first)
        let meter = try #require((report["meters"] as? [[String: Any]])?.first)
        for findings in [report["findings"], association["findings"], meter["findings"]] {
            let findings = try #require(findings as? [[String: Any]])
            #expect(findings.count == 1)
            let finding = try #require(findings.first)
            #expect(finding["code"] as? String == "gcm-tag-invalid")
            #expect(finding["severity"] as? String == "error")
            #expect(finding["count"] as? Int == 1)
            #expect((finding["locations"] as? [[String: Any]])?.map(Self.hashable) == [["record": 8, "packet": 11]])
            #expect((finding["example"] as? String)?.contains("glo-get-response") == true)
        }
    }

    @Test func aWrongAuthenticationKeyFailsWithExitOne() throws {
        let keys = try Self.writeKeys(CipheredSession.keysFile.replacingOccurrences(
            of: "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF", with: "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDE"))
        let result = try CommandRunner.run(["verify", "-T", "json", "-k", keys, Self.sample])
        #expect(result.status == 1)
        let report = try #require(try Self.reports(result).first)
        #expect(report["result"] as? String == "fail")
        let codes = (report["findings"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
        #expect(codes.starts(with: ["gcm-tag-invalid", "wrong-key-likely"]))
        #expect(codes.contains("hls-response-invalid"))
        let association = try #require((report["associations"] as? [[String: Any]])?.first)
        #expect((association["authentication"] as? [[String: Any]])?.map { $0["result"] as? String } == ["invalid", "invalid"])
        let text = try CommandRunner.run(["verify", "-k", keys, Self.sample])
        #expect(text.status == 1)
        #expect(text.lines.last?.hasPrefix("Result: FAIL (gcm-tag-invalid ×") == true)
    }

    /// Two inputs, one report each; the worst status wins.
    @Test func oneReportPerInput() throws {
        let damaged = try Self.damagedSample()
        let result = try CommandRunner.run(["verify", "-T", "json", "-k", Self.keys, Self.sample, damaged])
        #expect(result.status == 1)
        let reports = try Self.reports(result)
        #expect(reports.map { $0["file"] as? String } == [Self.sample, damaged])
        #expect(reports.map { $0["result"] as? String } == ["pass", "fail"])
    }

    // MARK: Usage errors

    /// A bad keys file or key flag: exit 2, nothing on stdout, one line on stderr that names the
    /// problem and never the value.
    @Test(arguments: [
        (#"ek = "000102030405060708090A0B0C0D0E""#, "000102030405060708090A0B0C0D0E", "ek must be 16 or 32 bytes of hex, found 15 bytes"),
        (#"ak = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDX""#, "D0D1D2D3D4D5D6D7D8D9DADBDCDDDED", "ak is not hex"),
        (#"ek = "00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 1""#, "0A 0B 0C 0D 0E 0F", "ek must be 16 or 32 bytes of hex, found an odd number"),
        (#"000102030405060708090A0B0C0D0E0F = "x""#, "000102030405060708090A0B0C0D0E0F", "unknown field (a 32-character name)"),
        (#"ek = 000102030405060708090A0B0C0D0E0F"#, "000102030405060708090A0B0C0D0E0F", "ek is not quoted"),
    ])
    func aBadKeysFileIsAUsageError(line: String, value: String, message: String) throws {
        let keys = try Self.writeKeys("[default]\n\(line)\n")
        let result = try CommandRunner.run(["verify", "-k", keys, Self.sample])
        Self.expectUsageError(result, containing: message, notContaining: value)
        #expect(result.stderr.hasPrefix("dlmscope: \(keys):2: "), "\(result.stderr)")
    }

    @Test(arguments: [
        (["-k", "/nonexistent/keys.toml"], "", "dlmscope: /nonexistent/keys.toml: does not exist"),
        (["--ek", "000102030405060708090A0B0C0D0E"], "000102030405060708090A0B0C0D0E", "dlmscope: --ek must be 16 or 32 bytes of hex, found 15 bytes"),
        (["--ak", "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDZ"], "D0D1D2D3D4D5D6D7D8D9DADBDCDDDED", "dlmscope: --ak is not hex"),
        (["--server-system-title", "4D4D4D0000BC61"], "4D4D4D0000BC61", "dlmscope: --server-system-title must be 8 bytes of hex, found 7 bytes"),
    ])
    func aBadKeySourceIsAUsageError(arguments: [String], value: String, message: String) throws {
        let result = try CommandRunner.run(["verify"] + arguments + [Self.sample])
        Self.expectUsageError(result, containing: message, notContaining: value)
    }

    /// A JSON keys file is checked the same way.
    @Test func aBadJSONKeysFileIsAUsageError() throws {
        let keys = try Self.writeKeys(#"{"default": {"ek": "000102030405060708090A0B0C0D0E"}}"#, name: "keys.json")
        let result = try CommandRunner.run(["verify", "-T", "json", "-k", keys, Self.sample])
        Self.expectUsageError(result, containing: "ek must be 16 or 32 bytes", notContaining: "000102030405060708090A0B0C0D0E")
    }

    static func expectUsageError(
        _ result: CommandRunner.Result, containing message: String, notContaining value: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 2, sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("dlmscope: "), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.filter { $0 == "\n" }.count == 1 && result.stderr.hasSuffix("\n"), "\(result.stderr)",
                sourceLocation: sourceLocation)
        if !value.isEmpty {
            #expect(KeyLeak.leaks(in: result.stderr, of: [("bad value", value)]) == [], "\(result.stderr)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func anUnreadableInputExitsTwoButTheOthersAreReported() throws {
        let result = try CommandRunner.run(["verify", "-k", Self.keys, "/nonexistent.pcap", Self.sample])
        #expect(result.status == 2)
        #expect(result.stderr == "dlmscope: /nonexistent.pcap: cannot open: No such file or directory\n")
        #expect(result.lines.first == "== Samples/ciphered-session.pcap")
        #expect(result.lines.last == "Result: PASS (no error-severity finding)")
        // Unreadable beats failed: exit 2 even when a readable input has errors.
        let damaged = try Self.damagedSample()
        let both = try CommandRunner.run(["verify", "-T", "json", "-k", Self.keys, damaged, "/nonexistent.pcap"])
        #expect(both.status == 2)
        #expect(both.stderr == "dlmscope: /nonexistent.pcap: cannot open: No such file or directory\n")
        #expect(try Self.reports(both).map { $0["result"] as? String } == ["fail"])
    }

    @Test func aFileThatIsNoCaptureIsUnreadable() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("noise.bin").path
        try Data([0x00, 0xFF, 0x13, 0x7E, 0x01, 0x02, 0x03, 0xC4]).write(to: URL(fileURLWithPath: path))
        let result = try CommandRunner.run(["verify", path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("--raw"))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test(arguments: [["verify"], ["verify", "-T", "xml", "Samples/ciphered-session.pcap"], ["verify", "--show-secrets", "Samples/ciphered-session.pcap"]])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("dlmscope: "))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)")
    }
}
