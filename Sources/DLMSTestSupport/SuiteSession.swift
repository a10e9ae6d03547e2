import DLMSAPDU
import DLMSCore
import DLMSSecurity

/// The fixed parameters of a security suite 1 or 2 sample session
/// (`Samples/suite1-session.pcap`, `Samples/suite2-session.pcap`): the
/// parties' system titles and addresses, the symmetric keys, and the private
/// scalars of every key pair. `SuiteSessionCapture` turns them into APDUs.
///
/// Suite 1 (P-256, AES-GCM-128) uses the Green Book Annex C key pairs:
/// client signing [c01], server signing [c02], server static agreement and
/// client ephemeral [c08], client static agreement [c10], server ephemeral
/// [c07]. Suite 2 (P-384, AES-GCM-256) uses the two scalars of [c15] as the
/// static agreement keys and SHA-384 of ASCII labels for the rest.
public struct SuiteSession: Sendable {
    /// 1 or 2.
    public let suite: UInt8
    public let curve: ECCurve
    public let clientSystemTitle: [UInt8]
    public let serverSystemTitle: [UInt8]
    public let clientAddress: [UInt8]
    public let clientPort: UInt16
    public let serverAddress: [UInt8]
    /// The global unicast encryption key of the keys file (before key_transfer).
    public let encryptionKey: [UInt8]
    public let authenticationKey: [UInt8]
    /// The master key (KEK) of key transport.
    public let kek: [UInt8]
    /// The global unicast encryption key that key_transfer installs.
    public let newEncryptionKey: [UInt8]
    /// The content keys wrapped into the wrapped-key key-infos (client's, server's).
    public let clientContentKey: [UInt8]
    public let serverContentKey: [UInt8]
    /// HLS mechanism 7 challenges.
    public let clientChallenge: [UInt8]
    public let serverChallenge: [UInt8]
    /// Private scalars (big-endian, the curve's field size).
    public let clientSigningScalar: [UInt8]
    public let serverSigningScalar: [UInt8]
    public let clientAgreementScalar: [UInt8]
    public let serverAgreementScalar: [UInt8]
    public let clientEphemeralScalar: [UInt8]
    public let serverEphemeralScalar: [UInt8]
    /// The issuer of the sample certificates (the certificate itself is not written).
    public let caScalar: [UInt8]

    /// A+E with the suite's number: 0x31 or 0x32.
    public var securityControl: SecurityControl { SecurityControl(rawValue: 0x30 | suite) }
    /// The name the sample files carry: `suite1`, `suite2`.
    public var name: String { "suite\(suite)" }

    static func hex(_ text: String) -> [UInt8] { Hex.decode(text) ?? [] }

    /// Suite 1: the Green Book example titles and keys, P-256.
    public static let suite1 = SuiteSession(
        suite: 1, curve: .p256,
        clientSystemTitle: hex("4D4D4D0000000001"), serverSystemTitle: hex("4D4D4D0000BC614E"),
        clientAddress: [192, 168, 10, 22], clientPort: 50_301, serverAddress: [192, 168, 10, 52],
        encryptionKey: hex("000102030405060708090A0B0C0D0E0F"),
        authenticationKey: hex("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF"),
        kek: hex("101112131415161718191A1B1C1D1E1F"),
        // SHA-256 of "dlmscope suite 1 new ek", "… content key", "… meter content key", leftmost 16 bytes.
        newEncryptionKey: hex("9EEFB011E75DCE67B2B9631A02344CC9"),
        clientContentKey: hex("AE0C22A8AD7D1CA3DA9CCBA9BB2FB789"),
        serverContentKey: hex("79E29F6EC83F69473E3739488A74BEE8"),
        // SHA-256 of "dlmscope suite 1 CtoS" / "… StoC".
        clientChallenge: hex("D7DDBA16DBD1A722847F7E318D1AC394E82E003C8255F3B28363F660170FCE45"),
        serverChallenge: hex("CF15C91C772B425CBEB4400D8E063BCF7D8044CD33AE42C1A888C6833943B31D"),
        clientSigningScalar: hex("418073C239FA6125011DE4D6CD2E645780289F761BB21BFB0835CB5585E8B373"),
        serverSigningScalar: hex("AE55414FFE079F9FC95649536BD1C2B5653D200813727E07D501A8B550C69207"),
        clientAgreementScalar: hex("A51C16FF5C498FCC89323D4A9267CD71BF81FD6F6A891CD240DA7F3D6F283E65"),
        serverAgreementScalar: hex("AAD3FD0732E991CF52A74C66C1F2827DDC53522A2E0A169D7C4FFCC0FB5D6A4D"),
        clientEphemeralScalar: hex("47DAB03842E5B6E74828EF4F449B378D7DD1A5DAE1FFCA5AE0B0BE0AD18EC57E"),
        serverEphemeralScalar: hex("34A8C23A34DBB519D09B245754C85A6CFE05D14A063EFA5AA41545AA8241EFAE"),
        // SHA-256 of "dlmscope sample CA P-256".
        caScalar: hex("DBA3F12254A496F49B515F60AA0599E28C5BEE206170992FEBFDCC3E31BE29BA")
    )

