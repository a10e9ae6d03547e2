import DLMSCore
import DLMSFraming
import DLMSTransport

/// What the pipeline keeps per stream: its framer and what the last data
/// said about where the stream runs (for units completed later).
struct StreamContext {
    var framer: StreamFramer
    var flow: Flow?
    /// `flow` as records name it (`FlowNames`), kept with it so that a record does not look it up.
    var flowName: String?
    var direction: Direction
}
