import DLMSCore

/// The direction words of hex-log prefixes and logger block headers.
///
/// The host that wrote the log is assumed to be the client side (an optical
/// probe, a head-end, a HAN reader): what it sent (`TX`, `Sent`, `->`, `>`)
/// travelled client to server, what it received (`RX`, `Received`, `<-`, `<`)
/// server to client. Logs written by a meter simulator would be reversed.
enum HexLogDirection {
    private static let sent = ["tx", "sent", "send", "sending", "transmit", "transmitted", "transmitting", "->", ">", ">>"]
    private static let received = ["rx", "received", "receive", "receiving", "recv", "rcvd", "<-", "<", "<<"]

    /// The direction a word states (case-insensitive, without surrounding punctuation), or nil.
    static func parse(_ word: ArraySlice<UInt8>) -> Direction? {
        guard word.count <= 12 else { return nil }
        if sent.contains(where: { HexLogText.equals(word, $0) }) { return .clientToServer }
        if received.contains(where: { HexLogText.equals(word, $0) }) { return .serverToClient }
        return nil
    }

    /// A prefix word with bracket and trailing punctuation removed (`[TX]`, `RX:`, `Sent,`).
    static func stripPunctuation(_ word: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var word = word
        while let first = word.first, "[({".utf8.contains(first) { word = word.dropFirst() }
        while let last = word.last, "])}:,;|".utf8.contains(last) { word = word.dropLast() }
        return word
    }
}
