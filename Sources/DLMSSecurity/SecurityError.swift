/// A cryptographic operation that could not run at all (a key of the wrong
/// size, OpenSSL refusing a context). A tag that does not verify is not an
/// error: it is a verdict.
public struct SecurityError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
