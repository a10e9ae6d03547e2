extension OBISCode {
    /// Names of the general and service entry objects, C = 96 (Blue Book:
    /// "General and service entry objects"), used for abstract (A = 0) and
    /// electricity (A = 1) codes alike. F must be 255.
    var serviceEntryName: String? {
        guard c == 96, f == 255 else { return nil }
        switch (d, e) {
        case (1, 0): return "Device ID 1 (manufacturing number)"
        case (1, 1...9): return "Device ID \(Int(e) + 1)"
        case (1, 255): return "Complete device ID"
        case (2, _): return Self.parameterChangeName(e)
        case (3, 0): return "State of input control signals"
        case (3, 1): return "State of output control signals"
        case (3, 2): return "State of internal control signals"
        case (3, 10): return "Disconnect control"
        case (5, _): return Self.numbered("Internal operating status", e)
        case (6, _): return Self.batteryEntryName(e)
        case (7, 9): return "Number of long power failures in any phase"
        case (7, 21): return "Number of power failures in any phase"
        case (7, _): return "Power failure monitoring (E=\(e))"
        case (8, 0): return "Time of operation"
        case (8, 1...63): return "Time of operation, tariff \(e)"
        case (9, 0): return "Ambient temperature"
        case (10, _): return "Status register \(Int(e) + 1)"
        case (11, _): return Self.numbered("Event code", e)
        case (13, 0): return "Consumer message (local consumer information port)"
        case (13, 1): return "Consumer message (display)"
        case (14, _): return "Currently active tariff"
        case (15, _): return Self.numbered("Event counter", e)
        default: return nil
        }
    }

    /// `96.2.e`: parameter changes and calibration.
    static func parameterChangeName(_ e: UInt8) -> String? {
        switch e {
        case 0: "Number of configuration program changes"
        case 1: "Date of last configuration program change"
        case 2: "Date of last time switch program change"
        case 3: "Date of last ripple control receiver program change"
        case 4: "Status of security switches"
        case 5: "Date of last calibration"
        case 6: "Date of next configuration program change"
        case 7: "Date of activation of the passive calendar"
        case 10: "Number of protected configuration program changes"
        case 11: "Date of last protected configuration program change"
        case 12: "Date (corrected) of last clock synchronisation/setting"
        case 13: "Date of last firmware activation"
        default: nil
        }
    }

    /// `96.6.e`: battery entries.
    static func batteryEntryName(_ e: UInt8) -> String? {
        switch e {
        case 0: "Battery use time counter"
        case 1: "Battery charge display"
        case 2: "Date of next battery change"
        case 3: "Battery voltage"
        case 4: "Battery initial capacity"
        case 5: "Battery installation date"
        case 6: "Battery estimated remaining use time"
        default: nil
        }
    }
}
