import ArgumentParser
import DLMSSecurity

/// The keys to open protected APDUs and check authentication with: a keys
/// file, and flags that go over its default entry. Key values are never
/// echoed, not even in error messages.
struct KeyOptions: ParsableArguments {
    @Option(
        name: [.customShort("k"), .customLong("keys")],
        help: ArgumentHelp(
            "A keys file (TOML, or JSON): a [default] table and [[meter]] / [[client]] tables by system-title, holding ek, ak, bk, dk, kek, hls-secret, password.",
            valueName: "file"
        )
    )
    var keysFile: String?

    @Option(name: .customLong("ek"), help: ArgumentHelp("Global unicast encryption key (hex, 16 or 32 bytes).", valueName: "hex"))
    var ek: String?

    @Option(name: .customLong("ak"), help: ArgumentHelp("Authentication key (hex).", valueName: "hex"))
    var ak: String?

    @Option(name: .customLong("bk"), help: ArgumentHelp("Global broadcast encryption key (hex).", valueName: "hex"))
    var bk: String?

    @Option(
        name: .customLong("dk"),
        help: ArgumentHelp("Dedicated key (hex), when the AARQ carrying it is not in the capture.", valueName: "hex")
    )
    var dk: String?

    @Option(
        name: .customLong("client-system-title"),
        help: ArgumentHelp("The client's system title (8 bytes hex), when no AARQ reveals it.", valueName: "hex")
    )
    var clientSystemTitle: String?

    @Option(
        name: .customLong("server-system-title"),
        help: ArgumentHelp("The meter's system title (8 bytes hex), when no AARE or APDU reveals it.", valueName: "hex")
    )
    var serverSystemTitle: String?

    @Option(name: .customLong("password"), help: ArgumentHelp("The LLS password to compare the AARQ's with.", valueName: "text"))
    var password: String?

    @Option(
        name: .customLong("hls-secret"),
        help: ArgumentHelp("The HLS secret (mechanisms 3, 4 and 6) to check replies with.", valueName: "text")
    )
    var hlsSecret: String?

    /// The key flags as given.
    var flags: KeyFlags {
        KeyFlags(
            ek: ek, ak: ak, bk: bk, dk: dk, clientSystemTitle: clientSystemTitle, serverSystemTitle: serverSystemTitle,
            password: password, hlsSecret: hlsSecret
        )
    }

    /// The keys file (if any) with the flags applied, and its suite 1/2 key and certificate
    /// files read — once, here, so that a bad one stops the run and no input reads them again.
    func keyStore() throws(KeysFileError) -> (keys: KeyStore, keyring: AsymmetricKeyring) {
        var store = try keysFile.map { path throws(KeysFileError) in try KeyStore(contentsOfFile: path) } ?? KeyStore()
        try store.apply(flags)
        let (keyring, problems) = store.asymmetricKeyring()
        if var problem = problems.first {
            problem.file = keysFile
            throw problem
        }
        return (store, keyring)
    }

    /// `keyStore()`, or one line on stderr and exit status 2.
    func loadKeys() throws -> (keys: KeyStore, keyring: AsymmetricKeyring) {
        do {
            return try keyStore()
        } catch {
            CommandLineError.report("\(error)")
            throw ExitCode(2)
        }
    }
}
