import DLMSAPDU
import DLMSCore
import DLMSSecurity
import Testing

/// What opening does with damaged content, wrong keys, missing keys and
/// wrong inputs: verdicts, never crashes. Built on the Green Book
/// get-request (a02 A+E, a03 E, a04 A), whose inputs the vectors give.
@Suite struct CryptoNegativeTests {
    struct Case {
        var content: CipheredContent
        var plaintext: [UInt8]
        var title: [UInt8]
        var ek: [UInt8]
        var ak: [UInt8]
    }

    static func load(_ id: String) throws -> Case {
        let vector = try CryptoFixtures.vector(id)
        let apdu = try CryptoPolicyVectorTests.decodeServiceSpecific(try vector.expect("ciphered_apdu"))
        return Case(
            content: apdu.content, plaintext: try vector.input("plaintext_apdu"), title: try vector.input("system_title"),
            ek: try vector.input("EK"), ak: vector.inputs["AK"] == nil ? CryptoFixtures.greenBookAK : try vector.input("AK")
        )
    }

    static let authenticatedEncryption = "a02-glo-get-request-AE"
    static let encryptionOnly = "a03-glo-get-request-E"
    static let authenticationOnly = "a04-glo-get-request-A"

    /// Opens with the case's title and keys unless replaced (`.some(nil)`: no key).
    static func open(
        _ content: CipheredContent, _ item: Case, title: [UInt8]? = nil, ek: [UInt8]?? = nil, ak: [UInt8]?? = nil
    ) throws -> CipheredContentOpening {
        try CipheredContentOpener.open(
            content, systemTitle: title ?? item.title, encryptionKey: ek ?? item.ek, authenticationKey: ak ?? item.ak
        )
    }

    static func replacing(
        _ content: CipheredContent, control: SecurityControl? = nil, counter: UInt32? = nil, text: [UInt8]? = nil,
        tag: [UInt8]? = nil
    ) throws -> CipheredContent {
        let header = SecurityHeader(
            securityControl: control ?? content.securityControl, invocationCounter: counter ?? content.invocationCounter
        )
        return try #require(CipheredContent(header: header, text: text ?? content.text, tag: tag ?? content.tag))
    }

    @Test func theFixtureKeysAreTheVectorKeys() throws {
        let item = try Self.load(Self.authenticatedEncryption)
        #expect(item.ek == CryptoFixtures.greenBookEK)
        #expect(item.ak == CryptoFixtures.greenBookAK)
    }

    @Test(arguments: 0..<96)
    func flippedTagBitIsInvalidButThePlaintextIsStillShown(bit: Int) throws {
        let item = try Self.load(Self.authenticatedEncryption)
        let tag = try #require(item.content.tag)
        let damaged = try Self.replacing(item.content, tag: CryptoFixtures.flipping(tag, bit: bit))
        let opening = try Self.open(damaged, item)
        #expect(opening.tag == .invalid)
        #expect(!opening.isAuthentic)
        #expect(opening.plaintext == item.plaintext)
    }

    @Test(arguments: [0, 7, 50, 103])
    func flippedCiphertextBitIsInvalidWithAuthenticatedEncryption(bit: Int) throws {
        let item = try Self.load(Self.authenticatedEncryption)
        let damaged = try Self.replacing(item.content, text: CryptoFixtures.flipping(item.content.text, bit: bit))
        let opening = try Self.open(damaged, item)
        #expect(opening.tag == .invalid)
        // CTR keystream: the same bit flips in the unauthenticated plaintext.
        #expect(opening.plaintext == CryptoFixtures.flipping(item.plaintext, bit: bit))
    }

    /// Encryption only has no tag: a damaged ciphertext opens to a damaged
    /// plaintext that nothing can detect (verdict absent).
    @Test(arguments: [0, 7, 50, 103])
    func flippedCiphertextBitGivesGarbageWithEncryptionOnly(bit: Int) throws {
        let item = try Self.load(Self.encryptionOnly)
        let damaged = try Self.replacing(item.content, text: CryptoFixtures.flipping(item.content.text, bit: bit))
        let opening = try Self.open(damaged, item)
        #expect(opening.tag == .absent)
        #expect(opening.plaintext != item.plaintext)
        #expect(opening.plaintext == CryptoFixtures.flipping(item.plaintext, bit: bit))
    }

