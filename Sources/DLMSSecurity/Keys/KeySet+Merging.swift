extension KeySet {
    /// This entry over `base`: every field this entry sets wins, the others
    /// come from `base`.
    public func merged(over base: KeySet) -> KeySet {
        KeySet(
            name: name ?? base.name,
            ek: ek ?? base.ek,
            ak: ak ?? base.ak,
            bk: bk ?? base.bk,
            dk: dk ?? base.dk,
            kek: kek ?? base.kek,
            hlsSecret: hlsSecret ?? base.hlsSecret,
            password: password ?? base.password,
            agreementKey: agreementKey ?? base.agreementKey,
            signingKey: signingKey ?? base.signingKey,
            agreementPublicKey: agreementPublicKey ?? base.agreementPublicKey,
            signingPublicKey: signingPublicKey ?? base.signingPublicKey,
            certificate: certificate ?? base.certificate
        )
    }
}