    /// Suite 2: P-384, 256-bit keys, its own titles.
    public static let suite2 = SuiteSession(
        suite: 2, curve: .p384,
        clientSystemTitle: hex("4D4D4D0000000002"), serverSystemTitle: hex("4D4D4D0000BC614F"),
        clientAddress: [192, 168, 10, 23], clientPort: 50_402, serverAddress: [192, 168, 10, 53],
        encryptionKey: hex("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F"),
        authenticationKey: hex("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDFE0E1E2E3E4E5E6E7E8E9EAEBECEDEEEF"),
        kek: hex("202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F"),
        // SHA-256 of "dlmscope suite 2 new ek", "… content key", "… meter content key".
        newEncryptionKey: hex("1B4DE944E7E0C966EF5D85F403FB4274A6A576E12DA32ABEA39F35D81916DCC0"),
        clientContentKey: hex("CC66765FA263AAB9EAA2D27F0C2552CFE6C188424A066A168452359A277B70C8"),
        serverContentKey: hex("F07ACABBEEB1C250193E78FDC072745DA6DACBB69F6831C7C2CE4F86B8B24731"),
        // SHA-384 of "dlmscope suite 2 CtoS" / "… StoC".
        clientChallenge: hex("FC016741D2EC61F1D0A5CCF96331C03EBEB02BE5F2DEDC7B2AFA3E668791276EDE9D8DA4C5612859CF3E950A79870F52"),
        serverChallenge: hex("C94D7FC21859EADC4405C7456FFAFFF94B59EFB04BD925A48A7233C4B892E5D611720BF2A288FD94204BDF3DB12E5D69"),
        // SHA-384 of "dlmscope suite 2 client signing", "… meter signing".
        clientSigningScalar: hex("0FF5CD794D493496AE13517735A1B5D3A65CE84F98D91C8B72F6AB9A57276F4AF41D25B925B3C1FAA5699A59B1308983"),
        serverSigningScalar: hex("9DA95AABEED9307949AF140B20B3E1929DA2640B6ACD8938E4176F368A05F3C18ED21590D0C29BC50D5402F132388934"),
        // c15 party U (client) and party V (meter).
        clientAgreementScalar: hex("726F4F4B3A4C7CD4EE1C0914FB1125411DDD65BBDD34FA6596E4BF1DBC855D4AF37A6485F6393503E69A97F491756A82"),
        serverAgreementScalar: hex("60A3847E7FFD5F4F2F70E1CEAD87E95D789F59CF92A86B13503C97597637162E97140DCFB3A9046F20328198602DBAE8"),
        // SHA-384 of "dlmscope suite 2 client ephemeral", "… meter ephemeral".
        clientEphemeralScalar: hex("694EF3357660A3DF88A1EA5187E76580B1334F00126DD47DD30842BE0B9304359BE20A72B47E3F62A330E71F8C074192"),
        serverEphemeralScalar: hex("7A344BA74178216856DD75326F924997B70EA359592074D51BB6C0A64F1EBC165DB7F4E2CEE5D744E677E1CF92DEEC9E"),
        // SHA-384 of "dlmscope sample CA P-384".
        caScalar: hex("35B2468D6B352255C4CF99B97984A2E504FA255CC8478891DE83AE9E6E47EE30C9F6A622BDF6FFA2DED4BE3C2084E87C")
    )

    public static let all = [suite1, suite2]
}
