/// The output formats of `decode`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case json
    case text
    case xml

    /// A renderer for this format; `inputCount` lets XML choose its root.
    public func makeRenderer(inputCount: Int) -> any RecordRenderer {
        switch self {
        case .json: JSONLinesRenderer()
        case .text: TextRenderer()
        case .xml: XMLRenderer(multipleInputs: inputCount > 1)
        }
    }
}
