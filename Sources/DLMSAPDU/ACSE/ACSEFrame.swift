/// An ACSE APDU's outer length and its elements in the order received.
struct ACSEFrame {
    var length: BERLengthRecord
    var elements: [ACSEReadElement]
}
