import DLMSAnalysis
import DLMSCore
import DLMSSecurity

/// The keys of the Samples sessions, built in code: the Green Book suite-0 meter of
/// `ciphered-session`, and the suite 1 and suite 2 parties of `suite1-session` and
/// `suite2-session` (symmetric keys, static key-agreement scalars with their public
/// points, and the signing public keys of their certificates), so that the security
/// harnesses open glo-/ded-ciphering, general-ciphering (every key-info kind) and
/// check general-signing signatures.
public enum FuzzKeys {
    /// A decoder holding `store`, set up once (its asymmetric keys take milliseconds to load);
    /// each input starts from a copy, so that no state leaks from one input to the next.
    public static let decoder = PDUDecoder(keys: store)

    public static let store: KeyStore = {
        let suite1Meter = bytes("4D4D4D0000BC614E")
        let suite1Client = bytes("4D4D4D0000000001")
        let suite2Meter = bytes("4D4D4D0000BC614F")
        let suite2Client = bytes("4D4D4D0000000002")
        let meter1Agreement = bytes("AAD3FD0732E991CF52A74C66C1F2827DDC53522A2E0A169D7C4FFCC0FB5D6A4D")
        let client1Agreement = bytes("A51C16FF5C498FCC89323D4A9267CD71BF81FD6F6A891CD240DA7F3D6F283E65")
        let meter2Agreement = bytes(
            "60A3847E7FFD5F4F2F70E1CEAD87E95D789F59CF92A86B13503C97597637162E97140DCFB3A9046F20328198602DBAE8")
        let client2Agreement = bytes(
            "726F4F4B3A4C7CD4EE1C0914FB1125411DDD65BBDD34FA6596E4BF1DBC855D4AF37A6485F6393503E69A97F491756A82")
        return KeyStore(
            meters: [
                suite1Meter: KeySet(
                    name: "suite 0/1 meter",
                    ek: bytes("000102030405060708090A0B0C0D0E0F"), ak: bytes("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF"),
                    kek: bytes("101112131415161718191A1B1C1D1E1F"),
                    agreementKey: .scalar(meter1Agreement),
                    agreementPublicKey: publicPoint(.p256, meter1Agreement),
                    signingPublicKey: .point(bytes(
                        "933ACF15B03A9248E029B2787FB52A0AECAF635F07C42A0019FB3197E38F8F54"
                        + "9A125EA36781B0CA96BE89A0E1FE2CF9B7361ED48B3C5E24592B9C0F4EDD31D1"))
                ),
                suite2Meter: KeySet(
                    name: "suite 2 meter",
                    ek: bytes("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F"),
                    ak: bytes("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDFE0E1E2E3E4E5E6E7E8E9EAEBECEDEEEF"),
                    kek: bytes("202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F"),
                    agreementKey: .scalar(meter2Agreement),
                    agreementPublicKey: publicPoint(.p384, meter2Agreement),
                    signingPublicKey: .point(bytes(
                        "306F682464199D2606B6019A963D79713CD46CF41D45549988BCEEFC9C15FC0F"
                        + "8B4316D6D4D1E065F7D83473447D5E2BD056DB2CFDDD37A2E3F9B14D06D97144"
                        + "E10FE71ADC6F87D2C7D3EBB457B5208A8B2AC678F9E44C4DE3EDE20CBCA555B3"))
                ),
            ],
            clients: [
                suite1Client: KeySet(
                    name: "suite 0/1 client",
                    agreementKey: .scalar(client1Agreement),
                    agreementPublicKey: publicPoint(.p256, client1Agreement),
                    signingPublicKey: .point(bytes(
                        "BAAFFDE06A8CB1C9DAE8D94023C601DBBB249254BA22EDD827E820BCA2BCC643"
                        + "62FBB83D86A82B87BB8B7161D2AAB5521911A946B97A284A90F7785CD9047D25"))
                ),
                suite2Client: KeySet(
                    name: "suite 2 client",
                    agreementKey: .scalar(client2Agreement),
                    agreementPublicKey: publicPoint(.p384, client2Agreement),
                    signingPublicKey: .point(bytes(
                        "90AB96CD7D155035CC5C552D7BF3A9D6734E186AA1CD438C39A4937EF4FDB7D3"
                        + "B8A2F585AB4EF95FC0EB4D48B463A59FB6CABD802B1D32E73CC1EACAD55EC195"
                        + "A6047811D75C1EDCD7EBD4488ED0D806A85C686D3690A6A5C1A06285B5BA2C8B"))
                ),
            ]
        )
    }()

    static func bytes(_ hex: String) -> [UInt8] {
        Hex.decode(hex) ?? []
    }

    /// The public point of a static agreement scalar (nil if OpenSSL rejects it).
    static func publicPoint(_ curve: ECCurve, _ scalar: [UInt8]) -> PublicKeyReference? {
        guard let key = try? ECPrivateKey(curve: curve, scalar: scalar) else { return nil }
        return .point(key.publicKey.point)
    }
}
