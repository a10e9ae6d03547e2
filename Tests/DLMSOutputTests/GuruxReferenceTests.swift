import DLMSAnalysis
import DLMSCore
import DLMSOutput
import DLMSTestSupport
import Foundation
import Testing

/// Every plain (unciphered, unframed) reference case through the path `pdu -T xml` takes: with
/// comments removed, the APDU element equals what the Gurux translator printed, except in the
/// cases ../shared/reference/README.md lists as Gurux being wrong, which are checked by the
/// standard in the APDU families' own tests.
@Suite struct GuruxReferenceTests {
    /// Plain cases (cases.json entries without arguments) where Gurux is right.
    static let agreeing = [
        "01_aarq_ln_no_security", "04_aare_accepted", "05_aare_rejected_auth_failure", "07_release_request",
        "08_release_response", "09_get_request_normal", "10_get_request_selective_range", "11_get_request_with_list",
        "12_get_response_datetime", "13_get_response_scaler_unit", "14_get_response_array100",
        "15_get_response_profile_rows", "16_get_response_access_error", "18_get_response_datablock_first",
        "22_set_request_normal", "23_set_response_normal", "24_action_request_normal", "25_action_response_with_data",
        "26_data_notification", "27_data_notification_no_time", "28_event_notification", "29_exception_response",
        "31_confirmed_service_error", "34_sn_read_request", "35_sn_read_response",
    ]

    /// Plain cases where Gurux is wrong (README): compact arrays (20, 21), with-list drops a result (17),
    /// dont-care (19), IC error crash (30), GBT crash (32), general-signing unknown (57), date 0x1A (76),
    /// truncated data shown empty (77), trailing bytes ignored (78), access (80, 81: Gurux misreads results);
    /// 02 hides the LLS password unless --show-secrets.
    static let disagreeing = [
        "02_aarq_lls_password", "17_get_response_with_list", "19_get_response_all_simple_types",
        "20_get_response_compact_array_simple", "21_get_response_compact_array_struct",
        "30_exception_response_ic_error", "32_general_block_transfer_last", "57_general_signing",
        "76_get_response_date_type_0x1A", "77_get_response_truncated", "78_get_response_trailing_bytes",
        "80_access_request", "81_access_response",
    ]

    static func ours(_ input: [UInt8], showSecrets: Bool = false) throws -> GuruxReference.Tree {
        var decoder = PDUDecoder()
        let record = try #require(decoder.decode(input, number: 1).first)
        let xml = APDURendering.xml(record, options: RenderOptions(showSecrets: showSecrets))
        return try #require(GuruxReference.tree(xml))
    }

    @Test(arguments: agreeing)
    func apduElementEqualsGurux(name: String) throws {
        let reference = try #require(GuruxReference.load(name))
        #expect(reference.inputs.count == reference.outputs.count)
        for (input, output) in zip(reference.inputs, reference.outputs) {
            let gurux = try #require(GuruxReference.tree(output))
            #expect(try Self.ours(input) == gurux, "\(name)")
        }
    }

    @Test func theLLSPasswordMatchesGuruxOnlyWhenSecretsAreShown() throws {
        let reference = try #require(GuruxReference.load("02_aarq_lls_password"))
        let input = try #require(reference.inputs.first)
        let output = try #require(reference.outputs.first)
        let gurux = try #require(GuruxReference.tree(output))
        #expect(try Self.ours(input, showSecrets: true) == gurux)
        #expect(try Self.ours(input) != gurux)
    }

    @Test(arguments: disagreeing)
    func casesWhereGuruxIsWrongStillGiveWellFormedXML(name: String) throws {
        let reference = try #require(GuruxReference.load(name))
        for input in reference.inputs {
            var decoder = PDUDecoder()
            for record in decoder.decode(input, number: 1) {
                let xml = APDURendering.xml(record, options: RenderOptions())
                #expect(GuruxReference.tree("<Root>" + xml + "</Root>") != nil, "\(name): \(xml)")
            }
        }
    }

    @Test func everyPlainCaseIsListedOnce() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.shared("reference/gurux/cases.json")))
        let cases = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let plain = cases.filter { ($0["args"] as? [String])?.isEmpty == true }.compactMap { $0["name"] as? String }
        #expect(Set(plain) == Set(Self.agreeing + Self.disagreeing))
        #expect(Self.agreeing.count + Self.disagreeing.count == plain.count)
    }
}
