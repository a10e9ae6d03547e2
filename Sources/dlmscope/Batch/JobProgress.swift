/// How far a job is into its input, for the progress bar: every `interval` records it reports
/// the input's position (bytes read so far), so that a large file moves the bar as it goes.
struct JobProgress: Sendable {
    /// Records between two reports: checking more often would cost, less often the bar lags.
    static let interval = 4096

    private let report: (@Sendable (Int) -> Void)?
    private var records = 0

    /// Reports to `report`; without it, nothing is reported.
    init(report: (@Sendable (Int) -> Void)? = nil) {
        self.report = report
    }

    /// Counts a record; every `interval` records, reports `position()`.
    mutating func count(position: () -> Int) {
        records &+= 1
        guard records % Self.interval == 0, let report else { return }
        report(position())
    }
}
