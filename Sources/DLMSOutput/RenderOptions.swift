/// How records are rendered.
public struct RenderOptions: Sendable {
    /// Show LLS passwords and other secrets instead of their length.
    public var showSecrets: Bool
    /// Text: print the APDU's fields as a tree under each line.
    public var verbose: Bool
    /// COSEM data written straight as JSON bytes (`PresentationContext.directJSON`);
    /// the JSON Lines renderer sets it for itself.
    var directJSON = false

    public init(showSecrets: Bool = false, verbose: Bool = false) {
        self.showSecrets = showSecrets
        self.verbose = verbose
    }
}
