import DLMSCore

/// A presenter that writes its JSON members through a `FieldSink`: the
/// JSON renderer writes them straight into bytes, and its `jsonFields`
/// builds the tree from the same code (`FieldTreeBuilder.build`).
protocol APDUJSONWriting: APDUPresentable {
    /// The JSON members after `type` and `variant`, in the order of `jsonFields`.
    func writeJSONMembers<S: FieldSink>(_ context: PresentationContext, to sink: inout S)
}
