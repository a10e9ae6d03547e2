import DLMSCore

/// `dlmscope verify`'s report on one input: per association and per meter,
/// what was protected and how, the verdicts, the invocation counters, the
/// authentication results and the findings. Built by `ConformanceAuditor`.
public struct ConformanceReport: Sendable {
    public var input: String
    public var records = 0
    public var totals = ConformanceCounts()
    public var associations: [AssociationReport] = []
    public var meters: [MeterReport] = []
    public var invocationCounters: [InvocationCounterRange] = []
    /// Every finding of the input, including those outside any APDU (transport, framing).
    public var findings: [FindingTally] = []

    public init(input: String) {
        self.input = input
    }

    /// Whether any finding has error severity (`verify` exits 1).
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}
