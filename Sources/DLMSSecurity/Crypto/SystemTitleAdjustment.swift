/// How a system title that is not 8 bytes was made into the 8 bytes the GCM
/// IV needs (Green Book: IV = system title (8) ‖ invocation counter (4)).
///
/// Real traffic and real configurations hold short titles: vector a09 (a
/// 6-byte title from a project's settings) only authenticates when the title
/// is right-padded with zero bytes. That is a quirk, not a rule, so it is
/// applied and reported, never silently: a caller should show the
/// adjustment (a finding) next to whatever verdict the opening gives.
public enum SystemTitleAdjustment: Sendable, Hashable {
    /// The title was 8 bytes and used as given.
    case none
    /// The title was shorter (`originalCount` bytes, possibly 0) and zero
    /// bytes were appended to make 8.
    case rightPadded(originalCount: Int)
    /// The title was longer (`originalCount` bytes) and only its leftmost 8
    /// bytes were used.
    case truncated(originalCount: Int)

    /// Whether the title was not used as given.
    public var isAdjusted: Bool { self != .none }

    /// A sentence for a finding, e.g. "6-byte system title right-padded with zero bytes to 8 for the IV".
    public var summary: String? {
        switch self {
        case .none: nil
        case let .rightPadded(count): "\(count)-byte system title right-padded with zero bytes to 8 for the IV"
        case let .truncated(count): "\(count)-byte system title cut to its leftmost 8 bytes for the IV"
        }
    }
}
