extension OBISCode {
    /// A short English name for the object, as a test-lab engineer reads it,
    /// or nil when the code is not one of the groups named here.
    ///
    /// Names follow the OBIS tables of the Blue Book (IEC 62056-6-1): abstract
    /// objects (A = 0) by their object group with the standard's wildcards
    /// (usually any channel B and any instance E), electricity (A = 1) composed
    /// from value groups C (quantity and phase), D (processing), E (tariff or
    /// harmonic) and F (historical value), e.g. `1.0.1.8.0.255` is
    /// "Active energy import (+A), total" and `1.0.32.7.0.255` is
    /// "Voltage L1, instantaneous". Manufacturer-specific ranges are nil,
    /// except the Norwegian HAN list version identifier `1.1.0.2.129.255`.
    public var name: String? {
        switch a {
        case 0: abstractName
        case 1: electricityName
        default: nil
        }
    }

    /// "base" for instance 0, "base n" for instance n (Blue Book objects that
    /// exist in several instances are numbered by E).
    static func numbered(_ base: String, _ instance: UInt8) -> String {
        instance == 0 ? base : "\(base) \(instance)"
    }

    /// The suffix for value group F: empty for 255 (current value), else the
    /// historical value / billing period it names.
    var historicalSuffix: String {
        switch f {
        case 255: ""
        case 0...99: ", billing period \(f)"
        default: ", historical value (F=\(f))"
        }
    }
}
