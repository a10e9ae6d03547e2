/// The output formats of `decode`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case json
    case text
    case xml

    /// A renderer for this format; `inputCount` lets XML choose its root.
    public func makeRenderer(inputCount: Int, options: RenderOptions = RenderOptions()) -> any RecordRenderer {
        switch self {
        case .json: JSONLinesRenderer(options: options)
        case .text: TextRenderer(options: options)
        case .xml: XMLRenderer(multipleInputs: inputCount > 1, options: options)
        }
    }
}