    @Test(arguments: [0, 12, 103])
    func flippedPlaintextBitIsInvalidWithAuthenticationOnly(bit: Int) throws {
        let item = try Self.load(Self.authenticationOnly)
        let damaged = try Self.replacing(item.content, text: CryptoFixtures.flipping(item.content.text, bit: bit))
        let opening = try Self.open(damaged, item)
        #expect(opening.tag == .invalid)
        #expect(opening.plaintext == damaged.text)
    }

    @Test(arguments: [authenticatedEncryption, authenticationOnly])
    func wrongAuthenticationKeyIsInvalid(id: String) throws {
        let item = try Self.load(id)
        let opening = try Self.open(item.content, item, ak: CryptoFixtures.flipping(item.ak, bit: 127))
        #expect(opening.tag == .invalid)
        #expect(opening.plaintext == item.plaintext)
    }

    @Test(arguments: [authenticatedEncryption, authenticationOnly])
    func wrongEncryptionKeyIsInvalid(id: String) throws {
        let item = try Self.load(id)
        let opening = try Self.open(item.content, item, ek: CryptoFixtures.flipping(item.ek, bit: 0))
        #expect(opening.tag == .invalid)
    }

    @Test func wrongEncryptionKeyGivesGarbageWithEncryptionOnly() throws {
        let item = try Self.load(Self.encryptionOnly)
        let opening = try Self.open(item.content, item, ek: CryptoFixtures.flipping(item.ek, bit: 0))
        #expect(opening.tag == .absent)
        #expect(opening.plaintext != nil)
        #expect(opening.plaintext != item.plaintext)
    }

    @Test(arguments: [authenticatedEncryption, authenticationOnly])
    func wrongSystemTitleOrCounterOrControlIsInvalid(id: String) throws {
        let item = try Self.load(id)
        #expect(try Self.open(item.content, item, title: CryptoFixtures.flipping(item.title, bit: 63)).tag == .invalid)
        let counter = try Self.replacing(item.content, counter: item.content.invocationCounter &+ 1)
        #expect(try Self.open(counter, item).tag == .invalid)
        // The SC byte is in the AAD: another suite id (same policy bits) breaks the tag.
        let control = try Self.replacing(
            item.content, control: SecurityControl(rawValue: item.content.securityControl.rawValue | 0x01)
        )
        #expect(try Self.open(control, item).tag == .invalid)
    }

    @Test func missingKeysGiveUncheckedOrClosedContent() throws {
        let both = try Self.load(Self.authenticatedEncryption)
        let withoutAK = try Self.open(both.content, both, ak: .some(nil))
        #expect(withoutAK.tag == .unchecked)
        #expect(withoutAK.plaintext == both.plaintext)
        let withoutEK = try Self.open(both.content, both, ek: .some(nil))
        #expect(withoutEK.tag == .unchecked)
        #expect(withoutEK.plaintext == nil)
        #expect(!withoutEK.isOpened)

        let encrypted = try Self.load(Self.encryptionOnly)
        let closed = try Self.open(encrypted.content, encrypted, ek: .some(nil))
        #expect(closed.tag == .absent)
        #expect(closed.plaintext == nil)

        let authenticated = try Self.load(Self.authenticationOnly)
        for opening in [
            try Self.open(authenticated.content, authenticated, ak: .some(nil)),
            try Self.open(authenticated.content, authenticated, ek: .some(nil)),
        ] {
            #expect(opening.tag == .unchecked)
            #expect(opening.plaintext == authenticated.plaintext)
        }
    }

