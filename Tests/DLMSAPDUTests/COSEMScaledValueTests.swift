import DLMSAPDU
import Testing

/// value × 10^scaler, with values from the captures' SOURCE.md files.
@Suite struct COSEMScaledValueTests {
    @Test func tinetzVoltage() {
        // 1.0.32.7.0.255 = 2308, scaler -1, V (austria-mbus-encrypted)
        let voltage = ScaledValue(UInt16(2308), scaler: -1)
        #expect(voltage.decimalString == "230.8")
        #expect(voltage.doubleValue == 230.8)
        #expect(voltage.text(unit: .volt) == "230.8 V")
    }

    @Test func scalerZeroKeepsTheInteger() {
        #expect(ScaledValue(UInt32(0x33A), scaler: 0).decimalString == "826")
        #expect(ScaledValue(UInt32(10_049_926), scaler: 0).decimalString == "10049926")
        #expect(ScaledValue(UInt32(10_049_926), scaler: 0).doubleValue == 10_049_926)
        #expect(ScaledValue(UInt32(10_049_926), scaler: 0).text(unit: .wattHour) == "10049926 Wh")
    }

    @Test func centiAmperes() {
        // Kamstrup IL1 = 0x234 centi-A = 5.64 A; 0x33A with scaler -2 = 8.26
        #expect(ScaledValue(UInt16(0x234), scaler: -2).decimalString == "5.64")
        #expect(ScaledValue(UInt16(0x234), scaler: -2).doubleValue == 5.64)
        #expect(ScaledValue(UInt32(0x33A), scaler: -2).decimalString == "8.26")
        #expect(ScaledValue(UInt16(0xED), scaler: -2).decimalString == "2.37")
        #expect(ScaledValue(UInt16(9), scaler: -2).decimalString == "0.09")
        #expect(ScaledValue(UInt16(9), scaler: -2).doubleValue == 0.09)
    }

    @Test func trailingZerosAndResolution() {
        let value = ScaledValue(Int32(2300), scaler: -2)
        #expect(value.decimalString == "23")
        #expect(value.fixedPointString == "23.00")
        #expect(ScaledValue(UInt8(0), scaler: -2).decimalString == "0")
        #expect(ScaledValue(UInt8(0), scaler: -2).fixedPointString == "0.00")
        #expect(ScaledValue(UInt8(5), scaler: 3).decimalString == "5000")
        #expect(ScaledValue(UInt8(5), scaler: 3).doubleValue == 5000)
    }

    @Test func negativeAndExtremeValues() {
        #expect(ScaledValue(Int8(-5), scaler: -1).decimalString == "-0.5")
        #expect(ScaledValue(Int8(-5), scaler: -1).doubleValue == -0.5)
        #expect(ScaledValue(Int16(-1234), scaler: -3).decimalString == "-1.234")
        #expect(ScaledValue(Int64.min, scaler: 0).decimalString == "-9223372036854775808")
        #expect(ScaledValue(UInt64.max, scaler: -2).decimalString == "184467440737095516.15")
        #expect(ScaledValue(UInt8(1), scaler: -5).decimalString == "0.00001")
    }

    @Test func unitlessValuesPrintNoUnit() {
        #expect(ScaledValue(UInt8(7), scaler: 0).text(unit: .count) == "7")
        #expect(ScaledValue(UInt8(7), scaler: 0).text(unit: COSEMUnit(rawValue: 0)) == "7")
    }
}
