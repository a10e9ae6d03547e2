/// A register's scaler_unit (Blue Book, Register class attribute 3): the
/// value is multiplied by 10^scaler and measured in `unit`.
public struct ScalerUnit: Sendable, Hashable {
    public var scaler: Int8
    public var unit: COSEMUnit

    public init(scaler: Int8, unit: COSEMUnit) {
        self.scaler = scaler
        self.unit = unit
    }

    /// Reads the `structure { scaler integer, unit enum }` shape.
    public init?(_ data: DLMSData) {
        guard case let .structure(members, _) = data, members.count == 2,
              case let .integer(scaler) = members[0], case let .enum(unit) = members[1]
        else { return nil }
        self.init(scaler: scaler, unit: COSEMUnit(rawValue: unit))
    }

    /// The value `data` scaled, if it is an integer value.
    public func scale(_ data: DLMSData) -> ScaledValue? {
        if let value = data.integerValue { return ScaledValue(value, scaler: scaler) }
        if let value = data.unsignedValue { return ScaledValue(value, scaler: scaler) }
        return nil
    }
}
