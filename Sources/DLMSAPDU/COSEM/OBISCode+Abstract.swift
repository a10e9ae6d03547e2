extension OBISCode {
    /// Names of abstract objects (A = 0), from the Blue Book tables of
    /// abstract, general purpose, communication setup and service entry objects.
    /// B (channel) is a wildcard unless the standard fixes it to 0.
    var abstractName: String? {
        switch (c, d, e, f) {
        // C = 0, general purpose objects
        case (0, 1, 0, _): return "Billing period counter" + historicalSuffix
        case (0, 1, 1, 255): return "Number of available billing periods"
        case (0, 1, 2, _): return "Time stamp of the billing period" + historicalSuffix
        case (0, 2, 0, 255): return "Active firmware identifier"
        case (0, 2, 8, 255): return "Active firmware signature"

        // Clock, modem, scripts and schedules
        case (1, 0, let e, 255): return e == 0 ? "Clock" : "Clock \(Int(e) + 1)"
        case (2, 0, 0, 255): return "Modem configuration"
        case (2, 1, _, 255): return "Auto connect"
        case (2, 2, 0, 255): return "Auto answer"
        case (10, 0, let e, 255): return Self.scriptTableName(e)
        case (11, 0, _, 255): return "Special days table"
        case (12, 0, _, 255): return "Schedule"
        case (13, 0, _, 255): return "Activity calendar"
        case (14, 0, _, 255): return "Register activation"
        case (15, 0, _, 255): return "Single action schedule"
        case (16, 0, _, 255): return "Register monitor"
        case (16, 1, _, 255): return "Alarm monitor"
        case (16, 2, _, 255): return "Parameter monitor"
        case (17, 0, _, 255): return "Limiter"

        // Local ports
        case (20, 0, 0, 255): return "IEC optical port setup"
        case (20, 0, 1, 255): return "IEC electrical port setup"
        case (21, 0, _, 255): return "Standard readout profile"
        case (22, 0, 0, 255): return "IEC HDLC setup"
        case (23, 0, 0, 255): return "IEC twisted pair (1) setup"

        // M-Bus
        case (24, 0, 0, 255): return "M-Bus slave port setup"
        case (24, 1, _, 255): return "M-Bus client"
        case (24, 2, _, 255): return "M-Bus value"
        case (24, 3, _, 255): return "M-Bus profile"
        case (24, 4, _, 255): return "M-Bus disconnect control"
        case (24, 5, _, 255): return "M-Bus control log"
        case (24, 6, _, 255): return "M-Bus master port setup"
        case (24, 8, _, 255): return "DLMS/COSEM server M-Bus port setup"
        case (24, 9, _, 255): return "M-Bus diagnostic"

        // Internet and push
        case (25, 0, _, 255): return "TCP-UDP setup"
        case (25, 1, _, 255): return "IPv4 setup"
        case (25, 2, _, 255): return "MAC address setup"
        case (25, 3, _, 255): return "PPP setup"
        case (25, 4, _, 255): return "GPRS modem setup"
        case (25, 5, _, 255): return "SMTP setup"
        case (25, 6, _, 255): return "GSM diagnostic"
        case (25, 7, _, 255): return "IPv6 setup"
        case (25, 9, _, 255): return "Push setup"
        case (25, 10, _, 255): return "NTP setup"
        case (25, 11, _, 255): return "LTE monitoring"

        // Association, security and firmware (B = 0 only)
        case (40, 0, 0, 255) where b == 0: return "Current association"
        case (40, 0, let e, 255) where b == 0: return "Association \(e)"
        case (41, 0, 0, 255) where b == 0: return "SAP assignment"
        case (42, 0, 0, 255) where b == 0: return "COSEM logical device name"
        case (43, 0, let e, 255): return Self.numbered("Security setup", e)
        case (43, 1, let e, 255): return Self.numbered("Invocation counter", e)
        case (44, 0, let e, 255): return Self.numbered("Image transfer", e)

        // C = 96..99: service entries, error and alarm registers, profiles
        case (96, _, _, 255): return serviceEntryName
        case (97, 97, let e, 255): return Self.numbered("Error register", e)
        case (97, 98, let e, 255): return Self.alarmObjectName(e)
        case (98, 1, let e, _): return Self.numbered("Data of billing period", e) + historicalSuffix
        case (99, 98, let e, 255): return Self.numbered("Event log", e)
        default: return nil
        }
    }

    /// Script tables `0.b.10.0.e.255` (Blue Book: script table objects).
    static func scriptTableName(_ e: UInt8) -> String {
        switch e {
        case 0: "Global meter reset script table"
        case 1: "MDI reset / end of billing period script table"
        case 100: "Tariffication script table"
        case 101: "Activate test mode script table"
        case 102: "Activate normal mode script table"
        case 103: "Set output signals script table"
        case 104: "Switch optical test output script table"
        case 105: "Power quality measurement management script table"
        case 106: "Disconnect control script table"
        case 107: "Image activation script table"
        case 108: "Push script table"
        default: "Script table \(e)"
        }
    }

    /// `0.b.97.98.e.255`: alarm registers (E 0...9), alarm filters (10...19)
    /// and alarm descriptors (20...29), numbered from 1.
    static func alarmObjectName(_ e: UInt8) -> String? {
        switch e {
        case 0...9: "Alarm register \(Int(e) + 1)"
        case 10...19: "Alarm filter \(Int(e) - 9)"
        case 20...29: "Alarm descriptor \(Int(e) - 19)"
        default: nil
        }
    }
}