    @Test func noProtectionPassesTheTextThrough() throws {
        let item = try Self.load(Self.authenticationOnly)
        let plain = try #require(
            CipheredContent(
                header: SecurityHeader(securityControl: CryptoFixtures.noProtection, invocationCounter: 7),
                text: item.plaintext, tag: nil
            )
        )
        let opening = try Self.open(plain, item)
        #expect(opening.tag == .absent)
        #expect(opening.plaintext == item.plaintext)
        let sealed = try CipheredContentOpener.seal(
            plaintext: item.plaintext, securityControl: CryptoFixtures.noProtection, invocationCounter: 7,
            systemTitle: item.title, encryptionKey: item.ek, authenticationKey: nil
        )
        #expect(sealed == plain)
    }

    @Test(arguments: [0, 5, 7, 9, 16])
    func oddSystemTitlesNeverCrash(count: Int) throws {
        let item = try Self.load(Self.authenticatedEncryption)
        let title = Array(repeating: UInt8(0x4D), count: count)
        let opening = try Self.open(item.content, item, title: title)
        #expect(opening.tag == .invalid)
        #expect(opening.systemTitleAdjustment.isAdjusted)
        let expected: SystemTitleAdjustment =
            count < 8 ? .rightPadded(originalCount: count) : .truncated(originalCount: count)
        #expect(opening.systemTitleAdjustment == expected)
    }

    @Test func aLongerTitleIsCutToItsFirstEightBytes() throws {
        let item = try Self.load(Self.authenticatedEncryption)
        let opening = try Self.open(item.content, item, title: item.title + [0xFF, 0xFF])
        #expect(opening.tag == .valid)
        #expect(opening.systemTitleAdjustment == .truncated(originalCount: 10))
    }

    @Test(arguments: [0x10, 0x30] as [UInt8])
    func sealingAnAuthenticatedPolicyNeedsTheAuthenticationKey(control: UInt8) throws {
        let item = try Self.load(Self.authenticatedEncryption)
        #expect(throws: SecurityError.self) {
            try CipheredContentOpener.seal(
                plaintext: item.plaintext, securityControl: SecurityControl(rawValue: control),
                invocationCounter: 1, systemTitle: item.title, encryptionKey: item.ek, authenticationKey: nil
            )
        }
    }

    @Test(arguments: [0, 15, 24, 33])
    func openingWithAWrongSizeKeyThrows(count: Int) throws {
        let item = try Self.load(Self.authenticatedEncryption)
        #expect(throws: SecurityError.self) {
            try Self.open(item.content, item, ek: .some([UInt8](repeating: 1, count: count)))
        }
    }

    /// Suite 2 uses AES-256-GCM: the same policies with a 32-byte key, and
    /// the SC suite id (2) in the AAD. Round trips only (no public suite-2
    /// APDU vector); the primitive's known answer is c16.
    @Test(arguments: [0x12, 0x22, 0x32] as [UInt8])
    func suiteTwoPoliciesRoundTripWithA256BitKey(control: UInt8) throws {
        let item = try Self.load(Self.authenticatedEncryption)
        let ek = Array(UInt8(0x00)...UInt8(0x1F))
        let ak = Array(UInt8(0xE0)...UInt8(0xFF))
        let sealed = try CipheredContentOpener.seal(
            plaintext: item.plaintext, securityControl: SecurityControl(rawValue: control), invocationCounter: 42,
            systemTitle: item.title, encryptionKey: ek, authenticationKey: ak
        )
        #expect(sealed.securityControl.suiteID == 2)
        let opening = try CipheredContentOpener.open(
            sealed, systemTitle: item.title, encryptionKey: ek, authenticationKey: ak
        )
        #expect(opening.plaintext == item.plaintext)
        #expect(opening.tag == (sealed.securityControl.authenticated ? .valid : .absent))
        if sealed.securityControl.encrypted {
            #expect(sealed.text != item.plaintext)
        }
        // The 128-bit Green Book key does not open it.
        let wrong = try CipheredContentOpener.open(
            sealed, systemTitle: item.title, encryptionKey: item.ek, authenticationKey: ak
        )
        #expect(wrong.tag == (sealed.securityControl.authenticated ? .invalid : .absent))
        if sealed.securityControl.encrypted {
            #expect(wrong.plaintext != item.plaintext)
        }
    }
}
