extension DLMSData {
    /// The value of a compact-array (tag 19; Blue Book §4.1.5, spec-notes §5):
    /// a contents-description giving the type of every element, and the
    /// elements packed without tags in one length-prefixed `array-contents`.
    ///
    /// Inside the packed contents, fixed-size types take their value bytes
    /// only; octet-, visible- and utf8-strings and bit-strings keep their
    /// A-XDR length; an array element is its `count` elements in a row with
    /// no count; a structure is its members in a row with no count.
    ///
    /// Both views are kept: `elements`, the values decoded against the
    /// description (an element described as a structure is a `.structure`),
    /// and `contents`, the packed bytes as received, which the encoder writes
    /// back unchanged.
    public struct CompactArray: Sendable, Hashable {
        /// The type of every element.
        public let contentsDescription: TypeDescription
        /// The elements, decoded from `contents` against `contentsDescription`.
        public let elements: [DLMSData]
        /// The packed array-contents bytes.
        public let contents: [UInt8]
        /// The form of the array-contents length.
        public let contentsLength: AXDRLengthForm

        /// A compact array of `elements`, packed here; nil when an element
        /// does not have the described type (or the description is not well formed).
        public init?(contentsDescription: TypeDescription, elements: [DLMSData]) {
            guard contentsDescription.isWellFormed else { return nil }
            var contents = [UInt8]()
            for element in elements {
                guard element.encodePacked(as: contentsDescription, into: &contents) else { return nil }
            }
            self.contentsDescription = contentsDescription
            self.elements = elements
            self.contents = contents
            self.contentsLength = .canonical
        }

        /// The decoder's initialiser: `elements` were decoded from `contents`.
        init(
            contentsDescription: TypeDescription,
            elements: [DLMSData],
            contents: [UInt8],
            contentsLength: AXDRLengthForm
        ) {
            self.contentsDescription = contentsDescription
            self.elements = elements
            self.contents = contents
            self.contentsLength = contentsLength
        }
    }
}
