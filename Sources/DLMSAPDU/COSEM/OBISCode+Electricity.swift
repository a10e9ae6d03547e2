extension OBISCode {
    /// Names of electricity objects (A = 1), composed from the Blue Book value
    /// group tables for electricity: C gives the quantity and the phase
    /// (1-20 sum of phases, 21-40 L1, 41-60 L2, 61-80 L3), D the processing,
    /// E the tariff (energies and demands) or the harmonic (instantaneous
    /// values), F the historical value. B (channel) does not change the name.
    var electricityName: String? {
        switch c {
        case 0: return electricityGeneralPurposeName
        case 1...80, 82, 88...92: return measurementName
        case 81: return angleName
        case 96: return serviceEntryName
        case 97 where d == 97 && f == 255: return Self.numbered("Error register", e)
        case 98 where d == 1: return Self.numbered("Data of billing period", e) + historicalSuffix
        case 99 where f == 255: return electricityProfileName
        default: return nil
        }
    }

    /// C = 0, electricity related general purpose objects.
    private var electricityGeneralPurposeName: String? {
        switch (d, e, f) {
        case (0, 0...9, 255): return "Electricity ID \(Int(e) + 1)"
        case (0, 255, 255): return "Complete combined electricity ID"
        case (1, 0, _): return "Billing period counter" + historicalSuffix
        case (1, 1, 255): return "Number of available billing periods"
        case (1, 2, _): return "Time stamp of the billing period" + historicalSuffix
        case (2, 0, 255): return "Active firmware identifier"
        case (2, 8, 255): return "Active firmware signature"
        // E = 129 is a manufacturer-specific code; the Norwegian HAN lists
        // (NVE / NEK) use 1.1.0.2.129.255 for the list version ("AIDON_V0001").
        case (2, 129, 255): return "OBIS list version identifier (Norwegian HAN)"
        case (8, 0, 255): return "Measurement period 1 (averaging scheme 1)"
        case (8, 4, 255): return "Recording interval 1 (load profile)"
        case (8, 5, 255): return "Recording interval 2 (load profile)"
        default: return nil
        }
    }

    /// C = 99, electricity profiles and logs.
    private var electricityProfileName: String? {
        switch d {
        case 1: Self.numbered("Load profile with recording period 1", e)
        case 2: Self.numbered("Load profile with recording period 2", e)
        case 97: Self.numbered("Power failure event log", e)
        case 98: Self.numbered("Event log", e)
        default: nil
        }
    }

    /// Measured quantities: C = 1-80 and 82, 88-92.
    private var measurementName: String? {
        guard let processing = Self.processingName(d) else { return nil }
        let integral = Self.isTimeIntegral(d)
        guard let quantity = Self.quantityName(c, energy: integral) else { return nil }
        var name = quantity
        if !processing.isEmpty { name += ", " + processing }
        name += Self.isPowerOrEnergy(c) ? powerSuffixForE : Self.harmonicSuffix(e)
        return name + historicalSuffix
    }

    /// E for power and energy quantities: tariffs, except for instantaneous
    /// values (harmonics) and limit monitoring values (an index).
    private var powerSuffixForE: String {
        switch d {
        case 7: return Self.harmonicSuffix(e)
        case 31...42: return e == 0 ? "" : ", E=\(e)"
        default:
            switch e {
            case 0: return ", total"
            case 1...63: return ", tariff \(e)"
            default: return ", E=\(e)"
            }
        }
    }

    /// E for instantaneous values and non-power quantities: 0 is the total
    /// (fundamental plus all harmonics), 1...120 the harmonic of that order.
    static func harmonicSuffix(_ e: UInt8) -> String {
        switch e {
        case 0: ""
        case 1...120: ", harmonic \(e)"
        case 124: ", total harmonic distortion (THD)"
        case 125: ", total demand distortion (TDD)"
        case 126: ", all harmonics"
        case 127: ", all harmonics to nominal value ratio"
        default: ", E=\(e)"
        }
    }

    /// C = 81, angles: E = 10 × first + second, each digit naming
    /// 0 U(L1), 1 U(L2), 2 U(L3), 4 I(L1), 5 I(L2), 6 I(L3), 7 I(N).
    private var angleName: String? {
        let signals: [UInt8: String] = [
            0: "U(L1)", 1: "U(L2)", 2: "U(L3)", 4: "I(L1)", 5: "I(L2)", 6: "I(L3)", 7: "I(N)",
        ]
        guard let first = signals[e / 10], let second = signals[e % 10], e / 10 != e % 10,
            let processing = Self.processingName(d)
        else { return nil }
        var name = "Phase angle between \(first) and \(second)"
        if !processing.isEmpty { name += ", " + processing }
        return name + historicalSuffix
    }

    /// Value group D for electricity (processing of the quantity); the empty
    /// string for D = 8, time integral 1, the plain energy register.
    static func processingName(_ d: UInt8) -> String? {
        switch d {
        case 0: "billing period average"
        case 1: "cumulative minimum 1"
        case 2: "cumulative maximum 1"
        case 3: "minimum 1"
        case 4: "current average 1"
        case 5: "last average 1"
        case 6: "maximum 1"
        case 7: "instantaneous"
        case 8: ""
        case 9: "time integral 2"
        case 10: "time integral 3"
        case 11: "cumulative minimum 2"
        case 12: "cumulative maximum 2"
        case 13: "minimum 2"
        case 14: "current average 2"
        case 15: "last average 2"
        case 16: "maximum 2"
        case 17: "time integral 7"
        case 18: "time integral 8"
        case 19: "time integral 9"
        case 20: "time integral 10"
        case 21: "cumulative minimum 3"
        case 22: "cumulative maximum 3"
        case 23: "minimum 3"
        case 24: "current average 3"
        case 25: "last average 3"
        case 26: "maximum 3"
        case 27: "current average 5"
        case 28: "current average 6"
        case 29: "time integral 5"
        case 30: "time integral 6"
        case 31: "under limit threshold"
        case 32: "under limit occurrence counter"
        case 33: "under limit duration"
        case 34: "under limit magnitude"
        case 35: "over limit threshold"
        case 36: "over limit occurrence counter"
        case 37: "over limit duration"
        case 38: "over limit magnitude"
        case 39: "missing threshold"
        case 40: "missing occurrence counter"
        case 41: "missing duration"
        case 42: "missing magnitude"
        case 55: "test average"
        case 58: "time integral 4"
        default: nil
        }
    }

    /// Whether D is a time integral, so that a power quantity is an energy.
    static func isTimeIntegral(_ d: UInt8) -> Bool {
        switch d {
        case 8, 9, 10, 17, 18, 19, 20, 29, 30, 58: true
        default: false
        }
    }

    /// Whether C is a power quantity (energy when integrated), whose E is a tariff.
    static func isPowerOrEnergy(_ c: UInt8) -> Bool {
        guard (1...80).contains(c) else { return false }
        let kind = (c - 1) % 20 + 1
        return !(11...14).contains(kind)
    }

    /// Value group C for electricity: the quantity and its phase.
    static func quantityName(_ c: UInt8, energy: Bool) -> String? {
        switch c {
        case 1...80:
            let kind = (c - 1) % 20 + 1
            let phase = ["", "L1", "L2", "L3"][Int((c - 1) / 20)]
            switch kind {
            case 11: return phase.isEmpty ? "Current (any phase)" : "Current \(phase)"
            case 12: return phase.isEmpty ? "Voltage (any phase)" : "Voltage \(phase)"
            case 13: return phase.isEmpty ? "Power factor" : "Power factor \(phase)"
            case 14: return phase.isEmpty ? "Supply frequency" : "Supply frequency \(phase)"
            default:
                guard let base = powerName(kind, energy: energy) else { return nil }
                return phase.isEmpty ? base : "\(base), \(phase)"
            }
        case 82: return "Unitless quantity (pulses or pieces)"
        case 88: return "Ampere-squared hours (QI+QII+QIII+QIV)"
        case 89: return "Volt-squared hours (QI+QII+QIII+QIV)"
        case 90: return "Current, sum of all phases"
        case 91: return "Neutral current (L0)"
        case 92: return "Neutral voltage (L0)"
        default: return nil
        }
    }

    /// The power quantities of C modulo 20; their time integrals are energies.
    private static func powerName(_ kind: UInt8, energy: Bool) -> String? {
        switch kind {
        case 1: energy ? "Active energy import (+A)" : "Active power import (+P)"
        case 2: energy ? "Active energy export (-A)" : "Active power export (-P)"
        case 3: energy ? "Reactive energy import (+R)" : "Reactive power import (+Q)"
        case 4: energy ? "Reactive energy export (-R)" : "Reactive power export (-Q)"
        case 5: energy ? "Reactive energy QI" : "Reactive power QI"
        case 6: energy ? "Reactive energy QII" : "Reactive power QII"
        case 7: energy ? "Reactive energy QIII" : "Reactive power QIII"
        case 8: energy ? "Reactive energy QIV" : "Reactive power QIV"
        case 9: energy ? "Apparent energy import (+S)" : "Apparent power import (+S)"
        case 10: energy ? "Apparent energy export (-S)" : "Apparent power export (-S)"
        case 15: energy ? "Active energy, absolute (|+A|+|-A|)" : "Active power, absolute (|+P|+|-P|)"
        case 16: energy ? "Active energy, net (|+A|-|-A|)" : "Active power, net (|+P|-|-P|)"
        case 17: energy ? "Active energy QI" : "Active power QI"
        case 18: energy ? "Active energy QII" : "Active power QII"
        case 19: energy ? "Active energy QIII" : "Active power QIII"
        case 20: energy ? "Active energy QIV" : "Active power QIV"
        default: nil
        }
    }
}
