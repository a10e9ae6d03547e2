/// A problem found in the traffic that does not stop decoding.
///
/// Findings are dlmscope's expert info: every defect in a capture becomes one,
/// with a stable code, a severity and where it was seen. Decoding always goes on.
public struct Finding: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        case info
        case warning
        case error

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A stable finding code such as `tcp-gap`. Codes are added, never renamed;
    /// the known ones are static members (see `Finding+Codes.swift`).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        /// The severity a finding with this code has unless stated otherwise.
        public let defaultSeverity: Severity

        public init(_ rawValue: String, severity: Severity) {
            self.rawValue = rawValue
            self.defaultSeverity = severity
        }

        public var description: String { rawValue }

        public static func == (lhs: Code, rhs: Code) -> Bool { lhs.rawValue == rhs.rawValue }
        public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    }

    public var severity: Severity
    public var code: Code
    public var message: String
    /// The capture record (or hex-log line) the problem was seen in, when known.
    public var packet: Int?
    /// Byte offset of the problem within that packet's data (for hex logs: the
    /// character column of the line), when known.
    public var offset: Int?

    public init(
        _ code: Code,
        _ message: String,
        severity: Severity? = nil,
        packet: Int? = nil,
        offset: Int? = nil
    ) {
        self.code = code
        self.message = message
        self.severity = severity ?? code.defaultSeverity
        self.packet = packet
        self.offset = offset
    }
}
