import DLMSAPDU
import DLMSCore
import DLMSFraming

/// A record before it gets its index: what the framing and APDU stages made
/// of a unit, and the exchange it opens or closes.
struct RecordDraft {
    var unit: FramedUnit
    var apdu: DecodedAPDU?
    var security: SecurityInfo?
    var hls: HLSResult?
    var securitySetup: SecuritySetupEvent?
    var opens: ExchangeKey?
    var closes: ExchangeKey?
}
